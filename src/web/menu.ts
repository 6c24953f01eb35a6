import type { Role } from './api';
import type { MessageKey } from './i18n';

/** Every page that can appear in the side menu. */
export type MenuKey =
  | 'home'
  | 'applications'
  | 'notices'
  | 'announcements'
  | 'my-enterprise'
  | 'sites'
  | 'enterprises'
  | 'experts'
  | 'authorities'
  | 'users'
  | 'tokens'
  | 'audit'
  | 'trace'
  | 'supervision'
  | 'annual-reports'
  | 'statistics'
  | 'market-listings'
  | 'portal-admin'
  | 'catalogue-applications'
  | 'product-reports'
  | 'testing-reports'
  | 'market'
  | 'orders'
  | 'leases'
  | 'market-stats'
  | 'insurance'
  | 'insurance-claims'
  | 'insurance-policies'
  | 'insurance-figures'
  | 'core-exchange'
  | 'devices'
  | 'devices-overview'
  | 'fleet'
  | 'alarms'
  | 'cases'
  | 'password';

export interface MenuEntry {
  key: MenuKey;
  path: string;
  label: MessageKey;
}

const entry = (key: MenuKey, path: string, label: MessageKey): MenuEntry => ({ key, path, label });

const HOME = entry('home', '/', 'menu.home');
const APPLICATIONS_ENTERPRISE = entry('applications', '/applications', 'menu.applications.enterprise');
const APPLICATIONS_REVIEW = entry('applications', '/applications', 'menu.applications.review');
const APPLICATIONS_EXPERT = entry('applications', '/applications', 'menu.applications.expert');
const NOTICES = entry('notices', '/notices', 'menu.notices');
const ANNOUNCEMENTS = entry('announcements', '/announcements', 'menu.announcements');
const MY_ENTERPRISE = entry('my-enterprise', '/enterprise', 'menu.my-enterprise');
const SITES = entry('sites', '/sites', 'menu.sites');
const ENTERPRISES = entry('enterprises', '/enterprises', 'menu.enterprises');
const ALL_ENTERPRISES = entry('enterprises', '/enterprises', 'menu.enterprises.all');
const EXPERTS = entry('experts', '/experts', 'menu.experts');
const AUTHORITIES = entry('authorities', '/authorities', 'menu.authorities');
const USERS = entry('users', '/users', 'menu.users');
const TOKENS = entry('tokens', '/tokens', 'menu.tokens');
const AUDIT = entry('audit', '/audit', 'menu.audit');
const PASSWORD = entry('password', '/password', 'menu.password');
const ANNUAL_REPORTS = entry('annual-reports', '/annual-reports', 'menu.annualReports');
const ANNUAL_REPORTS_REVIEW = entry('annual-reports', '/annual-reports', 'menu.annualReports.review');
const STATISTICS = entry('statistics', '/statistics', 'menu.statistics');
const TRACE = entry('trace', '/trace', 'menu.trace');
const SUPERVISION = entry('supervision', '/supervision', 'menu.supervision');
// 交易服务 (issue 13): the seller's listings; the public market (opened from the workspace)
const MARKET_LISTINGS = entry('market-listings', '/market/listings', 'market.menu.listings');
const MARKET = entry('market', '/public/market', 'market.menu.market');
const ORDERS_BUYER = entry('orders', '/orders', 'market.menu.orders');
const ORDERS_SELLER = entry('orders', '/orders', 'market.menu.sellerOrders');
const ORDERS_ALL = entry('orders', '/orders', 'market.orders.allTitle');
const LEASES = entry('leases', '/leases', 'market.menu.leases');
const MARKET_STATS = entry('market-stats', '/statistics/market', 'market.menu.stats');
// 保险: the enterprise's units' policies, the insurer's policies and claims, the holder's policies; figures for authorities
const INSURANCE = entry('insurance', '/insurance', 'market.menu.insurance');
// the insurer's own view: the claims routed to it first, the policies it underwrites, its figures per enterprise
const INSURER_CLAIMS = entry('insurance-claims', '/insurance/claims', 'market.menu.insurerClaims');
const INSURER_POLICIES = entry('insurance-policies', '/insurance/policies', 'market.menu.insurerPolicies');
const INSURER_FIGURES = entry('insurance-figures', '/insurance/figures', 'market.menu.insurerFigures');
// 旧件交易: enterprises post supply and demand of cores, registered organisations (recyclers, dealers) supply
const CORE_EXCHANGE = entry('core-exchange', '/core-exchange', 'exchange.menu');

