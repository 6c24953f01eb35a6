import type { ThemeConfig } from 'antd';

/** A sober government-portal palette: deep blue header and menu, neutral content. */
export const BRAND_BLUE = '#1d4e89';
export const BRAND_DARK = '#12355e';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_BLUE,
    colorInfo: BRAND_BLUE,
    borderRadius: 4,
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
