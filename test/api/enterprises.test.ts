import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDIT_CODE_ALPHABET, makeCreditCode } from '../../src/domain/credit-code.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildSite, buildUser, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let ministry: Session;
let gdAdmin: Session;
let gdReviewer: Session;
let jsReviewer: Session;
let szReviewer: Session;
let entAdmin: Session;
let ownId: string;

let seq = 0;
/** A unique, valid credit code for a region. */
function code(regionCode: string): string {
  const n = seq++;
  const body = `T${Date.now().toString(36).toUpperCase().replace(/[IOSVZ]/g, 'A').slice(-5)}${n.toString(10).padStart(3, '0')}`.slice(0, 9);
  return makeCreditCode(regionCode, body);
}
/** A code of the right format whose check character is wrong. */
function badChecksum(regionCode: string): string {
  const good = code(regionCode);
  const last = good[17]!;
  const wrong = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(last) + 1) % CREDIT_CODE_ALPHABET.length]!;
  return good.slice(0, 17) + wrong;
}

function body(overrides: Record<string, unknown> = {}) {
  const regionCode = (overrides.regionCode as string) ?? '440106';
  return {
    name: `接口测试再制造有限公司${seq++}`,
    creditCode: code(regionCode),
    regionCode,
    address: '广州市天河区测试路 1 号',
    legalRepresentative: '张三',
    contactName: '李四',
    contactPhone: '020-12345678',
    enterpriseType: 'private',
    listingStatus: 'none',
    ...overrides,
  };
}

const post = (s: Session, payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/v1/enterprises', headers: s.headers, payload });
const patch = (s: Session, id: string, payload: Record<string, unknown>) =>
  app.inject({ method: 'PATCH', url: `/api/v1/enterprises/${id}`, headers: s.headers, payload });
const get = (s: Session, url: string) => app.inject({ url, headers: { cookie: s.cookie } });
const fields = (res: { json(): any }) => (res.json().error.details ?? []).map((d: { field: string }) => d.field);
const enterpriseCount = async () => (await app.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM enterprises')).rows[0]!.n;
const ids = (res: { json(): any }) => (res.json().items as { id: string }[]).map((e) => e.id);

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 });
  const s = app.services;
  const as = async (role: Parameters<typeof buildUser>[1], organizationId?: string) =>
    login(app, (await buildUser(s, role, organizationId ? { organizationId } : {})).username, TEST_PASSWORD);
  ministry = await as('ministry_admin');
  gdAdmin = await as('authority_admin', 'prov-440000');
  gdReviewer = await as('authority_reviewer', 'prov-440000');
  jsReviewer = await as('authority_reviewer', 'prov-320000');
  szReviewer = await as('authority_reviewer', 'city-440300');
  const ea = await buildUser(s, 'enterprise_admin');
  ownId = ea.enterpriseId!;
  entAdmin = await login(app, ea.username, TEST_PASSWORD);
});
afterAll(async () => app?.close());

