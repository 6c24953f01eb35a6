import { randomInt } from 'node:crypto';
import { reviewingAuthorityId } from '../../src/domain/authorities.js';
import { CREDIT_CODE_ALPHABET, makeCreditCode } from '../../src/domain/credit-code.js';
import type { RemanField, Role } from '../../src/domain/enterprise.js';
import type { Services } from '../../src/server/app.js';
import type { EnterpriseInput } from '../../src/server/modules/enterprises/enterprises.schema.js';
import { principalOf } from '../../src/server/modules/identity/identity.service.js';
import type { RequestContext } from '../../src/server/platform/principal.js';
import { ATTACHMENT_SLOTS } from '../../src/domain/announcement/form.js';
import { completeApplicationForm } from '../domain/fixtures.js';

/**
 * Test factories: build what a test needs, creating missing parents (an enterprise for an enterprise user,
 * the operator context for writes). Every value is unique per call so tests never collide.
 */
export const TEST_PASSWORD = 'Test-pass-2026';
let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;
const body9 = () => Array.from({ length: 9 }, () => CREDIT_CODE_ALPHABET[randomInt(CREDIT_CODE_ALPHABET.length)]).join('');

let operatorCtx: Promise<RequestContext> | null = null;
let operatorFor: Services | null = null;
/** A ministry admin acting for the factories (created once per app). */
export function operator(s: Services): Promise<RequestContext> {
  if (operatorFor !== s || !operatorCtx) {
    operatorFor = s;
    operatorCtx = s.identity
      .createUserAsOperator({ username: `op-${uniq()}`, displayName: 'Factory operator', role: 'ministry_admin', organizationId: 'miit', password: TEST_PASSWORD, mustChangePassword: false })
      .then((u) => ({ principal: principalOf(u, null), ip: '127.0.0.1', requestId: 'factory' }));
  }
  return operatorCtx;
}

export async function buildEnterprise(s: Services, overrides: Partial<EnterpriseInput> = {}) {
  const regionCode = overrides.regionCode ?? '440106';
  return s.enterprises.create(await operator(s), {
    name: `测试再制造企业${uniq()}`,
    creditCode: makeCreditCode(regionCode, body9()),
    regionCode,
    address: '测试地址 1 号',
    legalRepresentative: '测试法人',
    contactName: '联系人',
    contactPhone: '010-12345678',
    enterpriseType: 'private',
    listingStatus: 'none',
    ...overrides,
  });
}

export async function buildSite(s: Services, enterpriseId: string, overrides: Partial<{ name: string; address: string; regionCode: string }> = {}) {
  return s.enterprises.createSite(await operator(s), enterpriseId, { name: `厂区${uniq()}`, address: '厂区地址 2 号', regionCode: '440106', ...overrides });
}

export async function buildExpert(s: Services, overrides: Partial<{ name: string; affiliatedEnterpriseId: string | null }> = {}) {
  return s.experts.create(await operator(s), {
    name: `专家${uniq()}`, organization: '研究院', title: '教授', fields: ['machine_tools'], phone: null, email: null, affiliatedEnterpriseId: null, ...overrides,
  });
}

/**
 * A user with a role; its organisation is created when not given (an enterprise for enterprise roles, the
 * Guangdong authority for provincial roles, an expert record for experts).
 */
export async function buildUser(
  s: Services,
  role: Role,
  overrides: Partial<{ username: string; organizationId: string; mustChangePassword: boolean; password: string }> = {},
) {
  let organizationId = overrides.organizationId;
  if (!organizationId) {
    if (role === 'enterprise_admin' || role === 'enterprise_staff') organizationId = (await buildEnterprise(s)).id;
    else if (role === 'authority_admin' || role === 'authority_reviewer') organizationId = reviewingAuthorityId('440106');
    else if (role === 'ministry_admin' || role === 'ministry_officer') organizationId = 'miit';
    else if (role === 'buyer_admin' || role === 'buyer_staff') organizationId = (await buildBuyer(s)).org.id;
    else if (role === 'insurer_admin' || role === 'insurer_staff') organizationId = (await buildInsurer(s)).org.id;
    else if (role === 'testing_org_staff' || role === 'testing_org_admin') organizationId = (await buildTestingOrg(s)).id;
    else organizationId = (await buildExpert(s)).id;
  }
  return s.identity.createUserAsOperator({
    username: overrides.username ?? `u-${uniq()}`,
    displayName: `用户 ${role}`,
    role,
    organizationId,
    password: overrides.password ?? TEST_PASSWORD,
    mustChangePassword: overrides.mustChangePassword ?? false,
  });
}

// ---- applications (规范公告) ----

