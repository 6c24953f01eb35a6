/**
 * Product labels through the HTTP API: an enterprise records a core through to a product (trace steps API),
 * then fetches its label as PNG, SVG and an A4 PDF sheet. The QR decodes to the public page of the product;
 * the text carries 再制造 and the facts of 规范条件 六(二) / GB/T 39895. Foreign products answer 404,
 * authorities may not print, incomplete or recalled products get no label.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildUser, TEST_PASSWORD } from '../support/factories.js';
import { findCjkFont } from '../../src/server/modules/trace/labels.js';
import { cjkFontUnavailable, firstUnavailable, pdftotextUnavailable, requireTool } from '../support/tools.js';

let app: TestApp;
let ent: Session, entAdmin: Session, other: Session, gd: Session;
const ADDRESS = '广东省广州市黄埔区科学城开源大道 88 号';
const NAME = '广州标识测试再制造有限公司';
const HOST = 'reman.test';

const req = (s: Session | null, method: string, url: string, payload?: unknown) =>
  app.inject({ method: method as 'GET', url, headers: { host: HOST, ...(s?.headers ?? {}) }, ...(payload === undefined ? {} : { payload: payload as object }) });

async function step(s: Session, kind: string, body: unknown) {
  const res = await req(s, 'POST', `/api/v1/trace/steps/${kind}`, body);
  expect(res.statusCode, `${kind}: ${res.body}`).toBe(201);
  return res.json();
}

/** intake → disassembly → assessment → reassembly; returns the product summary. */
async function makeProduct(s: Session, opts: { standardNo?: string; gtin?: string } = {}) {
  const intake = await step(s, 'intake', { name: '旧发动机', model: 'WD615', source: { returnedBy: '某运输公司', channel: 'recycler', tradeIn: false } });
  const core = intake.coreEpc as string;
  const dis = await step(s, 'disassembly', { coreEpc: core, parts: [{ name: '缸体' }, { name: '缸盖' }, { name: '活塞环' }] });
  const [block, head, rings] = dis.parts as { epc: string }[];
  await step(s, 'assessment', { items: [{ epc: block!.epc, decision: 'reuse' }, { epc: head!.epc, decision: 'remanufacture' }, { epc: rings!.epc, decision: 'replace' }] });
  const re = await step(s, 'reassembly', {
    name: '再制造发动机',
    model: 'WD615',
    productionDate: '2026-11-20',
    warrantyMonths: 12,
    ...(opts.standardNo === undefined ? {} : { standardNo: opts.standardNo }),
    ...(opts.gtin ? { gtin: opts.gtin, serial: 'SN-0001' } : {}),
    inputs: [
      { epc: block!.epc, origin: 'reused', name: '缸体', massKg: 300, valueCny: 20000 },
      { epc: head!.epc, origin: 'remanufactured', name: '缸盖', massKg: 120, valueCny: 18000 },
      { epcClass: 'urn:epc:class:lgtin:4012345.012345.LOT7', quantity: 1, origin: 'new', name: '活塞环', massKg: 80, valueCny: 12000 },
    ],
  });
  return re.product as { code: string; verifyPath: string; productionDate: string; digitalLink: string | null; epc: string };
}

function qrOf(png: Buffer): string | null {
  const img = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height)?.data ?? null;
}

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 });
  const s = app.services;
  const e = await buildEnterprise(s, { regionCode: '440106', name: NAME, address: ADDRESS });
  const u = await buildUser(s, 'enterprise_staff', { organizationId: e.id });
  const ua = await buildUser(s, 'enterprise_admin', { organizationId: e.id });
  const o = await buildUser(s, 'enterprise_admin');
  const a = await buildUser(s, 'authority_reviewer');
  ent = await login(app, u.username, TEST_PASSWORD);
  entAdmin = await login(app, ua.username, TEST_PASSWORD);
  other = await login(app, o.username, TEST_PASSWORD);
  gd = await login(app, a.username, TEST_PASSWORD);
});
afterAll(async () => {
  await app?.close();
});

