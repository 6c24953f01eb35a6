/**
 * UI strings of the monitoring pages (在役监测): key → [zh, en]. Chinese first, English complete.
 * Keys start with 'monitoring.'; merged into the one dictionary in src/web/i18n.ts (typed keys, `t('monitoring.…')`).
 */
export const monitoringText = {
} as const satisfies Record<string, readonly [string, string]>;
