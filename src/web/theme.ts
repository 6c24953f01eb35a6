import type { ThemeConfig } from 'antd';

/** A sober government-portal palette: deep blue header and menu, neutral content. */
export const BRAND_BLUE = '#1d4e89';
export const BRAND_DARK = '#12355e';
/**
 * Grey for secondary lines written with an inline colour (a listing's or an order's second line): #595959, 7:1 on
 * white. antd's #8c8c8c (its secondary/placeholder grey) is 3.4:1, under WCAG AA's 4.5:1 (issue 16 item 19).
 */
export const SECONDARY_TEXT = '#595959';
/** Dark red for danger text (a danger button's words, form errors): antd's #ff4d4f is 3.3:1 on white, this 5.9:1. */
const ERROR_TEXT = '#cf1322';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_BLUE,
    colorInfo: BRAND_BLUE,
    borderRadius: 4,
    // Contrast (WCAG AA 4.5:1, checked by axe-core in test/browser/accessibility.test.ts; docs/ux.md): antd's
    // secondary text (0.45 black ≈ 3.4:1 on white), placeholders (0.25) and the text of the light preset tags
    // (gold, green, cyan, orange … at shade 7) are too pale; these are the darkest shades that read the same.
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    gold7: '#874d00',
    yellow7: '#614700',
    orange7: '#ad4e00',
    volcano7: '#ad2102',
    green7: '#237804',
    lime7: '#3f6600',
    cyan7: '#006d75',
    // success / warning texts (Typography type="success" on a listing's saving, …): antd's are ~2.2:1 on white
    colorSuccessText: '#237804',
    colorError: ERROR_TEXT,
    colorWarningText: '#874d00',
    // a hovered link stays ≥ 4.5:1 on white (antd derives a paler blue)
    colorLinkHover: '#2a64a8',
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: {
      headerBg: BRAND_BLUE,
      headerHeight: 60,
      headerPadding: '0 24px',
      siderBg: BRAND_DARK,
      triggerBg: '#0d2747',
      bodyBg: '#f0f2f5',
    },
    // an empty table's words (暂无数据, or the page's own empty text) take antd's disabled grey (0.25 black, 2:1):
    // the description colour instead (axe color-contrast on /leases, /insurance, a buyer's /devices)
    Table: {
      colorTextDisabled: 'rgba(0, 0, 0, 0.62)',
    },
    // the derived info background of the brand blue is a heavy grey-blue: lighten it for banners
    Alert: {
      colorInfoBg: '#eef4fb',
      colorInfoBorder: '#c4d6ec',
    },
    Menu: {
      darkItemBg: BRAND_DARK,
      darkSubMenuItemBg: '#0d2747',
      darkItemSelectedBg: '#2f6fba',
    },
  },
};