describe('registering an enterprise', () => {
  it.each([
    ['440106', 'prov-440000'],
    ['440305', 'city-440300'],
    ['210202', 'city-210200'],
    ['210102', 'prov-210000'],
    ['320505', 'prov-320000'],
  ])('region %s → reviewing authority %s', async (regionCode, authorityId) => {
    const res = await post(ministry, body({ regionCode }));
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e.authority.id).toBe(authorityId);
    expect(e.authority.name).toMatch(/[\u4e00-\u9fff]/);
    expect(e.regionCode).toBe(regionCode);
    expect(e.creditCodeOverride).toBe(false);
    const row = await app.database.raw.query<{ authority_id: string }>('SELECT authority_id FROM enterprises WHERE id = $1', [e.id]);
    expect(row.rows[0]!.authority_id).toBe(authorityId);
  });

  it('returns the full record', async () => {
    const b = body({ postalCode: '510000', contactEmail: 'ok@example.com' });
    const res = await post(ministry, b);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: b.name,
      creditCode: b.creditCode,
      regionName: '广东省',
      postalCode: '510000',
      contactEmail: 'ok@example.com',
      parentId: null,
      siteCount: 0,
    });
    const again = await get(ministry, `/api/v1/enterprises/${res.json().id}`);
    expect(again.json()).toEqual(res.json());
  });

  it('a credit code failing the GB 32100 checksum → 400 CREDIT_CODE_CHECKSUM naming creditCode; nothing written', async () => {
    const before = await enterpriseCount();
    const res = await post(ministry, body({ creditCode: badChecksum('440106') }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('CREDIT_CODE_CHECKSUM');
    expect(fields(res)).toEqual(['creditCode']);
    expect(res.json().error.message).toMatch(/校验/);
    expect(await enterpriseCount()).toBe(before);
  });

  it('rejects 91310110666007217U-style codes (wrong check character)', async () => {
    // 91310110666007217 + the check character that GB 32100 does not give
    const first17 = '91310110666007217';
    const good = makeCreditCode('310110', '666007217');
    expect(good.slice(0, 17)).toBe(first17);
    const wrong = good[17] === 'U' ? `${first17}X` : `${first17}U`;
    const res = await post(ministry, body({ regionCode: '310110', creditCode: wrong }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('CREDIT_CODE_CHECKSUM');
  });

  it('the ministry admin may confirm a checksum override → 201 with creditCodeOverride true', async () => {
    const creditCode = badChecksum('440106');
    const res = await post(ministry, body({ creditCode, confirmCreditCodeOverride: true }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ creditCode, creditCodeOverride: true });
  });

  it('an authority admin of the right province may also override', async () => {
    const creditCode = badChecksum('440106');
    const res = await post(gdAdmin, body({ creditCode, confirmCreditCodeOverride: true }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ creditCode, creditCodeOverride: true, authority: { id: 'prov-440000' } });
  });

  it('the override flag does not mark a valid code as overridden', async () => {
    const res = await post(ministry, body({ confirmCreditCodeOverride: true }));
    expect(res.statusCode).toBe(201);
    expect(res.json().creditCodeOverride).toBe(false);
  });

  it.each([
    ['17 characters', () => code('440106').slice(0, 17)],
    ['19 characters', () => `${code('440106')}1`],
    ['the letter I', () => `91440106MA5IT${'0000'}1`.padEnd(18, '0')],
    ['the letter O', () => `9144010O${'0'.repeat(10)}`],
    ['punctuation', () => `91440106-${'0'.repeat(9)}`],
  ])('format error (%s) → 400 naming creditCode, even with the override flag', async (_label, make) => {
    const creditCode = make();
    const before = await enterpriseCount();
    for (const extra of [{}, { confirmCreditCodeOverride: true }]) {
      const res = await post(ministry, body({ creditCode, ...extra }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).not.toBe('CREDIT_CODE_CHECKSUM');
      expect(fields(res)).toContain('creditCode');
    }
    expect(await enterpriseCount()).toBe(before);
  });

  it('accepts a lower-case, padded code and stores it normalised', async () => {
    const creditCode = code('440106');
    const res = await post(ministry, body({ creditCode: `  ${creditCode.toLowerCase()} ` }));
    expect(res.statusCode).toBe(201);
    expect(res.json().creditCode).toBe(creditCode);
  });

  it('duplicate credit code → 409 CREDIT_CODE_TAKEN (also in another case)', async () => {
    const creditCode = code('440106');
    expect((await post(ministry, body({ creditCode }))).statusCode).toBe(201);
    const before = await enterpriseCount();
    for (const c of [creditCode, creditCode.toLowerCase()]) {
      const res = await post(ministry, body({ creditCode: c }));
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('CREDIT_CODE_TAKEN');
      expect(fields(res)).toEqual(['creditCode']);
    }
    expect(await enterpriseCount()).toBe(before);
  });

  it.each(['999999', '12345', '1234567', 'abcdef', '710000', '810000'])('bad regionCode %s → 400 naming regionCode', async (regionCode) => {
    const before = await enterpriseCount();
    const res = await post(ministry, { ...body(), regionCode });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(fields(res)).toContain('regionCode');
    expect(await enterpriseCount()).toBe(before);
  });

  it('unknown enterpriseType → 400 naming enterpriseType', async () => {
    const res = await post(ministry, body({ enterpriseType: 'pirate' }));
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toContain('enterpriseType');
  });

  it('missing required fields → 400 naming each of them', async () => {
    const { name: _n, address: _a, ...rest } = body();
    const res = await post(ministry, rest);
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(expect.arrayContaining(['name', 'address']));
  });

  it('an authority admin cannot register an enterprise outside its jurisdiction (403); the table is unchanged', async () => {
    const before = await enterpriseCount();
    const js = await post(gdAdmin, body({ regionCode: '320505' }));
    expect(js.statusCode).toBe(403);
    expect(js.json().error.code).toBe('FORBIDDEN');
    // Shenzhen is reviewed by its own plan-city authority, not the province
    const sz = await post(gdAdmin, body({ regionCode: '440305' }));
    expect(sz.statusCode).toBe(403);
    expect(await enterpriseCount()).toBe(before);
    expect((await post(gdAdmin, body({ regionCode: '440106' }))).statusCode).toBe(201);
  });

  it('reviewers, enterprise users and the 兵团 flag from a non-兵团 authority are refused', async () => {
    const before = await enterpriseCount();
    expect((await post(gdReviewer, body())).statusCode).toBe(403);
    expect((await post(entAdmin, body())).statusCode).toBe(403);
    const xpcc = await post(gdAdmin, body({ regionCode: '650102', xpcc: true }));
    expect(xpcc.statusCode).toBe(403);
    expect(await enterpriseCount()).toBe(before);
    const ok = await post(ministry, body({ regionCode: '650102', xpcc: true }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().authority.id).toBe('xpcc');
  });
});

describe('listing and reading', () => {
  const tag = `列表${Date.now().toString(36)}`;
  let gz: string;
  let gz2: string;
  let sz: string;
  let js: string;

  beforeAll(async () => {
    const s = app.services;
    gz = (await buildEnterprise(s, { name: `${tag}广州甲`, regionCode: '440106' })).id;
    gz2 = (await buildEnterprise(s, { name: `${tag}佛山乙`, regionCode: '440604' })).id;
    sz = (await buildEnterprise(s, { name: `${tag}深圳丙`, regionCode: '440305' })).id;
    js = (await buildEnterprise(s, { name: `${tag}苏州丁`, regionCode: '320505' })).id;
  });

  it('a Guangdong reviewer sees only enterprises reviewed by prov-440000 (not Shenzhen, not Jiangsu)', async () => {
    const res = await get(gdReviewer, '/api/v1/enterprises?pageSize=200');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; authority: { id: string } }[];
    expect(items.every((e) => e.authority.id === 'prov-440000')).toBe(true);
    expect(ids(res)).toEqual(expect.arrayContaining([gz, gz2, ownId]));
    expect(ids(res)).not.toContain(sz);
    expect(ids(res)).not.toContain(js);
    const inDb = await app.database.raw.query<{ n: number }>("SELECT count(*)::int AS n FROM enterprises WHERE authority_id = 'prov-440000'");
    expect(res.json().total).toBe(inDb.rows[0]!.n);
  });

  it('the Shenzhen reviewer sees Shenzhen only', async () => {
    const res = await get(szReviewer, `/api/v1/enterprises?q=${encodeURIComponent(tag)}`);
    expect(ids(res)).toEqual([sz]);
  });

  it('an enterprise admin sees only its own enterprise', async () => {
    const res = await get(entAdmin, '/api/v1/enterprises?pageSize=200');
    expect(res.statusCode).toBe(200);
    expect(ids(res)).toEqual([ownId]);
    expect(res.json().total).toBe(1);
  });

  it('the ministry sees everything', async () => {
    const res = await get(ministry, `/api/v1/enterprises?q=${encodeURIComponent(tag)}`);
    expect(new Set(ids(res))).toEqual(new Set([gz, gz2, sz, js]));
    const all = await get(ministry, '/api/v1/enterprises?pageSize=1');
    expect(all.json().total).toBe(await enterpriseCount());
  });

  it('q matches a name fragment', async () => {
    const res = await get(ministry, `/api/v1/enterprises?q=${encodeURIComponent(`${tag}深圳`)}`);
    expect(ids(res)).toEqual([sz]);
    const none = await get(ministry, `/api/v1/enterprises?q=${encodeURIComponent(`${tag}不存在`)}`);
    expect(none.json()).toMatchObject({ items: [], total: 0 });
  });

  it('q matches a credit-code prefix (case-insensitive), not an inner fragment', async () => {
    const e = (await get(ministry, `/api/v1/enterprises/${js}`)).json();
    const prefix = e.creditCode.slice(0, 14);
    const res = await get(ministry, `/api/v1/enterprises?q=${prefix.toLowerCase()}`);
    expect(ids(res)).toEqual([js]);
    const inner = await get(ministry, `/api/v1/enterprises?q=${e.creditCode.slice(8, 17)}`);
    expect(ids(inner)).not.toContain(js);
  });

  it('q scoped: a Guangdong reviewer searching a Jiangsu name finds nothing', async () => {
    const res = await get(gdReviewer, `/api/v1/enterprises?q=${encodeURIComponent(`${tag}苏州`)}`);
    expect(res.json()).toMatchObject({ items: [], total: 0 });
  });

  it('LIKE wildcards in q are literal', async () => {
    const res = await get(ministry, `/api/v1/enterprises?q=${encodeURIComponent('%')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(0);
    const underscore = await get(ministry, `/api/v1/enterprises?q=_`);
    expect(underscore.json().total).toBe(0);
  });

  it('province=440000 includes Shenzhen (it is in Guangdong), while the authority scope does not', async () => {
    const res = await get(ministry, `/api/v1/enterprises?province=440000&q=${encodeURIComponent(tag)}`);
    expect(new Set(ids(res))).toEqual(new Set([gz, gz2, sz]));
    const scoped = await get(gdReviewer, `/api/v1/enterprises?province=440000&q=${encodeURIComponent(tag)}`);
    expect(new Set(ids(scoped))).toEqual(new Set([gz, gz2]));
    const city = await get(ministry, `/api/v1/enterprises?province=440300&q=${encodeURIComponent(tag)}`);
    expect(ids(city)).toEqual([sz]);
    const byAuthority = await get(ministry, `/api/v1/enterprises?authorityId=prov-440000&q=${encodeURIComponent(tag)}`);
    expect(new Set(ids(byAuthority))).toEqual(new Set([gz, gz2]));
    const bad = await get(ministry, '/api/v1/enterprises?province=44');
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toContain('province');
  });

  it('pages with total, page, pageSize and a stable order (ties broken by id)', async () => {
    const ptag = `Paging${Date.now().toString(36)}`;
    const made: string[] = [];
    for (const suffix of ['01', '02', '02', '03', '04']) made.push((await buildEnterprise(app.services, { name: `${ptag}-${suffix}` })).id);
    const q = `q=${ptag}`;
    const full = await get(ministry, `/api/v1/enterprises?${q}&pageSize=200`);
    expect(full.json().total).toBe(5);
    const order = ids(full);
    expect(new Set(order)).toEqual(new Set(made));
    const names = (full.json().items as { name: string }[]).map((e) => e.name);
    expect(names).toEqual([`${ptag}-01`, `${ptag}-02`, `${ptag}-02`, `${ptag}-03`, `${ptag}-04`]);
    const tied = order.slice(1, 3);
    expect(tied).toEqual([...tied].sort());

    const pages: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const res = await get(ministry, `/api/v1/enterprises?${q}&pageSize=2&page=${page}`);
      expect(res.json()).toMatchObject({ total: 5, page, pageSize: 2 });
      expect(res.json().items.length).toBe(page < 3 ? 2 : 1);
      pages.push(...ids(res));
    }
    expect(pages).toEqual(order);
    const beyond = await get(ministry, `/api/v1/enterprises?${q}&pageSize=2&page=4`);
    expect(beyond.json()).toMatchObject({ items: [], total: 5, page: 4 });
    // the same request twice gives the same order
    expect(ids(await get(ministry, `/api/v1/enterprises?${q}&pageSize=2&page=2`))).toEqual(order.slice(2, 4));
  });

  it.each(['page=0', 'pageSize=0', 'pageSize=201', 'page=abc'])('bad paging (%s) → 400', async (qs) => {
    const res = await get(ministry, `/api/v1/enterprises?${qs}`);
    expect(res.statusCode).toBe(400);
  });

  it('a foreign enterprise → 404 for an enterprise admin and for another province’s reviewer', async () => {
    for (const [s, id] of [
      [entAdmin, gz],
      [jsReviewer, gz],
      [gdReviewer, js],
      [gdReviewer, sz],
    ] as const) {
      const res = await get(s, `/api/v1/enterprises/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect((await get(s, `/api/v1/enterprises/${id}/sites`)).statusCode).toBe(404);
    }
    expect((await get(jsReviewer, `/api/v1/enterprises/${js}`)).statusCode).toBe(200);
    expect((await get(entAdmin, `/api/v1/enterprises/${ownId}`)).statusCode).toBe(200);
  });

  it('an invalid UUID in the path → 400, not 500; an unknown UUID → 404', async () => {
    for (const url of ['/api/v1/enterprises/not-a-uuid', '/api/v1/enterprises/123/sites', `/api/v1/enterprises/${gz}x`]) {
      const res = await get(ministry, url);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(fields(res)).toContain('id');
    }
    const badPatch = await app.inject({ method: 'PATCH', url: `/api/v1/enterprises/${gz}/sites/nope`, headers: ministry.headers, payload: { name: 'x' } });
    expect(badPatch.statusCode).toBe(400);
    expect(fields(badPatch)).toContain('siteId');
    const unknown = await get(ministry, '/api/v1/enterprises/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
  });

  it('anonymous callers get 401', async () => {
    const res = await app.inject('/api/v1/enterprises');
    expect(res.statusCode).toBe(401);
  });
});

describe('editing', () => {
  it('an enterprise admin edits its own contact phone (200) but not the credit code or region (403)', async () => {
    const res = await patch(entAdmin, ownId, { contactPhone: '020-87654321' });
    expect(res.statusCode).toBe(200);
    expect(res.json().contactPhone).toBe('020-87654321');
    const before = (await get(ministry, `/api/v1/enterprises/${ownId}`)).json();

    for (const p of [{ creditCode: code('440106') }, { regionCode: '440305' }, { parentId: null }, { contactPhone: '020-1', regionCode: '440104' }]) {
      const r = await patch(entAdmin, ownId, p);
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('FORBIDDEN');
    }
    const after = (await get(ministry, `/api/v1/enterprises/${ownId}`)).json();
    expect(after).toEqual(before);
  });

  it('an enterprise admin cannot edit another enterprise (404) and staff cannot edit at all (403)', async () => {
    const other = await buildEnterprise(app.services);
    expect((await patch(entAdmin, other.id, { contactPhone: '020-1111111' })).statusCode).toBe(404);
    const staff = await login(app, (await buildUser(app.services, 'enterprise_staff', { organizationId: ownId })).username, TEST_PASSWORD);
    expect((await patch(staff, ownId, { contactPhone: '020-1111111' })).statusCode).toBe(403);
    expect((await patch(gdReviewer, ownId, { contactPhone: '020-1111111' })).statusCode).toBe(403);
  });

  it('bad field values → 400 naming the field; an empty patch → 400', async () => {
    const phone = await patch(entAdmin, ownId, { contactPhone: 'call me' });
    expect(phone.statusCode).toBe(400);
    expect(fields(phone)).toContain('contactPhone');
    const type = await patch(entAdmin, ownId, { enterpriseType: 'pirate' });
    expect(type.statusCode).toBe(400);
    expect(fields(type)).toContain('enterpriseType');
    expect((await patch(entAdmin, ownId, {})).statusCode).toBe(400);
  });

  it('an authority admin corrects the region within its jurisdiction; a move elsewhere is MIIT\'s', async () => {
    const e = await buildEnterprise(app.services, { regionCode: '440106' });
    expect((await get(gdReviewer, `/api/v1/enterprises/${e.id}`)).statusCode).toBe(200);
    const within = await patch(gdAdmin, e.id, { regionCode: '440104' });
    expect(within.statusCode).toBe(200);
    expect(within.json()).toMatchObject({ regionCode: '440104', authority: { id: 'prov-440000' } });
    const out = await patch(gdAdmin, e.id, { regionCode: '440305' });
    expect(out.statusCode).toBe(403);
    expect((await get(gdReviewer, `/api/v1/enterprises/${e.id}`)).json().regionCode).toBe('440104');

    const moved = await patch(ministry, e.id, { regionCode: '440305' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ regionCode: '440305', authority: { id: 'city-440300' } });
    expect((await get(gdReviewer, `/api/v1/enterprises/${e.id}`)).statusCode).toBe(404);
    expect((await get(szReviewer, `/api/v1/enterprises/${e.id}`)).statusCode).toBe(200);
    // it is no longer the Guangdong admin's to edit
    expect((await patch(gdAdmin, e.id, { regionCode: '440106' })).statusCode).toBe(404);

    const back = await patch(ministry, e.id, { regionCode: '210202' });
    expect(back.json().authority.id).toBe('city-210200');
  });

  it('a credit-code change is checked like on creation', async () => {
    const e = await buildEnterprise(app.services);
    const taken = (await buildEnterprise(app.services)).creditCode;
    const dup = await patch(gdAdmin, e.id, { creditCode: taken });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('CREDIT_CODE_TAKEN');
    const bad = await patch(gdAdmin, e.id, { creditCode: badChecksum('440106') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('CREDIT_CODE_CHECKSUM');
    const fresh = code('440106');
    const ok = await patch(gdAdmin, e.id, { creditCode: fresh });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().creditCode).toBe(fresh);
  });

  it('group links: a parent is set, a cycle → 400 naming parentId', async () => {
    const a = await buildEnterprise(app.services);
    const b = await buildEnterprise(app.services);
    const c = await buildEnterprise(app.services);
    const ab = await patch(ministry, a.id, { parentId: b.id });
    expect(ab.statusCode).toBe(200);
    expect(ab.json()).toMatchObject({ parentId: b.id, parentName: b.name });
    expect((await patch(ministry, b.id, { parentId: c.id })).statusCode).toBe(200);

    for (const [child, parent] of [
      [b.id, a.id],
      [c.id, a.id],
      [a.id, a.id],
    ]) {
      const res = await patch(ministry, child!, { parentId: parent });
      expect(res.statusCode).toBe(400);
      expect(fields(res)).toEqual(['parentId']);
    }
    const row = await app.database.raw.query<{ parent_id: string | null }>('SELECT parent_id FROM enterprises WHERE id = $1', [c.id]);
    expect(row.rows[0]!.parent_id).toBeNull();

    const missing = await patch(ministry, c.id, { parentId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.statusCode).toBe(400);
    expect(fields(missing)).toEqual(['parentId']);
    expect((await patch(ministry, a.id, { parentId: null })).json().parentId).toBeNull();
  });
});

describe('sites', () => {
  it('an enterprise admin adds and edits its sites; duplicate names → 409', async () => {
    const url = `/api/v1/enterprises/${ownId}/sites`;
    const add = await app.inject({ method: 'POST', url, headers: entAdmin.headers, payload: { name: '一号厂区', address: '广州市黄埔区 8 号', regionCode: '440112' } });
    expect(add.statusCode).toBe(201);
    expect(add.json()).toMatchObject({ enterpriseId: ownId, name: '一号厂区', regionCode: '440112', regionName: '广东省' });
    const siteId = add.json().id;

    const dup = await app.inject({ method: 'POST', url, headers: entAdmin.headers, payload: { name: '一号厂区', address: '别处 1 号', regionCode: '440112' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('SITE_NAME_TAKEN');

    const second = await app.inject({ method: 'POST', url, headers: entAdmin.headers, payload: { name: '二号厂区', address: '广州市 9 号', regionCode: '440106' } });
    expect(second.statusCode).toBe(201);

    const edit = await app.inject({ method: 'PATCH', url: `${url}/${siteId}`, headers: entAdmin.headers, payload: { address: '广州市黄埔区 10 号' } });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ id: siteId, name: '一号厂区', address: '广州市黄埔区 10 号' });

    const rename = await app.inject({ method: 'PATCH', url: `${url}/${siteId}`, headers: entAdmin.headers, payload: { name: '二号厂区' } });
    expect(rename.statusCode).toBe(409);
    const same = await app.inject({ method: 'PATCH', url: `${url}/${siteId}`, headers: entAdmin.headers, payload: { name: '一号厂区' } });
    expect(same.statusCode).toBe(200);

    const list = await get(entAdmin, url);
    expect(list.json().items.map((s: { name: string }) => s.name).sort()).toEqual(['一号厂区', '二号厂区']);
    expect((await get(entAdmin, `/api/v1/enterprises/${ownId}`)).json().siteCount).toBe(2);

    const badRegion = await app.inject({ method: 'POST', url, headers: entAdmin.headers, payload: { name: '三号', address: '某地 1 号', regionCode: '999999' } });
    expect(badRegion.statusCode).toBe(400);
    expect(fields(badRegion)).toContain('regionCode');
  });

  it('the reviewing authority can list sites but not add or edit them (403)', async () => {
    const e = await buildEnterprise(app.services);
    const site = await buildSite(app.services, e.id);
    const list = await get(gdReviewer, `/api/v1/enterprises/${e.id}/sites`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((s: { id: string }) => s.id)).toEqual([site.id]);

    for (const s of [gdReviewer, gdAdmin]) {
      const add = await app.inject({ method: 'POST', url: `/api/v1/enterprises/${e.id}/sites`, headers: s.headers, payload: { name: '新厂区', address: '某地 1 号', regionCode: '440106' } });
      expect(add.statusCode).toBe(403);
      const edit = await app.inject({ method: 'PATCH', url: `/api/v1/enterprises/${e.id}/sites/${site.id}`, headers: s.headers, payload: { name: '改名' } });
      expect(edit.statusCode).toBe(403);
    }
    expect((await get(ministry, `/api/v1/enterprises/${e.id}/sites`)).json().items).toHaveLength(1);
  });

  it('an enterprise admin cannot add sites to another enterprise (404) nor edit its sites', async () => {
    const e = await buildEnterprise(app.services);
    const site = await buildSite(app.services, e.id);
    const add = await app.inject({ method: 'POST', url: `/api/v1/enterprises/${e.id}/sites`, headers: entAdmin.headers, payload: { name: '入侵', address: '某地 1 号', regionCode: '440106' } });
    expect(add.statusCode).toBe(404);
    // a foreign site addressed through one's own enterprise is not found either
    const cross = await app.inject({ method: 'PATCH', url: `/api/v1/enterprises/${ownId}/sites/${site.id}`, headers: entAdmin.headers, payload: { name: '改名' } });
    expect(cross.statusCode).toBe(404);
    const row = await app.database.raw.query<{ name: string }>('SELECT name FROM sites WHERE id = $1', [site.id]);
    expect(row.rows[0]!.name).toBe(site.name);
  });
});

describe('statistics by province', () => {
  type Stat = { regionCode: string; regionName: string; count: number };
  const stats = async (s: Session) => {
    const res = await get(s, '/api/v1/enterprises/stats/by-region');
    expect(res.statusCode).toBe(200);
    return res.json().items as Stat[];
  };

  it('counts only the caller’s scope', async () => {
    const q = async (sql: string) => (await app.database.raw.query<{ n: number }>(sql)).rows[0]!.n;

    const gd = await stats(gdReviewer);
    expect(gd).toEqual([{ regionCode: '440000', regionName: '广东省', count: await q("SELECT count(*)::int AS n FROM enterprises WHERE authority_id = 'prov-440000'") }]);

    const sz = await stats(szReviewer);
    expect(sz).toEqual([{ regionCode: '440000', regionName: '广东省', count: await q("SELECT count(*)::int AS n FROM enterprises WHERE authority_id = 'city-440300'") }]);

    const js = await stats(jsReviewer);
    expect(js.map((r) => r.regionCode)).toEqual(['320000']);

    const all = await stats(ministry);
    expect(all.reduce((sum, r) => sum + r.count, 0)).toBe(await enterpriseCount());
    const gdAll = all.find((r) => r.regionCode === '440000')!;
    expect(gdAll.count).toBe(await q("SELECT count(*)::int AS n FROM enterprises WHERE region_code LIKE '44%'"));
    expect(gdAll.count).toBeGreaterThan(gd[0]!.count);
    expect(all.map((r) => r.regionCode)).toEqual(expect.arrayContaining(['440000', '320000', '210000']));
  });

  it('is not open to enterprise users or tokens (403)', async () => {
    const res = await get(entAdmin, '/api/v1/enterprises/stats/by-region');
    expect(res.statusCode).toBe(403);
  });
});
