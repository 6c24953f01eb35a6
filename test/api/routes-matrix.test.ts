/**
 * Every registered /api route × every kind of caller. The route list comes from the app itself
 * (app.routeRegistry, filled as routes register), so a new route is covered the moment it exists; a new
 * write route must add a sample body below or this test fails and says so.
 *
 * The world: "home" objects (a Guangdong enterprise A with a site and token, and one user per role on
 * that side) and "foreign" objects (a Jiangsu enterprise B with a site, an admin user and a token).
 * For each route and caller we check:
 *   - a caller outside the route's declared roles gets 401 (anonymous) or 403;
 *   - an allowed caller other than MIIT never gets a 2xx for a foreign object, and no 2xx answer contains
 *     any foreign identifier;
 *   - nothing foreign changed after all non-MIIT calls;
 *   - positive control: allowed callers do reach their own objects (GET with home ids → 200).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/server/platform/principal.js';
import { allows } from '../../src/server/platform/policy.js';
import { manualClock, shiftableClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type TestApp } from '../support/app.js';
import { areaBodies, multipart, positiveCases, type PositiveCase, type PositiveWorld } from './matrix/index.js';
import { buildApplication, buildBuyer, buildEnterprise, buildInsurer, buildExpert, buildSite, buildTestingOrg, buildUser, operator, TEST_PASSWORD } from '../support/factories.js';

const ACTORS: Actor[] = [
  'public',
  'enterprise_token',
  'enterprise_staff',
  'enterprise_admin',
  'authority_reviewer',
  'authority_admin',
  'expert',
  'buyer_staff',
  'buyer_admin',
  'testing_org_staff',
  'testing_org_admin',
  'insurer_staff',
  'insurer_admin',
  // MIIT last: it may legitimately change foreign objects, so it runs after the "nothing changed" check.
  'ministry_officer',
  'ministry_admin',
];
const MINISTRY: Actor[] = ['ministry_officer', 'ministry_admin'];

let app: TestApp;
const home: Record<string, string> = {};
const foreign: Record<string, string> = {};
const usernames = new Map<Actor, string>();
let homeToken = '';
const clock = shiftableClock(manualClock(new Date()));

beforeAll(async () => {
  // a clock the positive cases can move (公示 windows); /clock/advance works on it as on the demo
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000, LOGIN_MAX_FAILURES: 1000, VERIFY_RATE_PER_MINUTE: 10_000, PUBLIC_RATE_PER_MINUTE: 10_000 }, { clock });
  const s = app.services;
  const a = await buildEnterprise(s, { regionCode: '440106' });
  const b = await buildEnterprise(s, { regionCode: '320505', name: '江苏外省再制造有限公司' });
  const siteA = await buildSite(s, a.id);
  const siteB = await buildSite(s, b.id, { name: '外省厂区B', regionCode: '320505' });
  const adminB = await buildUser(s, 'enterprise_admin', { organizationId: b.id });
  const expert = await buildExpert(s);
  const buyerA = await buildBuyer(s);
  const buyerB = await buildBuyer(s);
  const insurerA = await buildInsurer(s);
  const testingA = await buildTestingOrg(s); // the home testing organisation: its staff and its administrator
  for (const actor of ACTORS) {
    if (actor === 'public' || actor === 'enterprise_token') continue;
    const org =
      actor.startsWith('enterprise') ? a.id : actor.startsWith('authority') ? 'prov-440000' : actor.startsWith('ministry') ? 'miit' : actor.startsWith('buyer') ? buyerA.org.id : actor.startsWith('insurer') ? insurerA.org.id : actor.startsWith('testing_org') ? testingA.id : undefined;
    const u = await buildUser(s, actor, { organizationId: org });
    usernames.set(actor, u.username);
    if (actor === 'expert') home.expertSelf = u.expertId!;
  }
  // a submitted application of the foreign enterprise (visible to its own authority and to MIIT only)
  const appB = await buildApplication(s, { enterpriseId: b.id, siteId: siteB.id, submit: true });
  const appA = await buildApplication(s, { enterpriseId: a.id, siteId: siteA.id, submit: true });
  const attB = (await app.database.raw.query<{ id: string }>('SELECT id FROM application_attachments WHERE application_id = $1 LIMIT 1', [appB.id])).rows[0];
  const adminA = await login(app, usernames.get('enterprise_admin')!, TEST_PASSWORD);
  const tA = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: adminA.headers, payload: { name: 'mes-a' } });
  homeToken = tA.json().token;
  const adminBSession = await login(app, adminB.username, TEST_PASSWORD);
  const tB = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: adminBSession.headers, payload: { name: 'mes-b' } });
  Object.assign(home, { enterprise: a.id, enterpriseName: a.name, site: siteA.id, token: tA.json().id, authority: 'prov-440000', expert: expert.id, application: appA.id });

  // Foreign objects of the later capabilities, so that their single-object routes are tried on them too:
  // B's site is announced (historic list), B files a change and starts its 2025 annual report, MIIT opens a
  // revocation case, the public files a complaint about B, B records a product and captures an EPCIS event.
  await s.announcements.importHistoric(await operator(s), {
    docNumber: '工业和信息化部公告 2025年第99号（矩阵）', announcedOn: '2025-06-01', title: '矩阵测试批次',
    entries: [{ enterpriseId: b.id, siteId: siteB.id, fields: ['machine_tools'] }],
  });
  const bAs = (method: string, url: string, payload?: object) => app.inject({ method: method as 'POST', url, headers: adminBSession.headers, ...(payload ? { payload } : {}) });
  const ok = async (what: string, res: Promise<{ statusCode: number; body: string; json: () => any; headers: Record<string, unknown> }>) => {
    const r = await res;
    if (r.statusCode >= 300) throw new Error(`routes-matrix setup: ${what} → ${r.statusCode} ${r.body.slice(0, 300)}`);
    return r;
  };
  const change = (await ok('change', bAs('POST', '/api/v1/changes', { siteId: siteB.id, changeDate: '2026-11-01', description: '矩阵：外省企业变更', items: [{ fact: 'address', old: '旧址', new: '新址' }] }))).json();
  const report = (await ok('annual report', bAs('POST', '/api/v1/annual-reports', { siteId: siteB.id, year: 2025 }))).json();
  const intake = (await ok('intake', bAs('POST', '/api/v1/trace/steps/intake', { name: '外省旧件', source: { returnedBy: '某用户', channel: 'other', tradeIn: false } }))).json();
  const product = (await ok('reassembly', bAs('POST', '/api/v1/trace/steps/reassembly', { name: '外省再制造产品', inputs: [{ epc: intake.coreEpc, origin: 'reused', name: '机体', massKg: 10, valueCny: 100 }] }))).json().product;
  const eventId = 'urn:uuid:30000000-0000-4000-8000-000000000001';
  const captured = await ok('epcis capture', app.inject({
    method: 'POST', url: '/epcis/capture', headers: { authorization: `Bearer ${tB.json().token}` },
    payload: { '@context': ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-03-01T00:00:00Z',
      epcisBody: { eventList: [{ type: 'ObjectEvent', eventID: eventId, eventTime: '2026-03-01T10:00:00+08:00', eventTimeZoneOffset: '+08:00', epcList: ['urn:epc:id:sgtin:0614141.107346.77'], action: 'OBSERVE', bizStep: 'inspecting' }] } },
  }));
  const tracking = (await ok('complaint', app.inject({ method: 'POST', url: '/api/v1/public/complaints', payload: { subject: '矩阵投诉', enterpriseName: b.name, facts: '矩阵测试：对外省企业的投诉事实', contact: '13800000000' } }))).json().trackingCode;
  const miitUser = await buildUser(s, 'ministry_admin', { organizationId: 'miit' });
  const miit = await login(app, miitUser.username, TEST_PASSWORD);
  const complaints = (await ok('complaints', app.inject({ url: '/api/v1/complaints', headers: miit.headers }))).json().items as { id: string; trackingCode?: string }[];
  const complaint = complaints[0]!;
  const revocation = (await ok('revocation', app.inject({ method: 'POST', url: '/api/v1/revocations', headers: miit.headers, payload: { enterpriseId: b.id, grounds: ['falsification'], facts: '矩阵：外省企业撤销立案' } }))).json();
  // trading: B lists its product; B's buyer organisation (another buyer) exists
  const listing = (await ok('listing', bAs('POST', '/api/v1/listings', { productCode: product.code, title: '外省再制造产品', priceCny: 1000 }))).json();
  Object.assign(home, { buyerOrg: buyerA.org.id, buyerCreditCode: buyerA.org.creditCode, insurerOrg: insurerA.org.id, insurerCreditCode: insurerA.org.creditCode, testingOrg: testingA.id });
  Object.assign(foreign, { listing: listing.id, buyerOrg: buyerB.org.id, buyerUser: buyerB.user.id });
  Object.assign(foreign, {
    change: change.id, annualReport: report.id, productCode: product.code, productEpc: product.epc, eventId,
    capture: String(captured.headers.location).split('/').pop()!, complaint: complaint.id, trackingCode: tracking, revocation: revocation.id,
  });
  Object.assign(foreign, {
    enterprise: b.id, enterpriseName: b.name, creditCode: b.creditCode, site: siteB.id, siteName: siteB.name,
    user: adminB.id, username: adminB.username, token: tB.json().id, authority: 'prov-320000', province: '320000',
    application: appB.id, attachment: attB!.id,
  });
});
afterAll(async () => app?.close());

/** Substitute path parameters with the ids of one side of the world. */
function fill(url: string, side: Record<string, string>): string {
  return url
    .replace(/\/enterprises\/:id/, `/enterprises/${side.enterprise}`)
    .replace(/:siteId/, side.site!)
    .replace(/\/users\/:id/, `/users/${side.user ?? side.enterprise}`)
    .replace(/\/tokens\/:id/, `/tokens/${side.token}`)
    .replace(/\/authorities\/:id/, `/authorities/${side.authority}`)
    .replace(/\/experts\/:id/, `/experts/${home.expert}`)
    .replace(/\/applications\/:id/, `/applications/${side.application}`)
    .replace(/:attachmentId/, side.attachment ?? side.application!)
    .replace(/\/(notices|objections|notifications|announcements)\/:id/, `/$1/00000000-0000-4000-8000-000000000000`)
    .replace(/:date/, '2026-12-31')
    .replace(/\/listings\/:id/, `/listings/${side.listing ?? NIL}`)
    .replace(/\/(annual-reports|changes|complaints|revocations)\/:id/, (_m, kind: string) => `/${kind}/${side[({ 'annual-reports': 'annualReport', changes: 'change', complaints: 'complaint', revocations: 'revocation' } as Record<string, string>)[kind]!] ?? NIL}`)
    .replace(/\/trace\/products\/:code/, `/trace/products/${side.productCode ?? 'RM0000000000000000'}`)
    .replace(/\/trace\/:code/, `/trace/${side.productCode ?? 'RM0000000000000000'}`)
    .replace(/:eventID/, encodeURIComponent(side.eventId ?? 'urn:uuid:00000000-0000-4000-8000-000000000000'))
    .replace(/:captureID/, side.capture ?? NIL)
    .replace(/:trackingCode/, side.trackingCode ?? 'ABCDEFGHJKMN')
    .replace(/:step/, 'intake')
    .replace(/:n\b/, '0')
    .replace(/:\w+/g, NIL); // anything else: an id that exists nowhere
}
const NIL = '00000000-0000-4000-8000-000000000000';

