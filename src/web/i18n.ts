import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/** UI locales. Chinese is the default and comes first everywhere. */
export type Locale = 'zh' | 'en';

export const LOCALE_STORAGE_KEY = 'reman_locale';

/**
 * The UI dictionary: every key maps to [zh, en]. Placeholders are written
 * `{name}` and filled by `t(key, { name })`.
 */
const dict = {
  // ---- app shell
  'app.title': ['再制造公共信息服务平台', 'Remanufacturing Public Information Service Platform'],
  'app.shortTitle': ['再制造信息平台', 'Reman Info Platform'],
  'app.footer': ['再制造公共信息服务平台 · 工业和信息化部指导', 'Remanufacturing Public Information Service Platform · guided by MIIT'],
  'app.lang.switchTo': ['English', '中文'],
  'app.logout': ['退出登录', 'Log out'],
  'app.loading': ['加载中…', 'Loading…'],
  'app.notFound': ['页面不存在', 'Page not found'],
  'app.notFound.sub': ['您访问的页面不存在或已被移除。', 'The page you requested does not exist.'],
  'app.forbidden': ['无权访问', 'Access denied'],
  'app.forbidden.sub': ['您的角色无权访问此页面。', 'Your role may not open this page.'],
  'app.backHome': ['返回首页', 'Back to home'],
  'app.mustChangePassword': ['首次登录或密码已被重置，请先修改密码。', 'Please change your password before continuing.'],

  // ---- menu
  'menu.home': ['首页', 'Home'],
  'menu.my-enterprise': ['企业信息', 'Enterprise'],
  'menu.sites': ['厂区', 'Sites'],
  'menu.users': ['用户管理', 'Users'],
  'menu.tokens': ['API令牌', 'API tokens'],
  'menu.password': ['修改密码', 'Change password'],
  'menu.enterprises': ['辖区企业', 'Enterprises'],
  'menu.enterprises.all': ['全部企业', 'All enterprises'],
  'menu.experts': ['专家库', 'Experts'],
  'menu.authorities': ['主管部门', 'Authorities'],
  'menu.audit': ['审计日志', 'Audit log'],

  // ---- common
  'common.save': ['保存', 'Save'],
  'common.cancel': ['取消', 'Cancel'],
  'common.edit': ['编辑', 'Edit'],
  'common.add': ['新增', 'Add'],
  'common.create': ['创建', 'Create'],
  'common.close': ['关闭', 'Close'],
  'common.ok': ['确定', 'OK'],
  'common.actions': ['操作', 'Actions'],
  'common.search': ['搜索', 'Search'],
  'common.reset': ['重置', 'Reset'],
  'common.refresh': ['刷新', 'Refresh'],
  'common.back': ['返回', 'Back'],
  'common.yes': ['是', 'Yes'],
  'common.no': ['否', 'No'],
  'common.none': ['—', '—'],
  'common.colon': ['：', ': '],
  'common.copy': ['复制', 'Copy'],
  'common.copied': ['已复制', 'Copied'],
  'common.copyFailed': ['复制失败，请手动选择复制', 'Copy failed; please select and copy manually'],
  'common.saved': ['已保存', 'Saved'],
  'common.created': ['已创建', 'Created'],
  'common.total': ['共 {total} 条', '{total} in total'],
  'common.required': ['请填写此项', 'This field is required'],
  'common.invalidEmail': ['邮箱格式不正确', 'Invalid e-mail address'],
  'common.createdAt': ['创建时间', 'Created'],
  'common.updatedAt': ['更新时间', 'Updated'],
  'common.status': ['状态', 'Status'],
  'common.name': ['名称', 'Name'],
  'common.pleaseSelect': ['请选择', 'Please select'],
  'common.loadFailed': ['加载失败', 'Failed to load'],
  'common.retry': ['重试', 'Retry'],
  'common.networkError': ['网络错误，请稍后重试', 'Network error, please try again later'],
  'common.unknownError': ['操作失败', 'Operation failed'],
  'common.validationError': ['提交内容有误，请检查标注的字段', 'Please correct the highlighted fields'],

  // ---- login
  'login.title': ['用户登录', 'Sign in'],
  'login.subtitle': ['面向再制造企业、主管部门与专家的公共信息服务', 'Public information services for remanufacturers, authorities and experts'],
  'login.username': ['用户名', 'Username'],
  'login.password': ['密码', 'Password'],
  'login.submit': ['登录', 'Sign in'],
  'login.usernameRequired': ['请输入用户名', 'Please enter your username'],
  'login.passwordRequired': ['请输入密码', 'Please enter your password'],

  // ---- password
  'password.title': ['修改密码', 'Change password'],
  'password.current': ['当前密码', 'Current password'],
  'password.new': ['新密码', 'New password'],
  'password.confirm': ['确认新密码', 'Confirm new password'],
  'password.mismatch': ['两次输入的新密码不一致', 'The two new passwords do not match'],
  'password.sameAsOld': ['新密码不能与当前密码相同', 'The new password must differ from the current one'],
  'password.rule': ['密码须为 10–128 位，且同时包含字母和数字', 'The password must be 10–128 characters and contain both letters and digits'],
  'password.hint': ['密码须为 10–128 位，且同时包含字母和数字。', '10–128 characters, with both letters and digits.'],
  'password.changed': ['密码已修改', 'Password changed'],
  'password.submit': ['确认修改', 'Change password'],

  // ---- home
  'home.title': ['首页', 'Home'],
  'home.welcome': ['欢迎，{name}', 'Welcome, {name}'],
  'home.organization': ['所属单位', 'Organisation'],
  'home.role': ['角色', 'Role'],
  'home.username': ['用户名', 'Username'],
  'home.chartTitle': ['各省（区、市）再制造企业数量', 'Remanufacturing enterprises by province'],
  'home.chartCount': ['企业数', 'Enterprises'],
  'home.intro': [
    '本平台汇集再制造企业、厂区、主管部门与专家信息，为行业管理与公共服务提供统一的数据支撑。',
    'The platform gathers information on remanufacturing enterprises, their sites, the competent authorities and experts, as a common data basis for administration and public services.',
  ],

  // ---- enterprise fields
  'ent.name': ['企业名称', 'Enterprise name'],
  'ent.creditCode': ['统一社会信用代码', 'Unified social credit code'],
  'ent.creditCodeOverride': ['信用代码校验例外', 'Credit code override'],
  'ent.confirmCreditCodeOverride': ['确认该统一社会信用代码无误（校验位不符时仍然保存）', 'I confirm this credit code is correct (save despite the check digit)'],
  'ent.creditCodeInvalid': ['统一社会信用代码校验未通过', 'The unified social credit code is not valid'],
  'ent.region': ['所在地区', 'Region'],
  'ent.regionCode': ['行政区划代码', 'Region code'],
  'ent.address': ['地址', 'Address'],
  'ent.postalCode': ['邮政编码', 'Postal code'],
  'ent.website': ['网站', 'Website'],
  'ent.legalRepresentative': ['法定代表人', 'Legal representative'],
  'ent.contactName': ['联系人', 'Contact person'],
  'ent.contactPhone': ['联系电话', 'Contact phone'],
  'ent.contactEmail': ['联系邮箱', 'Contact e-mail'],
  'ent.enterpriseType': ['企业类型', 'Enterprise type'],
  'ent.listingStatus': ['上市情况', 'Listing status'],
  'ent.parent': ['上级企业', 'Parent enterprise'],
  'ent.parentSearch': ['输入名称或信用代码搜索', 'Search by name or credit code'],
  'ent.authority': ['审核主管部门', 'Reviewing authority'],
  'ent.siteCount': ['厂区数', 'Sites'],
  'ent.xpcc': ['隶属新疆生产建设兵团', 'Under the Xinjiang Production and Construction Corps'],
  'ent.edit': ['编辑企业信息', 'Edit enterprise'],
  'ent.create': ['新增企业', 'New enterprise'],
  'ent.detail': ['企业详情', 'Enterprise details'],
  'ent.basic': ['基本信息', 'Basic information'],
  'ent.noEnterprise': ['当前账号未关联企业', 'This account is not linked to an enterprise'],
  'ent.viewSites': ['查看厂区', 'View sites'],

  // ---- enterprises list
  'ents.title': ['辖区企业', 'Enterprises in jurisdiction'],
  'ents.titleAll': ['全部企业', 'All enterprises'],
  'ents.searchPlaceholder': ['企业名称或统一社会信用代码', 'Name or unified social credit code'],
  'ents.province': ['省份', 'Province'],
  'ents.allProvinces': ['全部省份', 'All provinces'],

  // ---- sites
  'sites.title': ['厂区', 'Sites'],
  'sites.titleOf': ['厂区 — {name}', 'Sites — {name}'],
  'sites.name': ['厂区名称', 'Site name'],
  'sites.address': ['厂区地址', 'Site address'],
  'sites.region': ['所在地区', 'Region'],
  'sites.add': ['新增厂区', 'Add site'],
  'sites.edit': ['编辑厂区', 'Edit site'],
  'sites.empty': ['暂无厂区', 'No sites yet'],

  // ---- region picker
  'region.placeholder': ['选择省 / 市 / 区县', 'Select province / city / county'],
  'region.codePlaceholder': ['6 位行政区划代码', '6-digit region code'],
  'region.codeInvalid': ['请输入 6 位行政区划代码', 'Enter a 6-digit region code'],

  // ---- users
  'users.title': ['用户管理', 'Users'],
  'users.username': ['用户名', 'Username'],
  'users.displayName': ['姓名', 'Display name'],
  'users.role': ['角色', 'Role'],
  'users.organization': ['所属单位', 'Organisation'],
  'users.organizationKind': ['单位类型', 'Organisation type'],
  'users.lastLoginAt': ['最近登录', 'Last login'],
  'users.disabled': ['已停用', 'Disabled'],
  'users.enabled': ['正常', 'Active'],
  'users.mustChange': ['待改密', 'Must change password'],
  'users.create': ['新建用户', 'New user'],
  'users.resetPassword': ['重置密码', 'Reset password'],
  'users.resetConfirm': ['确定重置该用户的密码吗？', 'Reset this user’s password?'],
  'users.disable': ['停用', 'Disable'],
  'users.enable': ['启用', 'Enable'],
  'users.disableConfirm': ['确定停用该用户吗？', 'Disable this user?'],
  'users.initialPassword': ['初始密码', 'Initial password'],
  'users.initialPasswordTitle': ['用户初始密码', 'Initial password'],
  'users.initialPasswordHint': [
    '请将初始密码通过安全渠道告知用户。此密码仅显示一次，用户首次登录后须修改密码。',
    'Give this password to the user through a secure channel. It is shown only once; the user must change it at first login.',
  ],
  'users.searchPlaceholder': ['用户名或姓名', 'Username or name'],
  'users.orgMiit': ['工业和信息化部', 'Ministry of Industry and Information Technology'],
  'users.self': ['当前用户', 'You'],
  'users.usernameRule': ['用户名须为 2–64 位小写字母、数字或 . _ -', '2–64 characters: lower-case letters, digits, . _ -'],

  // ---- organisation kinds
  'org.enterprise': ['企业', 'Enterprise'],
  'org.authority': ['主管部门', 'Authority'],
  'org.expert': ['专家', 'Expert'],

  // ---- tokens
  'tokens.title': ['API令牌', 'API tokens'],
  'tokens.name': ['令牌名称', 'Token name'],
  'tokens.prefix': ['前缀', 'Prefix'],
  'tokens.lastUsedAt': ['最近使用', 'Last used'],
  'tokens.revokedAt': ['吊销时间', 'Revoked'],
  'tokens.active': ['有效', 'Active'],
  'tokens.revoked': ['已吊销', 'Revoked'],
  'tokens.create': ['创建令牌', 'Create token'],
  'tokens.revoke': ['吊销', 'Revoke'],
  'tokens.revokeConfirm': ['吊销后使用此令牌的系统将无法访问接口，确定吊销吗？', 'Systems using this token will lose access. Revoke it?'],
  'tokens.revokedMsg': ['令牌已吊销', 'Token revoked'],
  'tokens.createdTitle': ['令牌已创建', 'Token created'],
  'tokens.onceWarning': ['请立即复制并妥善保存此令牌，关闭后将无法再次查看。', 'Copy and store this token now. It will not be shown again.'],
  'tokens.intro': [
    'API 令牌用于企业信息系统通过接口访问本平台，请求时在 Authorization 头中携带 “Bearer <令牌>”。',
    'API tokens let your own systems call the platform API; send “Authorization: Bearer <token>”.',
  ],

  // ---- experts
  'experts.title': ['专家库', 'Experts'],
  'experts.name': ['姓名', 'Name'],
  'experts.organization': ['工作单位', 'Organisation'],
  'experts.jobTitle': ['职称', 'Title'],
  'experts.fields': ['专业领域', 'Fields'],
  'experts.phone': ['电话', 'Phone'],
  'experts.email': ['邮箱', 'E-mail'],
  'experts.add': ['新增专家', 'Add expert'],

  // ---- authorities
  'auth.title': ['主管部门', 'Authorities'],
  'auth.id': ['编号', 'ID'],
  'auth.kind': ['类型', 'Kind'],
  'auth.regionCode': ['行政区划代码', 'Region code'],
  'auth.name': ['中文名称', 'Name (Chinese)'],
  'auth.nameEn': ['英文名称', 'Name (English)'],
  'auth.edit': ['编辑主管部门', 'Edit authority'],
  'auth.kind.ministry': ['部委', 'Ministry'],
  'auth.kind.province': ['省级', 'Provincial'],
  'auth.kind.plan_city': ['计划单列市', 'City with independent planning status'],
  'auth.kind.xpcc': ['新疆生产建设兵团', 'Xinjiang Production and Construction Corps'],

  // ---- audit
  'audit.title': ['审计日志', 'Audit log'],
  'audit.at': ['时间', 'Time'],
  'audit.actor': ['操作人', 'Actor'],
  'audit.actorRole': ['角色', 'Role'],
  'audit.action': ['操作', 'Action'],
  'audit.object': ['对象', 'Object'],
  'audit.ip': ['IP 地址', 'IP address'],
  'audit.requestId': ['请求编号', 'Request ID'],
  'audit.hash': ['哈希', 'Hash'],
  'audit.verify': ['校验审计链', 'Verify audit chain'],
  'audit.verifyOk': ['审计链完整', 'The audit chain is intact'],
  'audit.verifyOkSub': ['已校验 {entries} 条记录，未发现篡改。', '{entries} entries verified; no tampering found.'],
  'audit.verifyBroken': ['审计链校验失败', 'The audit chain is broken'],
  'audit.verifyBrokenSub': ['已校验 {entries} 条记录，第 {at} 条记录起哈希链不一致。', '{entries} entries checked; the hash chain breaks at entry {at}.'],
  'audit.verifyBrokenSubUnknown': ['已校验 {entries} 条记录，哈希链不一致。', '{entries} entries checked; the hash chain is inconsistent.'],
} as const satisfies Record<string, readonly [string, string]>;