/** The smallest content the upload check accepts as a PDF. */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** An enterprise user acting for an enterprise (created once per enterprise and app). */
const enterpriseActors = new Map<string, Promise<RequestContext>>();
export function enterpriseAdminCtx(s: Services, enterpriseId: string): Promise<RequestContext> {
  const key = `${enterpriseId}`;
  if (!enterpriseActors.has(key)) {
    enterpriseActors.set(
      key,
      buildUser(s, 'enterprise_admin', { organizationId: enterpriseId }).then((u) => ({ principal: principalOf(u, null), ip: '127.0.0.1', requestId: 'factory' })),
    );
  }
  return enterpriseActors.get(key)!;
}

/**
 * An application for a site (created when missing), filled with the complete fixture form and one PDF per
 * required attachment; `submit: true` submits it to the provincial authority.
 */
export async function buildApplication(s: Services, opts: { enterpriseId?: string; siteId?: string; submit?: boolean; form?: ReturnType<typeof completeApplicationForm> } = {}) {
  const enterpriseId = opts.enterpriseId ?? (await buildEnterprise(s)).id;
  const siteId = opts.siteId ?? (await buildSite(s, enterpriseId)).id;
  const ctx = await enterpriseAdminCtx(s, enterpriseId);
  const app = await s.applications.create(ctx, siteId);
  await s.applications.saveForm(ctx, app.id, opts.form ?? completeApplicationForm());
  for (const slot of ATTACHMENT_SLOTS) {
    if (slot.required) await s.applications.upload(ctx, app.id, { slot: slot.key, filename: `${slot.key}.pdf`, data: TINY_PDF });
  }
  if (opts.submit) {
    // 七(一)3: the enterprise's other drafts are confirmed as not applied for now (tests of 一并提交 call the API)
    const others = (await s.applications.list(ctx.principal, { states: ['draft'] }, 1, 200)).items.filter((x) => x.id !== app.id).map((x) => x.id);
    await s.applications.submit(ctx, [app.id], { notApplyingNow: others });
  }
  return (await s.applications.loadInternal(app.id))!;
}

// ---- trading (交易服务) ----

/** A registered buyer organisation with its first user (buyer_admin), through the public registration. */
/** A published testing organisation of the portal's directory, accredited for `scopeFields` (default: machine tools). */
export async function buildTestingOrg(s: Services, overrides: Partial<{ name: string; scopeFields: RemanField[] }> = {}) {
  const ctx = await operator(s);
  const o = await s.portal.content.testingOrgs.create(ctx, {
    name: overrides.name ?? `测试检测中心${uniq()}`, accreditationNo: `CNAS T${uniq()}`, provinceCode: '110000', scope: '测试', scopeFields: overrides.scopeFields ?? ['machine_tools'],
  });
  await s.portal.content.testingOrgs.publish(ctx, o.id);
  return o;
}

export async function buildBuyer(s: Services, overrides: Partial<{ orgName: string; username: string; password: string }> = {}) {
  const ctx: RequestContext = { principal: null, ip: '127.0.0.1', requestId: 'factory' };
  const { org, user } = await s.buyers.register(ctx, {
    orgName: overrides.orgName ?? `测试采购单位${uniq()}`,
    creditCode: makeCreditCode('110105', body9()),
    contactName: '采购联系人',
    phone: '010-88886666',
    username: overrides.username ?? `b-${uniq()}`,
    password: overrides.password ?? TEST_PASSWORD,
  });
  return { org, user };
}

/** An insurer (保险): a registered organisation of kind insurer and its first user, the insurer_admin. */
export async function buildInsurer(s: Services, overrides: Partial<{ orgName: string; username: string; password: string }> = {}) {
  const ctx: RequestContext = { principal: null, ip: '127.0.0.1', requestId: 'factory' };
  const { org, user } = await s.buyers.register(ctx, {
    orgName: overrides.orgName ?? `测试财产保险股份有限公司${uniq()}`,
    creditCode: makeCreditCode('110105', body9()),
    contactName: '核保联系人',
    phone: '010-88887777',
    username: overrides.username ?? `ins-${uniq()}`,
    password: overrides.password ?? TEST_PASSWORD,
    kind: 'insurer',
  });
  return { org, user };
}

/** A remanufactured product (intake → reassembly) of an enterprise, recorded by the system: its code and EPC. */
export async function buildProduct(s: Services, enterpriseId: string, overrides: Partial<{ name: string; model: string; warrantyMonths: number; standardNo: string }> = {}) {
  const core = await s.trace.stepAsSystem(enterpriseId, 'intake', { name: '旧发动机', source: { returnedBy: '某用户', channel: 'dealer', tradeIn: false } } as never);
  const made = await s.trace.stepAsSystem(enterpriseId, 'reassembly', {
    name: overrides.name ?? '再制造柴油发动机总成',
    model: overrides.model ?? 'WD615',
    warrantyMonths: overrides.warrantyMonths ?? 12,
    ...(overrides.standardNo ? { standardNo: overrides.standardNo } : {}),
    inputs: [{ epc: core.coreEpc!, origin: 'reused', name: '机体', massKg: 300, valueCny: 20000 }],
  } as never);
  return { code: made.product!.code, epc: made.product!.epc };
}
