/**
 * UI strings of the portal pages (公共信息服务): key → [zh, en]. Chinese first, English complete.
 * Keys start with 'portal.'; merged into the one dictionary in src/web/i18n.ts (typed keys, `t('portal.…')`).
 */
export const portalText = {
} as const satisfies Record<string, readonly [string, string]>;