/** A valid body for each write route, aimed at foreign objects where the route takes one. */
function sampleBody(method: string, url: string): unknown {
  const key = `${method} ${url}`;
  const bodies: Record<string, unknown> = {
    'POST /api/v1/auth/login': { username: foreign.username, password: 'wrong-password-1' },
    'POST /api/v1/auth/logout': undefined,
    'POST /api/v1/auth/password': { currentPassword: 'not-the-password-1', newPassword: 'Another-pass-2027' },
    'POST /api/v1/users': { username: `m-${Math.random().toString(36).slice(2, 10)}`, displayName: 'x', role: 'enterprise_staff', organizationId: foreign.enterprise },
    'PATCH /api/v1/users/:id': { displayName: 'renamed by matrix' },
    'POST /api/v1/users/:id/reset-password': undefined,
    'POST /api/v1/tokens': { name: 'matrix token' },
    'DELETE /api/v1/tokens/:id': undefined,
    'POST /api/v1/enterprises': {
      name: '矩阵测试企业', creditCode: '91320505MA1JX8RT2' + 'X', regionCode: '320505', address: '江苏省苏州市', legalRepresentative: '某',
      contactName: '某', contactPhone: '0512-1234567', enterpriseType: 'private', listingStatus: 'none', confirmCreditCodeOverride: true,
    },
    'PATCH /api/v1/enterprises/:id': { contactPhone: '0512-7654321' },
    'POST /api/v1/enterprises/:id/sites': { name: `矩阵厂区${Math.random().toString(36).slice(2, 6)}`, address: '某地某路', regionCode: '320505' },
    'PATCH /api/v1/enterprises/:id/sites/:siteId': { address: '矩阵修改地址' },
    'PATCH /api/v1/authorities/:id': { name: '矩阵改名主管部门' },
    'POST /api/v1/experts': { name: '矩阵专家', organization: '某院', title: '', fields: ['machine_tools'] },
    'PATCH /api/v1/experts/:id': { title: '矩阵' },
    'POST /api/v1/applications': { siteId: foreign.site },
    'PUT /api/v1/applications/:id/form': { form: { fields: ['machine_tools'] } },
    'POST /api/v1/applications/:id/attachments': undefined,
    'DELETE /api/v1/applications/:id/attachments/:attachmentId': undefined,
    'POST /api/v1/applications/submit': { applicationIds: [foreign.application] },
    'POST /api/v1/applications/:id/withdraw': { reason: '矩阵撤回' },
    'POST /api/v1/applications/:id/return': { reason: '矩阵退回' },
    'POST /api/v1/applications/:id/provincial-reject': { reason: '矩阵不通过' },
    'POST /api/v1/applications/:id/forward': { opinion: '同意', handler: '甲', head: '乙', date: '2026-11-23' },
    'POST /api/v1/applications/:id/experts': { expertIds: [home.expert] },
    'POST /api/v1/applications/:id/opinion': { chapters: { 二: 'a', 三: 'a', 四: 'a', 五: 'a', 六: 'a' }, recommendation: 'approve' },
    'POST /api/v1/applications/:id/complete-expert-review': {},
    'POST /api/v1/applications/:id/onsite-check': { team: ['甲'], date: '2026-11-23', findings: { 二: 'a', 三: 'a', 四: 'a', 五: 'a', 六: 'a' }, conclusion: 'pass' },
    'POST /api/v1/applications/:id/reject': { reason: '矩阵不通过' },
    'POST /api/v1/notices': { title: '矩阵公示', applicationIds: [foreign.application] },
    'POST /api/v1/notices/:id/close': {},
    'POST /api/v1/objections/:id/resolve': { decision: 'dismissed', resolution: '矩阵' },
    'PUT /api/v1/calendar/overrides/:date': { workday: true },
    'POST /api/v1/public/notices/:id/objections': { name: '某人', contact: '13800000000', entryId: '00000000-0000-4000-8000-000000000000', reason: '矩阵测试异议' },
    'POST /api/v1/announcements': { applicationIds: [foreign.application] },
    'POST /api/v1/notifications/:id/read': undefined,
    'POST /api/v1/notifications/read-all': undefined,
    'POST /api/v1/clock/advance': { days: 1 },
    ...areaBodies({ home, foreign }),
  };
  if (!(key in bodies) && method !== 'GET') throw new Error(`routes-matrix: add a sample body for new write route ${key}`);
  return bodies[key];
}

