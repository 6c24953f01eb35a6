/**
 * Label rendering (src/server/modules/trace/labels.ts): the QR of the PNG and of the SVG decodes (jsqr) to the
 * public verification URL; the SVG carries 再制造 and every fact of 六(二) / GB/T 39895; the PDF sheet is a PDF
 * and, with a CJK font, pdftotext reads 再制造 and the enterprise back out of it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { labelContent, type LabelFacts } from '../../src/domain/trace/label.js';
import { findCjkFont, renderLabelPng, renderLabelSheetPdf, renderLabelSvg } from '../../src/server/modules/trace/labels.js';
import { testEnvironment } from '../../src/server/config.js';
import { cjkFontUnavailable, firstUnavailable, pdftotextUnavailable, requireTool } from '../support/tools.js';

const OUT = testEnvironment().outputDir;
mkdirSync(OUT, { recursive: true });

const facts: LabelFacts = {
  code: 'GZJG-2026-000123',
  productName: '再制造发动机 WD615.87',
  enterpriseName: '广州精工再制造科技有限公司',
  enterpriseAddress: '广东省广州市黄埔区科学城开源大道 88 号',
  productionDate: '2026-11-20',
  batch: 'B2026-47',
  standardNumber: 'GB/T 28672-2012',
};
const ORIGIN = 'https://reman.example.cn';
const content = labelContent(facts, ORIGIN);
const URL_ = 'https://reman.example.cn/p/GZJG-2026-000123';

function decodePng(buf: Buffer): string | null {
  const png = PNG.sync.read(buf);
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
}

/** Rasterise the SVG's QR path (unit squares) onto white RGBA, as a scanner would see it. */
function decodeSvgQr(svg: string): string | null {
  const d = /<path data-qr="\d+" fill="#000" d="([^"]+)"/.exec(svg)?.[1];
  if (!d) return null;
  const W = 800;
  const H = 500;
  const rgba = new Uint8ClampedArray(W * H * 4).fill(255);
  for (const m of d.matchAll(/M(\d+(?:\.\d+)?) (\d+(?:\.\d+)?)h(\d+)/g)) {
    const [x, y, s] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let yy = y; yy < y + s; yy++) for (let xx = x; xx < x + s; xx++) rgba.fill(0, (yy * W + xx) * 4, (yy * W + xx) * 4 + 3);
  }
  return jsQR(rgba, W, H)?.data ?? null;
}

const many = Array.from({ length: 9 }, (_, i) => labelContent({ ...facts, code: `GZJG-2026-${String(i).padStart(6, '0')}` }, ORIGIN));

/** The text pdftotext reads out of a PDF. */
function pdfText(body: Buffer, name: string): string {
  const file = join(tmpdir(), `${name}-${process.pid}.pdf`);
  writeFileSync(file, body);
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('label rendering', () => {
  it('PNG: a valid image whose QR decodes to the public verification URL', () => {
    const { body, font } = renderLabelPng(content);
    expect(body.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const png = PNG.sync.read(body);
    expect([png.width, png.height]).toEqual([800, 500]);
    expect(decodePng(body)).toBe(URL_);
    expect(font).toBe(findCjkFont()?.postscriptName ?? 'none');
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'label-sample.png'), body);
  });

  it('PNG with a CJK font draws the text: far more dark pixels than the QR and border alone', (ctx) => {
    requireTool(ctx, cjkFontUnavailable());
    const dark = (b: Buffer) => { const p = PNG.sync.read(b); let n = 0; for (let i = 0; i < p.data.length; i += 4) if (p.data[i]! < 128) n++; return n; };
    const { body, font } = renderLabelPng(content);
    expect(font).not.toBe('none');
    expect(dark(body)).toBeGreaterThan(dark(renderLabelPng(content, null).body) + 5000);
  });

  it('PNG without any CJK font degrades visibly but still carries the QR', () => {
    const { body, font } = renderLabelPng(content, null);
    expect(font).toBe('none');
    expect(decodePng(body)).toBe(URL_);
  });

  it('SVG: QR decodes to the URL and the text carries 再制造 and the facts of 六(二) / GB/T 39895', () => {
    const svg = renderLabelSvg(content);
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(decodeSvgQr(svg)).toBe(URL_);
    // the text of each field (a long value wraps over several <text> lines of the same field)
    const field = (k: string) => [...svg.matchAll(new RegExp(`data-field="${k}">([^<]*)<`, 'g'))].map((m) => m[1]).join('');
    expect(field('mark')).toBe('再制造');
    expect(field('title')).toBe(facts.productName);
    expect(field('enterpriseName')).toBe(`生产企业：${facts.enterpriseName}`);
    expect(field('enterpriseAddress')).toBe(`企业地址：${facts.enterpriseAddress}`);
    expect(field('productionDate')).toBe('生产日期：2026-11-20');
    expect(field('batch')).toBe('生产批号：B2026-47');
    expect(field('standardNumber')).toBe('执行标准：GB/T 28672-2012');
    expect(field('code')).toBe(facts.code);
    writeFileSync(join(OUT, 'label-sample.svg'), svg);
  });

  it('SVG escapes markup in the facts', () => {
    const svg = renderLabelSvg(labelContent({ ...facts, productName: '<script>alert(1)</script> & 泵' }, ORIGIN));
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; 泵');
  });

  it('PDF sheet: %PDF, one A4 page per 8 labels', async () => {
    const { body } = await renderLabelSheetPdf(many);
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((body.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBe(2);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'label-sheet-sample.pdf'), body);
  });

  it('PDF sheet with a CJK font: pdftotext reads 再制造, the enterprise and every code back', async (ctx) => {
    requireTool(ctx, firstUnavailable(pdftotextUnavailable(), cjkFontUnavailable()));
    const { body, font } = await renderLabelSheetPdf(many);
    expect(font).not.toBe('none');
    const text = pdfText(body, 'labels');
    expect(text).toContain('再制造');
    expect(text).toContain(facts.enterpriseName);
    expect(text).toContain('GZJG-2026-000008');
  });

  it('PDF without a CJK font says so on the label', async (ctx) => {
    const { body, font } = await renderLabelSheetPdf([content], null);
    expect(font).toBe('none');
    requireTool(ctx, pdftotextUnavailable());
    const text = pdfText(body, 'labels-nofont');
    expect(text).toContain('REMANUFACTURED');
    expect(text).toContain('CJK font missing');
  });
});
