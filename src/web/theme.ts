import type { ThemeConfig } from 'antd';

/** A sober government-portal palette: deep blue header and menu, neutral content. */
export const BRAND_BLUE = '#1d4e89';
export const BRAND_DARK = '#12355e';

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
