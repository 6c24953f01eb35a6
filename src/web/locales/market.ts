/**
 * UI strings of the market pages (交易服务): key → [zh, en]. Chinese first, English complete.
 * Keys start with 'market.'; merged into the one dictionary in src/web/i18n.ts (typed keys, `t('market.…')`).
 */
export const marketText = {
} as const satisfies Record<string, readonly [string, string]>;