export type MessageKey = keyof typeof dict;
export type TFunction = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const entry = dict[key] as readonly [string, string] | undefined;
  let text: string = entry ? entry[locale === 'en' ? 1 : 0] : key;
  if (vars) {
    for (const [name, value] of Object.entries(vars)) {
      text = text.split(`{${name}}`).join(String(value));
    }
  }
  return text;
}

export function hasKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(dict, key);
}

/** Picks the label for the current locale from a domain `{zh, en}` entry. */
export function pick(locale: Locale, entry: { zh: string; en: string } | undefined, fallback = ''): string {
  if (!entry) return fallback;
  return locale === 'en' ? entry.en : entry.zh;
}

export function readStoredLocale(): Locale {
  try {
    const v = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    if (v === 'en' || v === 'zh') return v;
  } catch {
    // storage unavailable (privacy mode): fall through
  }
  return 'zh';
}

interface LocaleContextValue {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: TFunction;
}

const LocaleContext = createContext<LocaleContextValue>({
  locale: 'zh',
  setLocale: () => undefined,
  t: (key, vars) => translate('zh', key, vars),
});

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);
  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, l);
    } catch {
      // ignore
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
    document.title = translate(locale, 'app.title');
  }, [locale]);
  const value = useMemo<LocaleContextValue>(
    () => ({ locale, setLocale, t: (key, vars) => translate(locale, key, vars) }),
    [locale, setLocale],
  );
  return createElement(LocaleContext.Provider, { value }, children);
}

/** `const t = useT(); t('menu.home')` */
export function useT(): TFunction {
  return useContext(LocaleContext).t;
}

export function useLocale(): LocaleContextValue {
  return useContext(LocaleContext);
}