// 公共信息服务 (issue 14): MIIT's editing screens of standards, policies, demonstration units, testing organisations
const PORTAL_ADMIN = entry('portal-admin', '/portal-admin', 'portal.admin.menu');
const CATALOGUE_APPLY = entry('catalogue-applications', '/catalogue-applications', 'portal.capp.menu');
const CATALOGUE_REVIEW = entry('catalogue-applications', '/catalogue-applications', 'portal.capp.menuReview');
// test reports on traced products: the enterprise's (its uploads and those organisations issued) and a testing organisation's
const PRODUCT_REPORTS = entry('product-reports', '/product-reports', 'portal.preport.menuEnterprise');
const TESTING_REPORTS = entry('testing-reports', '/testing/reports', 'portal.preport.menuOrg');

// 在役监测 (issue 12): devices of the enterprise and those an organisation owns or leases; the fleet of a maker
const DEVICES = entry('devices', '/devices', 'monitoring.menu.devices');
const FLEET = entry('fleet', '/devices/fleet', 'monitoring.menu.fleet');
const DEVICES_OVERVIEW = entry('devices-overview', '/devices/overview', 'monitoring.overview.menu');
const ALARMS = entry('alarms', '/alarms', 'monitoring.menu.alarms');
const CASES = entry('cases', '/cases', 'monitoring.menu.cases');

/** The side menu of each role, in display order. The single source of truth for navigation. */
export const MENU_BY_ROLE: Record<Role, readonly MenuEntry[]> = {
  enterprise_admin: [HOME, APPLICATIONS_ENTERPRISE, ANNUAL_REPORTS, MY_ENTERPRISE, SITES, USERS, TOKENS, SUPERVISION, TRACE, DEVICES, ALARMS, CASES, FLEET, MARKET_LISTINGS, ORDERS_SELLER, LEASES, INSURANCE, CORE_EXCHANGE, CATALOGUE_APPLY, PRODUCT_REPORTS, PASSWORD],
  enterprise_staff: [HOME, APPLICATIONS_ENTERPRISE, ANNUAL_REPORTS, MY_ENTERPRISE, SITES, SUPERVISION, TRACE, DEVICES, ALARMS, CASES, FLEET, MARKET_LISTINGS, ORDERS_SELLER, LEASES, INSURANCE, CORE_EXCHANGE, CATALOGUE_APPLY, PRODUCT_REPORTS, PASSWORD],
  authority_reviewer: [HOME, APPLICATIONS_REVIEW, ANNUAL_REPORTS_REVIEW, STATISTICS, MARKET_STATS, DEVICES_OVERVIEW, INSURANCE, ENTERPRISES, SUPERVISION, TRACE, CATALOGUE_REVIEW, PASSWORD],
  authority_admin: [HOME, APPLICATIONS_REVIEW, ANNUAL_REPORTS_REVIEW, STATISTICS, MARKET_STATS, DEVICES_OVERVIEW, INSURANCE, ENTERPRISES, USERS, SUPERVISION, TRACE, CATALOGUE_REVIEW, PASSWORD],
  ministry_officer: [HOME, APPLICATIONS_REVIEW, ANNUAL_REPORTS_REVIEW, STATISTICS, MARKET_STATS, DEVICES_OVERVIEW, INSURANCE, NOTICES, ANNOUNCEMENTS, ALL_ENTERPRISES, EXPERTS, SUPERVISION, TRACE, PORTAL_ADMIN, CATALOGUE_REVIEW, ORDERS_ALL, LEASES, PASSWORD],
  ministry_admin: [HOME, APPLICATIONS_REVIEW, ANNUAL_REPORTS_REVIEW, STATISTICS, MARKET_STATS, DEVICES_OVERVIEW, INSURANCE, NOTICES, ANNOUNCEMENTS, ALL_ENTERPRISES, EXPERTS, AUTHORITIES, USERS, AUDIT, SUPERVISION, TRACE, PORTAL_ADMIN, CATALOGUE_REVIEW, ORDERS_ALL, LEASES, PASSWORD],
  expert: [HOME, APPLICATIONS_EXPERT, PASSWORD],
  // 交易服务 (issue 13): registered buyer organisations
  buyer_admin: [HOME, MARKET, ORDERS_BUYER, LEASES, INSURANCE, CORE_EXCHANGE, DEVICES, CASES, USERS, PASSWORD],
  buyer_staff: [HOME, MARKET, ORDERS_BUYER, LEASES, INSURANCE, CORE_EXCHANGE, DEVICES, CASES, PASSWORD],
  // 保险 (issue 13): an insurer's users — claims, policies, figures; not the market, orders, leases or core exchange
  insurer_admin: [HOME, INSURER_CLAIMS, INSURER_POLICIES, INSURER_FIGURES, USERS, PASSWORD],
  insurer_staff: [HOME, INSURER_CLAIMS, INSURER_POLICIES, INSURER_FIGURES, PASSWORD],
  // 公共信息服务 (issue 14): a testing organisation's users issue test reports on traced products
  testing_org_staff: [HOME, TESTING_REPORTS, PASSWORD],
  // its administrator: the same, and the organisation's users
  testing_org_admin: [HOME, TESTING_REPORTS, USERS, PASSWORD],
};