describe('product labels', () => {
  let code = '';
  let verifyPath = '';

  it('PNG: the QR decodes to the public verification page of the product', async () => {
    const p = await makeProduct(ent, { standardNo: 'GB/T 28672-2012' });
    code = p.code;
    verifyPath = p.verifyPath;
    expect(verifyPath).toBe(`/p/${encodeURIComponent(code)}`);
    const res = await req(ent, 'GET', `/api/v1/trace/products/${encodeURIComponent(code)}/label.png`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(qrOf(res.rawPayload)).toBe(`http://${HOST}${verifyPath}`);
    expect(res.headers['x-label-font']).toBe(findCjkFont() ? findCjkFont()!.postscriptName : 'none');
  });

  it('SVG: 再制造, the enterprise name and address, the production date and the standard number', async () => {
    const res = await req(ent, 'GET', `/api/v1/trace/products/${encodeURIComponent(code)}/label.svg`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const svg = res.body;
    const field = (k: string) => [...svg.matchAll(new RegExp(`data-field="${k}">([^<]*)<`, 'g'))].map((m) => m[1]).join('');
    expect(field('mark')).toBe('再制造');
    expect(field('enterpriseName')).toContain(NAME);
    expect(field('enterpriseAddress')).toContain(ADDRESS);
    expect(field('productionDate')).toContain('2026-11-20');
    expect(field('standardNumber')).toContain('GB/T 28672-2012');
    expect(field('code')).toBe(code);
    expect(svg).toContain(`data-qr-url="http://${HOST}${verifyPath}"`);
  });

  it('PDF: an A4 sheet of several labels', async (ctx) => {
    const second = await makeProduct(ent, { standardNo: 'GB/T 28672-2012' });
    const res = await req(ent, 'POST', '/api/v1/trace/labels.pdf', { codes: [code, second.code] });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = join(tmpdir(), `trace-labels-${process.pid}.pdf`);
    writeFileSync(file, res.rawPayload);
    requireTool(ctx, firstUnavailable(pdftotextUnavailable(), cjkFontUnavailable()));
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('再制造');
    expect(text.stdout).toContain(code);
    expect(text.stdout).toContain(second.code);
  });

  it('a product with a GTIN: the label prints its GS1 Digital Link, the QR still opens the platform page; the Digital Link finds the label too', async () => {
    const p = await makeProduct(ent, { standardNo: 'GB/T 28672-2012', gtin: '04012345123456' });
    expect(p.digitalLink).toBe('https://id.gs1.org/01/04012345123456/21/SN-0001');
    const svg = (await req(ent, 'GET', `/api/v1/trace/products/${encodeURIComponent(p.code)}/label.svg`)).body;
    const digitalLinkText = [...svg.matchAll(/data-field="digitalLink">([^<]*)</g)].map((m) => m[1]).join('');
    expect(digitalLinkText).toBe('GS1 数字链接：https://id.gs1.org/01/04012345123456/21/SN-0001');
    expect(svg).toContain(`data-qr-url="http://${HOST}/p/${encodeURIComponent(p.code)}"`);
    const byLink = await req(ent, 'GET', `/api/v1/trace/products/${encodeURIComponent(p.digitalLink!)}/label.png`);
    expect(byLink.statusCode).toBe(200);
    expect(qrOf(byLink.rawPayload)).toBe(`http://${HOST}/p/${encodeURIComponent(p.code)}`);
  });

  it("another enterprise's products answer 404; authorities may not print; the public must log in", async () => {
    const url = `/api/v1/trace/products/${encodeURIComponent(code)}/label.png`;
    expect((await req(other, 'GET', url)).statusCode).toBe(404);
    expect((await req(other, 'GET', url.replace('.png', '.svg'))).statusCode).toBe(404);
    expect((await req(other, 'POST', '/api/v1/trace/labels.pdf', { codes: [code] })).statusCode).toBe(404);
    expect((await req(gd, 'GET', url)).statusCode).toBe(403);
    expect((await req(null, 'GET', url)).statusCode).toBe(401);
    expect((await req(ent, 'GET', '/api/v1/trace/products/RM-NO-SUCH-CODE/label.png')).statusCode).toBe(404);
  });

  it('the PDF body is validated: no codes → 400 naming the field', async () => {
    const res = await req(ent, 'POST', '/api/v1/trace/labels.pdf', { codes: [] });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain('codes');
  });

  it('a product without a standard number gets no label (六(二)): 409 naming the missing fact', async () => {
    const p = await makeProduct(ent);
    const res = await req(ent, 'GET', `/api/v1/trace/products/${encodeURIComponent(p.code)}/label.svg`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('LABEL_INCOMPLETE');
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['standardNumber']);
  });

  it('a recalled product gets no new label', async () => {
    const p = await makeProduct(ent, { standardNo: 'Q/GZ 001-2025' });
    const st = await req(entAdmin, 'POST', `/api/v1/trace/products/${encodeURIComponent(p.code)}/status`, { status: 'recalled', reason: '缸盖批次质量问题' });
    expect(st.statusCode, st.body).toBe(200);
    const res = await req(ent, 'GET', `/api/v1/trace/products/${encodeURIComponent(p.code)}/label.png`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('LABEL_NOT_ISSUED');
  });
});