/** One session per actor, logged in again after a route that ends it (logout). Logging in per request
 *  (scrypt) made this test minutes long once the platform had a few hundred routes. */
const sessions = new Map<Actor, Record<string, string>>();
async function headersFor(actor: Actor): Promise<Record<string, string>> {
  if (actor === 'public') return {};
  if (actor === 'enterprise_token') return { authorization: `Bearer ${homeToken}` };
  let h = sessions.get(actor);
  if (!h) {
    h = (await login(app, usernames.get(actor)!, TEST_PASSWORD)).headers;
    sessions.set(actor, h);
  }
  return h;
}
function afterCall(actor: Actor, url: string) {
  if (url.endsWith('/auth/logout')) sessions.delete(actor);
}

/**
 * Tables that any request may legitimately change, foreign identifiers or not — left out of the snapshot:
 * sessions (every login writes one), audit_log (every write and every refusal worth keeping is recorded there).
 */
const SNAPSHOT_EXCLUDED_TABLES: Record<string, string> = {
  sessions: 'every login creates a session row',
  audit_log: 'append-only record of every call, including refused ones',
};
/** Columns that change on any attempt, e.g. a wrong-password login for a foreign username (public login route). */
const SNAPSHOT_EXCLUDED_COLUMNS: Record<string, string[]> = {
  users: ['failed_logins', 'locked_until', 'last_login_at'],
};