export function menuFor(role: Role | undefined): readonly MenuEntry[] {
  return (role && MENU_BY_ROLE[role]) || [HOME, PASSWORD];
}

/** Whether the role's menu holds the entry (any one of several: a page reached from more than one entry). */
export function canOpen(role: Role | undefined, key: MenuKey | readonly MenuKey[]): boolean {
  const keys: readonly MenuKey[] = typeof key === 'string' ? [key] : key;
  return menuFor(role).some((m) => keys.includes(m.key));
}

/** The insurance pages: the one entry of the enterprise, holder and authority roles, or one of the insurer's three. */
export const INSURANCE_MENUS: readonly MenuKey[] = ['insurance', 'insurance-claims', 'insurance-policies', 'insurance-figures'];
export const isInsurerRole = (r: Role | undefined): boolean => r === 'insurer_admin' || r === 'insurer_staff';

/** Which menu item to highlight for a location. */
export function menuKeyForPath(role: Role | undefined, pathname: string): MenuKey | undefined {
  const items = menuFor(role);
  let best: MenuEntry | undefined;
  for (const m of items) {
    const match = m.path === '/' ? pathname === '/' : pathname === m.path || pathname.startsWith(`${m.path}/`);
    if (match && (!best || m.path.length > best.path.length)) best = m;
  }
  return best?.key;
}

// ---------------------------------------------------------------- role helpers

export const ENTERPRISE_ROLES: readonly Role[] = ['enterprise_admin', 'enterprise_staff'];
export const AUTHORITY_ROLES: readonly Role[] = ['authority_reviewer', 'authority_admin'];
export const MINISTRY_ROLES: readonly Role[] = ['ministry_officer', 'ministry_admin'];
export const ALL_ROLES: readonly Role[] = [
  'enterprise_admin',
  'enterprise_staff',
  'authority_reviewer',
  'authority_admin',
  'ministry_officer',
  'ministry_admin',
  'expert',
];

/** Users of registered organisations (buyers, insurers) and of the testing organisations of the directory. */
export const BUYER_ROLES: readonly Role[] = ['buyer_admin', 'buyer_staff'];
export const INSURER_ROLES: readonly Role[] = ['insurer_admin', 'insurer_staff'];
export const TESTING_ORG_ROLES: readonly Role[] = ['testing_org_staff', 'testing_org_admin'];

export const MIIT_ID = 'miit';

export const isEnterpriseRole = (r: Role | undefined): boolean => !!r && ENTERPRISE_ROLES.includes(r);
export const isAuthorityRole = (r: Role | undefined): boolean => !!r && AUTHORITY_ROLES.includes(r);
export const isMinistryRole = (r: Role | undefined): boolean => !!r && MINISTRY_ROLES.includes(r);

/**
 * The roles an admin may grant when creating a user (the server checks again).
 * Enterprise and authority admins grant roles within their own organisation.
 */
export const GRANTABLE_ROLES: Partial<Record<Role, readonly Role[]>> = {
  enterprise_admin: ['enterprise_staff', 'enterprise_admin'],
  authority_admin: ['authority_reviewer', 'authority_admin'],
  // registered organisations' admins: their own staff (and further admins)
  buyer_admin: ['buyer_staff', 'buyer_admin'],
  insurer_admin: ['insurer_staff', 'insurer_admin'],
  testing_org_admin: ['testing_org_staff', 'testing_org_admin'],
  // the ministry admin: every role, the first admin of a buyer, an insurer or a testing organisation, and their users too
  ministry_admin: [...ALL_ROLES, ...BUYER_ROLES, ...INSURER_ROLES, ...TESTING_ORG_ROLES],
};

/** The kind of organisation a new user of this role is created in (the organisation field of the create-user dialog). */
export type UserOrgKind = ReturnType<typeof organizationKindOf> | 'buyer' | 'insurer' | 'testing_org';
export function userOrgKindOf(role: Role): UserOrgKind {
  if (BUYER_ROLES.includes(role)) return 'buyer';
  if (INSURER_ROLES.includes(role)) return 'insurer';
  if (TESTING_ORG_ROLES.includes(role)) return 'testing_org';
  return organizationKindOf(role);
}

/** The organisation kind a role belongs to (ministry roles live in the 'miit' authority). */
export function organizationKindOf(role: Role): 'enterprise' | 'authority' | 'ministry' | 'expert' {
  if (isEnterpriseRole(role)) return 'enterprise';
  if (isAuthorityRole(role)) return 'authority';
  if (isMinistryRole(role)) return 'ministry';
  return 'expert';
}
