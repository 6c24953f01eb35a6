/**
 * The remanufacturing lifecycle through the HTTP API (issue 4): a core taken in, inspected, disassembled,
 * cleaned, assessed, remanufactured, reassembled (worked-example rates), tested, marked, shipped, sold,
 * installed, removed and taken in again for its second life; the genealogy, the product page (lives,
 * original components), the public page (no owner, no supplier), recall with its .xlsx, rates, the ledger,
 * and scoping (own enterprise, jurisdiction, MIIT).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/server/platform/clock.js';
import { parseProductCode } from '../../src/domain/trace/codes.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildSite, buildUser, TEST_PASSWORD } from '../support/factories.js';

const clock = manualClock('2026-06-01T02:00:00Z');
let app: TestApp;
let ent: Session, other: Session, gd: Session, js: Session, miit: Session;
let enterpriseId = '';

const req = (s: Session | null, method: string, url: string, payload?: unknown) =>
  app.inject({ method: method as 'GET', url, headers: s?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });
const step = async (s: Session, name: string, body: unknown) => {
  const r = await req(s, 'POST', `/api/v1/trace/steps/${name}`, body);
  expect(r.statusCode, `${name}: ${r.body}`).toBe(201);
  return r.json();
};
const LOT = 'urn:epc:class:lgtin:6901234.000017.PR2026A';
const t = (h: number) => new Date(Date.UTC(2026, 2, 1) + h * 3600_000).toISOString();

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 }, { clock });
  const s = app.services;
  const e = await buildEnterprise(s, { regionCode: '440106', name: '广州追溯测试再制造有限公司' });
  enterpriseId = e.id;
  const f = await buildEnterprise(s, { regionCode: '320505', name: '苏州追溯测试再制造有限公司' });
  const as = async (role: Parameters<typeof buildUser>[1], organizationId?: string) => login(app, (await buildUser(s, role, { organizationId })).username, TEST_PASSWORD);
  ent = await as('enterprise_admin', e.id);
  other = await as('enterprise_admin', f.id);
  gd = await as('authority_reviewer', 'prov-440000');
  js = await as('authority_reviewer', 'prov-320000');
  miit = await as('ministry_officer', 'miit');
});
afterAll(async () => app?.close());

let core = '';
let parts: { epc: string; name: string }[] = [];
let code = '';
let productEpc = '';
let code2 = '';
let secondParts: { epc: string; name: string }[] = [];

describe('first life', () => {
  it('takes in a core with its source and assigns an EPC', async () => {
    const r = await step(ent, 'intake', { name: '柴油发动机旧件', model: 'WD615', source: { returnedBy: '张三汽修厂', channel: 'service_center', tradeIn: true }, eventTime: t(1) });
    expect(r.coreEpc).toMatch(/^urn:reman-platform:core:[0-9A-Z]{6}\.\d+$/);
    expect(r.eventIds).toHaveLength(1);
    core = r.coreEpc;
    // the event is in the EPCIS repository, with the CBV values and the extension
    const q = await req(ent, 'GET', `/epcis/events?MATCH_epc=${encodeURIComponent(core)}`);
    expect(q.statusCode).toBe(200);
    const ev = q.json().epcisBody.queryResults.resultsBody.eventList[0];
    expect(ev.bizStep).toMatch(/receiving/);
    expect(ev.disposition).toMatch(/returned/);
  });

  it('refuses bad input naming the field, and unknown objects', async () => {
    const bad = await req(ent, 'POST', '/api/v1/trace/steps/inspection', { coreEpc: core, grade: 'Z', result: 'accepted' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('grade');
    const unknown = await req(ent, 'POST', '/api/v1/trace/steps/inspection', { coreEpc: 'urn:epc:id:sgtin:0614141.107346.999', grade: 'A', result: 'accepted' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('coreEpc');
    // another enterprise cannot record steps on this core
    const foreign = await req(other, 'POST', '/api/v1/trace/steps/inspection', { coreEpc: core, grade: 'A', result: 'accepted' });
    expect(foreign.statusCode).toBe(400);
  });

  it('inspects, disassembles, cleans, assesses and remanufactures', async () => {
    await step(ent, 'inspection', { coreEpc: core, grade: 'B', result: 'accepted', measurements: [{ name: '缸孔圆度', value: 0.012, unit: 'mm' }], eventTime: t(2) });
    const d = await step(ent, 'disassembly', { coreEpc: core, parts: [{ name: '缸体' }, { name: '缸盖' }, { name: '曲轴' }], eventTime: t(3) });
    parts = d.parts;
    expect(parts).toHaveLength(3);
    expect(new Set(parts.map((p) => p.epc)).size).toBe(3);
    await step(ent, 'cleaning', { epcs: parts.map((p) => p.epc), method: '超声波清洗', eventTime: t(4) });
    const a = await step(ent, 'assessment', { items: [{ epc: parts[0]!.epc, decision: 'reuse' }, { epc: parts[1]!.epc, decision: 'remanufacture' }, { epc: parts[2]!.epc, decision: 'scrap' }], eventTime: t(5) });
    expect(a.eventIds).toHaveLength(3); // one event per decision
    await step(ent, 'process', { epcs: [parts[1]!.epc], process: 'laser_cladding', parameters: '功率 2kW', eventTime: t(6) });
  });

  it('reassembles a product with a new serial and the worked-example rates (84.00 %, 76.00 %)', async () => {
    const r = await step(ent, 'reassembly', {
      name: '再制造柴油发动机',
      model: 'WD615-R',
      gtin: '06901234000016',
      standardNo: 'GB/T 28672-2012',
      warrantyMonths: 12,
      eventTime: t(7),
      inputs: [
        { epc: parts[0]!.epc, origin: 'reused', name: '缸体', massKg: 300, valueCny: 20_000 },
        { epc: parts[1]!.epc, origin: 'remanufactured', name: '缸盖', massKg: 120, valueCny: 18_000 },
        { epcClass: LOT, quantity: 4, origin: 'new', name: '活塞环', massKg: 20, valueCny: 3_000 },
      ],
    });
    const p = r.product;
    code = p.code;
    productEpc = p.epc;
    expect(parseProductCode(code)?.code).toBe(code);
    expect(p.massRate).toBe(84);
    expect(p.valueRate).toBe(76);
    expect(p.formulaVersion).toBe('GBT28620-2012/working-v1');
    expect(p.life).toBe(1);
    expect(p.gtin).toBe('06901234000016');
    expect(p.digitalLink).toMatch(/^https:\/\/id\.gs1\.org\/01\/06901234000016\/21\/\d{8}$/);
    expect(p.epc).toBe(p.digitalLink);
    expect(p.verifyPath).toBe(`/p/${code}`);
    expect(p.status).toBe('issued');
  });

  it('tests, marks, ships, sells (owner ≠ possessor kept apart for a lease) and installs', async () => {
    await step(ent, 'test', { code, result: 'pass', measurements: [{ name: '额定功率', value: 199, unit: 'kW' }], eventTime: t(8) });
    await step(ent, 'marking', { code, eventTime: t(9) });
    await step(ent, 'shipping', { codes: [code], destinationName: '华南经销中心', eventTime: t(10) });
    await step(ent, 'lease', { code: productEpc, lesseeName: '李四物流有限公司', eventTime: t(11) });
    let d = (await req(ent, 'GET', `/api/v1/trace/products/${code}`)).json();
    // what it was made of: the reassembly's declared inputs (read from its event in the event store)
    expect(d.inputs).toEqual([
      { key: parts[0]!.epc, name: '缸体', origin: 'reused', quantity: 1, massKg: 300, valueCny: 20_000 },
      { key: parts[1]!.epc, name: '缸盖', origin: 'remanufactured', quantity: 1, massKg: 120, valueCny: 18_000 },
      { key: LOT, name: '活塞环', origin: 'new', quantity: 4, massKg: 20, valueCny: 3_000 },
    ]);
    expect(d.originalComponents.map((c: { key: string }) => c.key)).toEqual([parts[0]!.epc, parts[1]!.epc]);
    expect(d.owner).toBeNull(); // still the enterprise's
    expect(d.possessor.name).toBe('李四物流有限公司');
    const s = await step(ent, 'sale', { code, customerName: '王五运输公司', eventTime: t(12) });
    expect(s.product.state).toBe('sale');
    await step(ent, 'installation', { code, location: '广州市黄埔区某车队', equipment: '重型卡车 粤A12345', eventTime: t(13) });
    d = (await req(ent, 'GET', `/api/v1/trace/products/${encodeURIComponent(productEpc)}`)).json();
    expect(d.owner.name).toBe('王五运输公司');
    expect(d.possessor.name).toBe('王五运输公司');
    expect(d.installation.location).toBe('广州市黄埔区某车队');
    expect(d.steps.map((x: { kind: string }) => x.kind)).toEqual(expect.arrayContaining(['intake', 'inspection', 'disassembly', 'reassembly', 'test', 'marking', 'shipping', 'lease', 'sale', 'installation']));
    expect(d.remanufacturedTimes).toBe(1);
    // while it is in service, a recall of the lot finds it with its owner and where it is installed
    const rec = (await req(ent, 'GET', `/api/v1/trace/recall?lot=${encodeURIComponent(LOT)}`)).json();
    expect(rec.items).toEqual([expect.objectContaining({ code, owner: '王五运输公司', possessor: '王五运输公司', state: 'installation', installation: '广州市黄埔区某车队 / 重型卡车 粤A12345' })]);
  });

  it('the public page: genuine, rates, steps with dates and kinds; no owner, no supplier, no party', async () => {
    const r = await req(null, 'GET', `/api/v1/public/products/${code}`);
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b.genuine).toBe(true);
    expect(b.enterprise).toEqual({ name: '广州追溯测试再制造有限公司', announced: false });
    expect(b.massRate).toBe(84);
    expect(b.standardNo).toBe('GB/T 28672-2012');
    expect(b.warrantyMonths).toBe(12);
    expect(b.steps.map((s: { kind: string }) => s.kind)).toEqual(['intake', 'inspection', 'disassembly', 'reassembly', 'test', 'marking', 'shipping', 'lease', 'sale', 'installation']);
    expect(b.steps[0]).toEqual({ date: '2026-03-01', kind: 'intake', label: { zh: '旧件回收入库', en: 'Core intake' } });
    for (const secret of ['王五', '李四', '张三', '华南经销中心', '粤A12345', '黄埔', 'urn:reman-platform:party', 'owner', 'possessor', 'returnedBy', productEpc]) expect(r.body).not.toContain(secret);
    // the Digital Link and the EPC find it too; unknown codes get a clear bilingual 404
    expect((await req(null, 'GET', `/api/v1/public/products/${encodeURIComponent(`https://example.com/01/06901234000016/21/${productEpc.split('/').pop()}`)}`)).json().code).toBe(code);
    const nf = await req(null, 'GET', `/api/v1/public/products/RM0000000000000000`);
    expect(nf.statusCode).toBe(404);
    expect(nf.json().error).toMatchObject({ code: 'PRODUCT_NOT_FOUND', message: expect.stringContaining('未找到'), messageEn: expect.stringContaining('No remanufactured product') });
    // a mistyped check character is not found either
    const typo = code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');
    expect((await req(null, 'GET', `/api/v1/public/products/${typo}`)).statusCode).toBe(404);
  });
});

describe('second life', () => {
  it('removal, intake of the same EPC as a core, a second product with original components', async () => {
    await step(ent, 'removal', { code, reason: '车辆报废', eventTime: t(1000) });
    const i = await step(ent, 'intake', { coreEpc: code, name: '再制造发动机（返厂）', source: { returnedBy: '王五运输公司', channel: 'end_user', tradeIn: false }, eventTime: t(1001) });
    expect(i.coreEpc).toBe(productEpc);
    const d = await step(ent, 'disassembly', { coreEpc: productEpc, parts: [{ epc: parts[0]!.epc, name: '缸体' }, { name: '新拆出零件' }], eventTime: t(1002) });
    secondParts = d.parts;
    // taken in and disassembled: the first code no longer verifies as genuine
    const dis = (await req(null, 'GET', `/api/v1/public/products/${code}`)).json();
    expect(dis).toMatchObject({ genuine: false, status: 'disassembled', statusLabel: { zh: '已拆解', en: 'Disassembled' }, successor: null });
    const r = await step(ent, 'reassembly', {
      name: '再制造柴油发动机',
      eventTime: t(1003),
      inputs: [
        { epc: parts[0]!.epc, origin: 'reused', name: '缸体', massKg: 300, valueCny: 20_000 },
        { epc: d.parts[1].epc, origin: 'remanufactured', name: '新拆出零件', massKg: 100, valueCny: 10_000 },
        { epc: 'urn:epc:id:sgtin:6901234.000018.N1', origin: 'new', name: '新缸盖', massKg: 100, valueCny: 20_000 },
      ],
    });
    code2 = r.product.code;
    expect(r.product.life).toBe(2);
    expect(r.product.massRate).toBe(80);
    expect(r.product.valueRate).toBe(60);
    expect(r.product.epc).toMatch(/^urn:reman-platform:product:/);
    const det = (await req(ent, 'GET', `/api/v1/trace/products/${code2}`)).json();
    expect(det.remanufacturedTimes).toBe(2);
    expect(det.lives.map((l: { life: number; productCode: string }) => [l.life, l.productCode])).toEqual([[1, code], [2, code2]]);
    expect(det.originalComponents.map((c: { key: string }) => c.key)).toEqual([parts[0]!.epc]);
  });

  it('the first code verifies as remanufactured into the second, with a link; the second is genuine', async () => {
    const old = (await req(null, 'GET', `/api/v1/public/products/${code}`)).json();
    expect(old).toMatchObject({ code, genuine: false, status: 'superseded', successor: { code: code2, verifyPath: `/p/${code2}` } });
    expect(old.statusLabel).toEqual({ zh: `已再制造为 ${code2}`, en: `Remanufactured into ${code2}` });
    const cur = (await req(null, 'GET', `/api/v1/public/products/${code2}`)).json();
    expect(cur).toMatchObject({ genuine: true, status: 'issued', successor: null });
    // its timeline: the first life's steps (its core), then this life's
    expect(cur.steps.map((s: { kind: string }) => s.kind)).toEqual(expect.arrayContaining(['removal', 'intake', 'disassembly', 'reassembly']));
  });

  it('traces upstream through both lives and downstream from the lot and the first core', async () => {
    const up = await req(ent, 'GET', `/api/v1/trace/${code2}?direction=up`);
    expect(up.statusCode).toBe(200);
    const keys = up.json().nodes.map((n: { key: string }) => n.key);
    expect(keys).toEqual(expect.arrayContaining([productEpc, core, parts[0]!.epc, secondParts[1]!.epc, 'urn:epc:id:sgtin:6901234.000018.N1']));
    // the first life's cylinder head and piston rings left the returned engine beside the block: siblings, not what code2 is made of
    for (const k of [parts[1]!.epc, LOT, parts[2]!.epc]) expect(keys).not.toContain(k);
    expect(up.json().madeOf).toEqual([parts[0]!.epc, secondParts[1]!.epc, 'urn:epc:id:sgtin:6901234.000018.N1'].sort());
    expect(up.json().provenance).toEqual([core, productEpc].sort());
    const relations = new Map(up.json().edges.map((e: { parent: string; child: string; relation: string }) => [`${e.parent}>${e.child}`, e.relation]));
    expect(relations.get(`${parts[0]!.epc}>${core}`)).toBe('disassembled_from');
    expect(relations.get(`${up.json().root.key}>${parts[0]!.epc}`)).toBe('input');
    // the scrapped crankshaft only when asked for
    const down0 = await req(ent, 'GET', `/api/v1/trace/${encodeURIComponent(core)}?direction=down`);
    expect(down0.json().nodes.map((n: { key: string }) => n.key)).not.toContain(parts[2]!.epc);
    const downAll = await req(ent, 'GET', `/api/v1/trace/${encodeURIComponent(core)}?direction=down&includeScrapped=true`);
    expect(downAll.json().nodes.map((n: { key: string }) => n.key)).toContain(parts[2]!.epc);
    const root = up.json().root;
    expect(root).toMatchObject({ kind: 'product', productCode: code2, life: 2 });
    const down = await req(ent, 'GET', `/api/v1/trace/${encodeURIComponent(core)}?direction=down`);
    const prods = down.json().nodes.filter((n: { kind: string }) => n.kind === 'product').map((n: { productCode: string }) => n.productCode).sort();
    expect(prods).toEqual([code, code2].sort());
    const lot = await req(ent, 'GET', `/api/v1/trace/${encodeURIComponent(LOT)}?direction=down`);
    expect(lot.json().nodes.filter((n: { kind: string }) => n.kind === 'product').map((n: { productCode: string }) => n.productCode)).toEqual([code]);
  });
});

describe('recall, rates, ledger', () => {
  it('recall by lot lists the product with its current owner, and exports .xlsx', async () => {
    const r = await req(ent, 'GET', `/api/v1/trace/recall?lot=${encodeURIComponent(LOT)}`);
    expect(r.statusCode).toBe(200);
    expect(r.json().items).toHaveLength(1);
    // the product came back as a core and was remanufactured into code2: the unit is named once, under its current code
    expect(r.json().items[0]).toMatchObject({ code: code2, matchedCodes: [code], life: 2, state: 'reassembly', installation: null });
    const x = await req(ent, 'GET', `/api/v1/trace/recall?lot=${encodeURIComponent(LOT)}&format=xlsx`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(1).getCell(1).value)).toContain(LOT);
    expect(ws.getRow(2).getCell(1).value).toBe('产品编码 Code');
    expect(ws.getRow(3).getCell(1).value).toBe(code2);
    expect(ws.getRow(3).getCell(13).value).toBe(code);
    // words, not codes (issue 16 item 4): status, step and the enterprise's own ownership
    expect(ws.getRow(3).getCell(6).value).toBe('正品 Genuine');
    expect(String(ws.getRow(3).getCell(7).value)).toMatch(/^再制造装配/);
    expect(ws.rowCount).toBe(3);
    // core recall: both lives are one unit, named once with its current code
    const c = await req(ent, 'GET', `/api/v1/trace/recall?core=${encodeURIComponent(core)}`);
    expect(c.json().items.map((i: { code: string; matchedCodes: string[] }) => [i.code, i.matchedCodes])).toEqual([[code2, [code, code2].sort()]]);
    expect((await req(ent, 'GET', `/api/v1/trace/recall?lot=x&core=y`)).statusCode).toBe(400);
  });

  it('recalling a product changes its public status', async () => {
    const r = await req(ent, 'POST', `/api/v1/trace/products/${code2}/status`, { status: 'recalled', reason: '缸盖批次质量问题' });
    expect(r.statusCode).toBe(200);
    expect(r.json().status).toBe('recalled');
    const pub = (await req(null, 'GET', `/api/v1/public/products/${code2}`)).json();
    expect(pub.genuine).toBe(false);
    expect(pub.status).toBe('recalled');
    expect(JSON.stringify(pub)).not.toContain('缸盖批次质量问题');
    // a repeated recall changes nothing: no second event, no second 召回 on the public page
    const events = async () => (await req(ent, 'GET', `/epcis/events?MATCH_epc=${encodeURIComponent(r.json().epc)}&EQ_bizStep=holding`)).json().epcisBody.queryResults.resultsBody.eventList.length;
    expect(await events()).toBe(1);
    const again = await req(ent, 'POST', `/api/v1/trace/products/${code2}/status`, { status: 'recalled', reason: '再次召回' });
    expect(again.statusCode).toBe(200);
    expect(again.json().status).toBe('recalled');
    expect(await events()).toBe(1);
    const pub2 = (await req(null, 'GET', `/api/v1/public/products/${code2}`)).json();
    expect(pub2.steps.filter((s: { kind: string }) => s.kind === 'recall')).toHaveLength(1);
  });

  it('aggregates the rates per enterprise and year (mass- and value-weighted)', async () => {
    const r = (await req(ent, 'GET', '/api/v1/trace/rates?year=2026')).json();
    expect(r.items).toHaveLength(1);
    // (420 + 400) / (500 + 500); (38,000 + 30,000) / (50,000 + 50,000)
    expect(r.items[0]).toMatchObject({ enterpriseId, products: 2, massRate: 82, valueRate: 68, totalMassKg: 1000 });
  });

  it('exports the production ledger for a period', async () => {
    const j = (await req(ent, 'GET', '/api/v1/trace/ledger?from=2026-03-01&to=2026-03-31')).json();
    expect(j).toMatchObject({ page: 1, pageSize: 20 });
    expect(j.coresReceived.total).toBe(1);
    expect(j.coresReceived.items[0]).toMatchObject({ returnedBy: '张三汽修厂', channel: 'service_center', tradeIn: true });
    expect(j.productsMade.items.map((p: { code: string }) => p.code)).toEqual([code]);
    expect(j.tests.items).toHaveLength(1);
    expect(j.shipments.items[0]).toMatchObject({ code, destination: '华南经销中心' });
    // paged in SQL: each section one page with its total; over the maximum page size is a 400 naming pageSize
    const whole = (await req(ent, 'GET', '/api/v1/trace/ledger?from=2026-03-01&to=2026-12-31')).json();
    expect(whole.coresReceived.total).toBe(2);
    const p2 = (await req(ent, 'GET', '/api/v1/trace/ledger?from=2026-03-01&to=2026-12-31&page=2&pageSize=1')).json();
    expect(p2.coresReceived).toMatchObject({ total: 2, items: [whole.coresReceived.items[1]] });
    expect(p2.productsMade.total).toBe(whole.productsMade.total);
    const big = await req(ent, 'GET', '/api/v1/trace/ledger?from=2026-03-01&to=2026-12-31&pageSize=201');
    expect(big.statusCode).toBe(400);
    expect(JSON.stringify(big.json().error.details)).toContain('pageSize');
    const x = await req(ent, 'GET', '/api/v1/trace/ledger?from=2026-03-01&to=2026-12-31&format=xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['旧件接收', '产品生产', '检测', '出厂发货']);
    expect(wb.getWorksheet('旧件接收')!.rowCount).toBe(3); // header + two intakes
    expect(wb.getWorksheet('产品生产')!.getRow(3).getCell(2).value).toBe(code2);
  });
});

describe('annual report seam (表2-3)', () => {
  it('counts the year\'s cores received, products made and units sold or leased', async () => {
    // the steps above were recorded before the enterprise registered a site: with its one site now they count for it
    const siteId = (await buildSite(app.services, enterpriseId, { name: '唯一厂区' })).id;
    const t = await app.services.trace.annualTable23({ enterpriseId, siteId, year: 2026 });
    expect(t!.recovery).toEqual({ total: 2, rows: [
      { name: '柴油发动机旧件', model: 'WD615', source: '售后服务网点', count: 1 },
      { name: '再制造发动机（返厂）', model: '', source: '用户直接交回', count: 1 },
    ] });
    expect(t!.reman.total).toBe(2);
    expect(t!.sales).toEqual({ total: 2, rows: [
      { name: '再制造柴油发动机', model: 'WD615-R', buyer: '李四物流有限公司', count: 1 },
      { name: '再制造柴油发动机', model: 'WD615-R', buyer: '王五运输公司', count: 1 },
    ] });
    expect(await app.services.trace.annualTable23({ enterpriseId, siteId, year: 2020 })).toBeNull();
  });
});

describe('scoping', () => {
  it('own enterprise, its authority and MIIT see the product; others get 404', async () => {
    for (const s of [ent, gd, miit]) expect((await req(s, 'GET', `/api/v1/trace/products/${code}`)).statusCode).toBe(200);
    for (const s of [other, js]) {
      expect((await req(s, 'GET', `/api/v1/trace/products/${code}`)).statusCode).toBe(404);
      expect((await req(s, 'GET', `/api/v1/trace/${code}?direction=up`)).statusCode).toBe(404);
      expect((await req(s, 'GET', `/api/v1/trace/recall?lot=${encodeURIComponent(LOT)}`)).json().items).toEqual([]);
      expect((await req(s, 'GET', '/api/v1/trace/products')).json().total).toBe(0);
    }
    expect((await req(gd, 'GET', '/api/v1/trace/products')).json().total).toBe(2);
    expect((await req(other, 'POST', `/api/v1/trace/products/${code}/status`, { status: 'revoked', reason: '别人的产品' })).statusCode).toBe(404);
    expect((await req(gd, 'POST', '/api/v1/trace/steps/intake', { name: 'x', source: { returnedBy: 'y', channel: 'other', tradeIn: false } })).statusCode).toBe(403);
  });
});