/**
 * Every row of every table (schema public, from information_schema, so new tables are covered as they appear)
 * that mentions an identifier of the foreign side, as text.
 */
async function foreignSnapshot(): Promise<Record<string, string[]>> {
  const terms = ['enterprise', 'site', 'user', 'token', 'application', 'attachment', 'change', 'annualReport', 'revocation', 'complaint', 'productCode', 'capture', 'trackingCode', 'creditCode', 'listing', 'buyerOrg']
    .map((k) => foreign[k]!)
    .concat(['prov-320000']);
  const tables = (await app.database.raw.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  )).rows.map((r) => r.table_name);
  expect(tables.length).toBeGreaterThan(20);
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    if (t in SNAPSHOT_EXCLUDED_TABLES) continue;
    const drop = (SNAPSHOT_EXCLUDED_COLUMNS[t] ?? []).map((c) => ` - '${c}'`).join('');
    const rows = await app.database.raw.query<{ r: string }>(
      `SELECT (to_jsonb(x)${drop})::text AS r FROM "${t}" x WHERE to_jsonb(x)::text LIKE ANY ($1) ORDER BY 1`,
      [terms.map((v) => `%${v.replace(/[%_\\]/g, (c) => `\\${c}`)}%`)],
    );
    out[t] = rows.rows.map((r) => r.r);
  }
  return out;
}

