import type { ReactNode } from 'react';
import type { MenuKey } from '../menu';

/**
 * A handful of line icons drawn inline (the app does not depend on an icon
 * package). 1em square, currentColor, so they sit in antd menus like its own.
 */
function Svg({ children }: { children: ReactNode }) {
  return (
    <span className="anticon" role="img" aria-hidden="true">
      <svg
        viewBox="0 0 24 24"
        width="1em"
        height="1em"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {children}
      </svg>
    </span>
  );
}

const paths: Record<MenuKey, ReactNode> = {
  // 在役监测 (monitoring helper): the alarm console (a bell), cases (a clipboard with a check)
  alarms: (
    <>
      <path d="M6 16.5V11a6 6 0 0 1 12 0v5.5l1.5 1.5h-15z" />
      <path d="M10 20.5a2 2 0 0 0 4 0" />
    </>
  ),
  cases: (
    <>
      <rect x="5" y="4.5" width="14" height="16.5" rx="1.5" />
      <path d="M9 4.5V3h6v1.5M9 13l2 2 4-4" />
    </>
  ),
  // 交易服务 (market helper): my listings (a price tag), the market (a shop)
  'market-listings': (
    <>
      <path d="M3.5 12.5 11.5 4.5h8v8l-8 8z" />
      <circle cx="15.5" cy="8.5" r="1.3" />
    </>
  ),
  market: (
    <>
      <path d="M4 9.5 5.5 4h13L20 9.5" />
      <path d="M4 9.5h16v1a2.7 2.7 0 0 1-5.3 0 2.7 2.7 0 0 1-5.4 0 2.7 2.7 0 0 1-5.3 0z" />
      <path d="M5.5 12.5V20h13v-7.5M10 20v-4.5h4V20" />
    </>
  ),
  // 旧件交易 (trading helper): two arrows passing each other (cores change hands)
  'core-exchange': (
    <>
      <path d="M4 8h13l-3.5-3.5M20 16H7l3.5 3.5" />
    </>
  ),
  // quality insurance (a shield with a check)
  insurance: (
    <>
      <path d="M12 3.5 5 6v5.5c0 4.3 3 7.6 7 9 4-1.4 7-4.7 7-9V6z" />
      <path d="M9 12l2.2 2.2L15.5 10" />
    </>
  ),
  // the insurer's claims (a shield with an exclamation mark: something to decide)
  'insurance-claims': (
    <>
      <path d="M12 3.5 5 6v5.5c0 4.3 3 7.6 7 9 4-1.4 7-4.7 7-9V6z" />
      <path d="M12 8.5v4.5M12 15.8v.2" />
    </>
  ),
  // the insurer's policies (a document with a shield's check)
  'insurance-policies': (
    <>
      <rect x="5.5" y="3.5" width="13" height="17" rx="1.5" />
      <path d="M9 8h6M9 11.5h6M9.5 16l1.8 1.8L15 14.5" />
    </>
  ),
  // the insurer's figures (bars)
  'insurance-figures': (
    <>
      <path d="M4 20h16M7 17v-5M12 17V7M17 17v-8" />
    </>
  ),
  // market statistics (a bar chart over a price tag's corner)
  'market-stats': (
    <>
      <path d="M4 20h16" />
      <path d="M6.5 20v-6h3v6M10.5 20V9h3v11M14.5 20v-8h3v8" />
      <path d="M15 4.5h4.5V9" />
    </>
  ),
  // orders (a clipboard with a check)
  orders: (
    <>
      <rect x="5" y="4" width="14" height="17" rx="1.5" />
      <path d="M9 4V3h6v1M8.5 13l2.5 2.5 4.5-5" />
    </>
  ),
  // leases (a key)
  leases: (
    <>
      <circle cx="8" cy="12" r="3.5" />
      <path d="M11.5 12H20M17 12v3M20 12v2.5" />
    </>
  ),
  'annual-reports': (
    <>
      <rect x="5" y="3" width="14" height="18" rx="1.5" />
      <path d="M8.5 8h7M8.5 12h7M8.5 16h4" />
    </>
  ),
  statistics: (
    <>
      <path d="M4 20h16" />
      <path d="M7 16v-5M12 16V7M17 16v-8" />
    </>
  ),
  trace: (
    <>
      <rect x="4" y="4" width="6" height="6" />
      <rect x="14" y="14" width="6" height="6" />
      <path d="M14 4h6v6M4 14v6h6M7 10v4h3M17 10v4h-3" />
    </>
  ),
  supervision: (
    <>
      <path d="M12 3 4.5 6v5.5c0 4.4 3.2 8.3 7.5 9.5 4.3-1.2 7.5-5.1 7.5-9.5V6z" />
      <path d="m8.5 12 2.5 2.5 4.5-5" />
    </>
  ),
  home: (
    <>
      <path d="M3 11.5 12 4l9 7.5" />
      <path d="M5.5 9.5V20h13V9.5" />
      <path d="M10 20v-5h4v5" />
    </>
  ),
  applications: (
    <>
      <path d="M14 3H6.5A1.5 1.5 0 0 0 5 4.5v15A1.5 1.5 0 0 0 6.5 21h11a1.5 1.5 0 0 0 1.5-1.5V8z" />
      <path d="M14 3v5h5M8.5 12.5h7M8.5 16h7M8.5 9h3" />
    </>
  ),
  notices: (
    <>
      <path d="M4 10v4h3l6 4V6L7 10z" />
      <path d="M16.5 9.5a3.5 3.5 0 0 1 0 5M18.5 7a7 7 0 0 1 0 10" />
    </>
  ),
  announcements: (
    <>
      <rect x="4" y="3" width="16" height="18" rx="1.5" />
      <path d="M8 8h8M8 12h8M8 16h5" />
      <circle cx="16.5" cy="16.5" r="1.2" />
    </>
  ),
  'my-enterprise': (
    <>
      <rect x="4" y="3" width="12" height="18" rx="1" />
      <path d="M16 9h4v12h-4M8 7h1M11 7h1M8 11h1M11 11h1M8 15h1M11 15h1M9 21v-3h2v3" />
    </>
  ),
  sites: (
    <>
      <path d="M3 21V10l5 3V10l5 3V10l5 3V4h3v17z" />
      <path d="M7 17h2M12 17h2" />
    </>
  ),
  enterprises: (
    <>
      <rect x="3" y="4" width="18" height="16" rx="1.5" />
      <path d="M3 9h18M8 13h8M8 16h5" />
    </>
  ),
  experts: (
    <>
      <circle cx="12" cy="8" r="3.5" />
      <path d="M5 20c.8-3.6 3.6-5.5 7-5.5s6.2 1.9 7 5.5" />
      <path d="m12 14.5-1 2.5 1 1.5 1-1.5z" />
    </>
  ),
  authorities: (
    <>
      <path d="M3 9 12 4l9 5z" />
      <path d="M5 9v8M9.5 9v8M14.5 9v8M19 9v8M3 20h18" />
    </>
  ),
  users: (
    <>
      <circle cx="9" cy="8" r="3.2" />
      <path d="M3 20c.6-3.4 2.9-5.3 6-5.3s5.4 1.9 6 5.3" />
      <path d="M15.5 4.8a3.2 3.2 0 0 1 0 6.4M17.5 14.9c1.9.6 3.1 2.3 3.5 5.1" />
    </>
  ),
  tokens: (
    <>
      <circle cx="8" cy="15" r="4" />
      <path d="m11 12 8-8M16 7l2.5 2.5M14 9l2 2" />
    </>
  ),
  audit: (
    <>
      <path d="M14 3H6.5A1.5 1.5 0 0 0 5 4.5v15A1.5 1.5 0 0 0 6.5 21h11a1.5 1.5 0 0 0 1.5-1.5V8z" />
      <path d="M14 3v5h5M8.5 14l2.2 2.2L15.5 11.5" />
    </>
  ),
  // 在役监测 (monweb, issue 12): a pulse line on a screen; the fleet: three units in a row
  devices: (
    <>
      <rect x="3" y="4.5" width="18" height="13" rx="1.5" />
      <path d="M6 12h3l1.5-3 3 6 1.5-3h3M9 20.5h6" />
    </>
  ),
  fleet: (
    <>
      <rect x="3" y="13" width="5" height="6" rx="1" />
      <rect x="9.5" y="9" width="5" height="10" rx="1" />
      <rect x="16" y="5" width="5" height="14" rx="1" />
    </>
  ),
  // 在役设备概况 (authorities): a grid of province tiles
  'devices-overview': (
    <>
      <rect x="3" y="3" width="5" height="5" rx="1" />
      <rect x="9.5" y="3" width="5" height="5" rx="1" />
      <rect x="9.5" y="9.5" width="5" height="5" rx="1" />
      <rect x="16" y="9.5" width="5" height="5" rx="1" />
      <rect x="3" y="9.5" width="5" height="5" rx="1" />
      <rect x="9.5" y="16" width="5" height="5" rx="1" />
    </>
  ),
  // 公共信息维护 (portal, issue 14): an open book
  // 产品目录申请/审核: a book with a check (a listed model)
  'catalogue-applications': (
    <>
      <path d="M5 4.5h11a2 2 0 0 1 2 2V20H7a2 2 0 0 1-2-2z" />
      <path d="M5 18a2 2 0 0 1 2-2h11M9 10l2 2 4-4" />
    </>
  ),
  // test reports on products: a sheet with a seal (the enterprise's), a flask (the testing organisation's)
  'product-reports': (
    <>
      <path d="M6 3.5h9l3 3V20.5H6z" />
      <path d="M9 9h6M9 12.5h4" />
      <circle cx="14" cy="16.5" r="2" />
    </>
  ),
  'testing-reports': (
    <>
      <path d="M9.5 3.5h5M10.5 3.5v6L5 19a1.2 1.2 0 0 0 1 1.8h12a1.2 1.2 0 0 0 1-1.8l-5.5-9.5v-6" />
      <path d="M7.5 15h9" />
    </>
  ),
  'portal-admin': (
    <>
      <path d="M12 6.5C10 5 7 4.5 3.5 5v13c3.5-.5 6.5 0 8.5 1.5 2-1.5 5-2 8.5-1.5V5C17 4.5 14 5 12 6.5z" />
      <path d="M12 6.5v13" />
    </>
  ),
  password: (
    <>
      <rect x="4.5" y="10.5" width="15" height="10" rx="1.5" />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3M12 14.5v2.5" />
    </>
  ),
};

export function MenuIcon({ name }: { name: MenuKey }) {
  return <Svg>{paths[name]}</Svg>;
}

export function BellIcon() {
  return (
    <Svg>
      <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15z" />
      <path d="M10 20.5a2 2 0 0 0 4 0" />
    </Svg>
  );
}

export function GlobeIcon() {
  return (
    <Svg>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M3.5 12h17M12 3.5c2.5 2.6 3.5 5.3 3.5 8.5s-1 5.9-3.5 8.5c-2.5-2.6-3.5-5.3-3.5-8.5s1-5.9 3.5-8.5z" />
    </Svg>
  );
}

export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg viewBox="0 0 32 32" width={size} height={size} aria-hidden="true">
      <rect width="32" height="32" rx="6" fill="#ffffff" fillOpacity="0.15" />
      <path
        d="M9 16a7 7 0 0 1 12-4.9L23 9v6h-6l2.1-2.1A4.5 4.5 0 1 0 20.3 18h2.9A7 7 0 0 1 9 16z"
        fill="#ffffff"
      />
    </svg>
  );
}