// ceilings, not waits: the positive pass calls every route (~400) in turn, ~2 min alone, more on a loaded 2-core machine
describe('routes × roles', { timeout: 900_000 }, () => {
  it('every /api route declares a policy and the registry is not empty', () => {
    expect(app.routeRegistry.length).toBeGreaterThan(15);
    for (const r of app.routeRegistry) expect(r.policy, `${r.method} ${r.url}`).toBeDefined();
  });

  it('nothing is reachable outside its policy', async () => {
    const before = await foreignSnapshot();
    const failures: string[] = [];
    let checked = 0;
    for (const actor of ACTORS) {
      if (actor === 'ministry_officer') {
        // all non-MIIT callers are done: the foreign side must be untouched
        expect(await foreignSnapshot()).toEqual(before);
      }
      for (const route of app.routeRegistry) {
        const url = fill(route.url, foreign);
        const payload = sampleBody(route.method, route.url);
        const res = await app.inject({ method: route.method as 'GET', url, headers: await headersFor(actor), ...(payload === undefined ? {} : { payload: payload as object }) });
        afterCall(actor, url);
        checked++;
        const label = `${actor} ${route.method} ${url} → ${res.statusCode}`;
        if (res.statusCode >= 500) failures.push(`${label} (server error) ${res.body.slice(0, 200)}`);
        if (!allows(route.policy, actor)) {
          const expected = actor === 'public' ? 401 : 403;
          if (res.statusCode !== expected) failures.push(`${label}: expected ${expected} (role not in policy)`);
          continue;
        }
        if (MINISTRY.includes(actor) || 'public' in route.policy) continue;
        const ok = res.statusCode >= 200 && res.statusCode < 300;
        const targetsForeign =
          (/:(id|siteId|code|eventID|captureID)/.test(route.url) && !/\/(experts|notices|objections|notifications|announcements)\//.test(route.url) && !/\/import\/jobs\//.test(route.url));
        if (ok && targetsForeign) failures.push(`${label}: reached a foreign object`);
        if (ok) {
          for (const [k, v] of Object.entries(foreign)) {
            if (res.body.includes(v)) failures.push(`${label}: response leaks foreign ${k}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(ACTORS.length * app.routeRegistry.length);
  });

  it('positive control: allowed callers reach their own objects', async () => {
    const failures: string[] = [];
    let reached = 0;
    for (const actor of ACTORS) {
      for (const route of app.routeRegistry) {
        if (route.method !== 'GET' || !route.url.includes(':') || !allows(route.policy, actor)) continue;
        if (!route.url.startsWith('/api/v1/enterprises/')) continue;
        const res = await app.inject({ method: 'GET', url: fill(route.url, home), headers: await headersFor(actor) });
        if (res.statusCode !== 200) failures.push(`${actor} GET ${route.url} own object → ${res.statusCode}`);
        else reached++;
      }
    }
    expect(failures).toEqual([]);
    expect(reached).toBeGreaterThan(10);
  });

  it('every route declares a positive case in test/api/matrix/<area>.bodies.ts, and every case names a route', () => {
    const keys = new Set(app.routeRegistry.map(routeKey));
    const missing = [...keys].filter((k) => !(k in POSITIVE));
    expect(missing, 'routes without a positive case: add one line per route to `positive` in test/api/matrix/<area>.bodies.ts').toEqual([]);
    expect(Object.keys(POSITIVE).filter((k) => !keys.has(k)), 'positive cases for routes that do not exist').toEqual([]);
  });

  it('positive: for every route the right caller gets a 2xx on its own object with a valid body', async () => {
    const failures: string[] = [];
    let passed = 0;
    for (const route of app.routeRegistry) {
      const key = routeKey(route);
      const declared = POSITIVE[key];
      if (!declared) continue; // reported by the test above
      let c: PositiveCase;
      try {
        c = typeof declared === 'function' ? await declared(world) : declared;
      } catch (e) {
        failures.push(`${key}: setup failed: ${(e as Error).message}`);
        continue;
      }
      if (!allows(route.policy, c.as)) {
        failures.push(`${key}: the positive caller ${c.as} is not in the route's policy`);
        continue;
      }
      const url = fillPositive(route.url, c.params ?? {}) + (c.query ? `?${c.query}` : '');
      const headers = c.headers ?? (await headersFor(c.as));
      const m = c.form ? multipart(c.form) : null;
      const res = await app.inject({
        method: route.method as 'GET',
        url,
        headers: { ...headers, ...(m?.headers ?? {}) },
        ...(m ? { payload: m.payload } : c.body === undefined ? {} : { payload: c.body as object }),
        remoteAddress: publicAddress(),
      });
      afterCall(c.as, url);
      if (res.statusCode < 200 || res.statusCode >= 300) {
        failures.push(`${c.as} ${route.method} ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`);
        continue;
      }
      if (String(res.headers['content-type'] ?? '').startsWith('application/json') && res.body) JSON.parse(res.body);
      passed++;
    }
    expect(failures).toEqual([]);
    expect(passed).toBe(app.routeRegistry.length);
  });
});

const POSITIVE = positiveCases();
const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** Path parameters from the case, the rest from the home world. */
function fillPositive(url: string, params: Record<string, string>): string {
  return fill(url.replace(/:(\w+)/g, (m, name: string) => params[name] ?? m), home);
}

/** A client address per positive call: the public routes' per-address rate limits (10 objections or complaints a
 *  minute) are not what the matrix tests, and the negative pass has used them up already. */
let addressNo = 0;
const publicAddress = () => `127.0.1.${(addressNo++ % 250) + 1}`;

const fixtures = new Map<string, Promise<unknown>>();
const world: PositiveWorld = {
  home,
  foreign,
  get app() {
    return app;
  },
  username: (actor) => usernames.get(actor)!,
  call: async (actor, method, url, body, headers) =>
    app.inject({ method: method as 'GET', url, headers: headers ?? (await headersFor(actor)), ...(body === undefined ? {} : { payload: body as object }) }),
  must: async (actor, method, url, body) => {
    const r = await world.call(actor, method, url, body);
    if (r.statusCode >= 300) throw new Error(`${actor} ${method} ${url} → ${r.statusCode} ${r.body.slice(0, 300)}`);
    return r.body ? r.json() : undefined;
  },
  upload: async (actor, url, form) => {
    const m = multipart(form);
    return app.inject({ method: 'POST', url, headers: { ...(actor ? await headersFor(actor) : {}), ...m.headers }, payload: m.payload, remoteAddress: publicAddress() });
  },
  once: <T,>(key: string, make: () => Promise<T>) => {
    if (!fixtures.has(key)) fixtures.set(key, make());
    return fixtures.get(key) as Promise<T>;
  },
  advanceDays: (days) => clock.shiftDays(days),
};
