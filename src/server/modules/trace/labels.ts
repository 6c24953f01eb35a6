/**
 * Rendering of product labels (再制造产品标识) from their content (src/domain/trace/label.ts):
 * - SVG of one label: text as real text (searchable, any size), the QR code as one vector path.
 * - PNG of one label: rasterised here (QR modules + glyph outlines of a CJK font read with fontkit), encoded
 *   with node:zlib — no native canvas needed.
 * - PDF: an A4 sheet of many labels (pdfkit), cut lines around each cell, ready to print on label paper.
 *
 * Chinese text needs a CJK font for PNG and PDF (SVG names font families and leaves drawing to the viewer).
 * `findCjkFont()` looks for a known font file, then asks fontconfig (`fc-match :lang=zh`) and checks the
 * font really has the glyph 再. Without one, PNG and PDF degrade visibly: Latin text only, the mark printed as
 * "REMANUFACTURED", a note "CJK font missing (install fonts-wqy-zenhei)" on the label, and the response
 * header `x-label-font: none`. Debian/Ubuntu: `apt-get install fonts-wqy-zenhei`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { sheetCell, type LabelContent } from '../../../domain/trace/label.js';

// ---------------------------------------------------------------- fonts

export interface LabelFont {
  path: string;
  postscriptName: string;
  font: fontkit.Font;
}

const KNOWN_CJK_FONTS: ReadonlyArray<[string, string]> = [
  ['/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', 'WenQuanYiZenHei'],
  ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', 'WenQuanYiMicroHei'],
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  ['/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  ['/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  ['/usr/share/fonts/truetype/arphic/uming.ttc', 'AR-PLUMingCN-Light'],
];

const RE = 0x518d; // 再

function tryOpen(path: string, postscriptName: string | undefined): LabelFont | null {
  try {
    if (!existsSync(path)) return null;
    const font = fontkit.openSync(path, postscriptName || undefined);
    if (!font || typeof font.layout !== 'function' || !font.hasGlyphForCodePoint(RE)) return null;
    return { path, postscriptName: font.postscriptName, font };
  } catch {
    return null;
  }
}

let cachedFont: LabelFont | null | undefined;

/** The CJK font used for PNG and PDF labels, or null (then labels degrade, see the file comment). */
export function findCjkFont(): LabelFont | null {
  if (cachedFont !== undefined) return cachedFont;
  for (const [path, ps] of KNOWN_CJK_FONTS) {
    const f = tryOpen(path, ps);
    if (f) return (cachedFont = f);
  }
  try {
    const r = spawnSync('fc-match', ['-f', '%{file}\n%{postscriptname}\n', ':lang=zh'], { encoding: 'utf8', timeout: 5000 });
    const [path, ps] = (r.stdout || '').split('\n');
    if (r.status === 0 && path) {
      const f = tryOpen(path.trim(), ps?.trim());
      if (f) return (cachedFont = f);
    }
  } catch {
    // fontconfig not installed
  }
  return (cachedFont = null);
}

/** For tests: forget the cached font (or force "no font"). */
export function resetFontCache(force?: null): void {
  cachedFont = force === null ? null : undefined;
}

// ---------------------------------------------------------------- layout (shared by SVG, PNG, PDF)

export const LABEL_WIDTH = 800;
export const LABEL_HEIGHT = 500;

export interface TextOp {
  x: number;
  /** Baseline. */
  y: number;
  size: number;
  text: string;
  bold?: boolean;
  anchor?: 'start' | 'middle';
  testId?: string;
}

export interface QrOp {
  x: number;
  y: number;
  /** Side of one module in layout units. */
  module: number;
  size: number;
  dark: (row: number, col: number) => boolean;
}

/** The 再制造产品目录 badge of a product whose model is listed (issue 14 item 2; labels.routes.ts `withBadges`). */
export interface LabelBadge {
  zh: string;
  en: string;
  listedNo: string;
}
/** A label's content and, when its model is in a published catalogue batch, the badge. */
export type LabelToPrint = LabelContent & { badge?: LabelBadge };

export interface LabelLayout {
  texts: TextOp[];
  qr: QrOp;
}

/** Rough width of a text (CJK and full-width ≈ 1 em, others ≈ 0.6 em): used for wrapping only. */
export function estimateWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? size : size * 0.6;
  return w;
}

function wrap(text: string, size: number, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of text) {
    if (estimateWidth(cur + ch, size) > width && cur) {
      out.push(cur);
      cur = ch.trim() ? ch : '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

export function qrMatrix(url: string): { size: number; dark: (r: number, c: number) => boolean } {
  const q = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const { size, data } = q.modules as unknown as { size: number; data: Uint8Array };
  return { size, dark: (r, c) => data[r * size + c] === 1 };
}

/** Where everything of one label goes, in a LABEL_WIDTH × LABEL_HEIGHT box. `latinOnly`: no CJK font. */
export function layoutLabel(c: LabelToPrint, latinOnly = false): LabelLayout {
  const texts: TextOp[] = [];
  const clean = (s: string) => (latinOnly ? s.replace(/[^\u0020-\u00ff]/g, '?') : s);
  if (latinOnly) {
    texts.push({ x: 28, y: 78, size: 48, text: c.markEn.toUpperCase(), bold: true, testId: 'mark' });
  } else {
    texts.push({ x: 28, y: 86, size: 72, text: c.mark, bold: true, testId: 'mark' });
    texts.push({ x: 28 + 72 * 3 + 16, y: 84, size: 22, text: c.markEn.toUpperCase(), bold: true });
  }
  let y = 134;
  for (const part of wrap(clean(c.title), 28, 740).slice(0, 2)) {
    texts.push({ x: 28, y, size: 28, text: part, bold: true, testId: 'title' });
    y += 36;
  }
  y += 6;
  const textWidth = 480;
  let lines = 0;
  for (const line of c.lines) {
    const caption = latinOnly ? `${line.en}: ` : `${line.zh}：`;
    const parts = wrap(caption + clean(line.value), 20, textWidth);
    for (const part of parts) {
      if (lines >= 11) break;
      texts.push({ x: 28, y, size: 20, text: part, testId: line.key });
      y += 28;
      lines++;
    }
  }
  const m = qrMatrix(c.qrUrl);
  const area = 248;
  const module = Math.max(3, Math.floor(area / (m.size + 8)));
  const side = module * (m.size + 8);
  const qx = LABEL_WIDTH - 28 - side;
  const qy = 120;
  if (c.badge) {
    // above the QR, right of the mark: 再制造产品目录 第N批 and the model's catalogue number
    texts.push({ x: qx + side / 2, y: 62, size: 20, text: latinOnly ? c.badge.en : c.badge.zh, bold: true, anchor: 'middle', testId: 'badge' });
    texts.push({ x: qx + side / 2, y: 92, size: 18, text: latinOnly ? `No. ${c.badge.listedNo}` : `目录编号 ${c.badge.listedNo}`, anchor: 'middle', testId: 'badge' });
  }
  texts.push({ x: qx + side / 2, y: qy + side + 26, size: 20, text: c.code, anchor: 'middle', testId: 'code' });
  texts.push({ x: qx + side / 2, y: qy + side + 52, size: 16, text: latinOnly ? 'Scan to verify' : '扫码验证 Scan to verify', anchor: 'middle' });
  if (latinOnly) texts.push({ x: 28, y: LABEL_HEIGHT - 16, size: 14, text: 'CJK font missing (install fonts-wqy-zenhei): Chinese text omitted' });
  return { texts, qr: { x: qx + 4 * module, y: qy + 4 * module, module, size: m.size, dark: m.dark } };
}

// ---------------------------------------------------------------- SVG

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The QR as one path of unit squares, `M{x} {y}h{m}v{m}h-{m}z` per dark module. */
function qrPath(qr: QrOp): string {
  const parts: string[] = [];
  for (let r = 0; r < qr.size; r++) {
    for (let c = 0; c < qr.size; c++) {
      if (qr.dark(r, c)) parts.push(`M${qr.x + c * qr.module} ${qr.y + r * qr.module}h${qr.module}v${qr.module}h-${qr.module}z`);
    }
  }
  return parts.join('');
}

export function renderLabelSvg(c: LabelToPrint): string {
  const l = layoutLabel(c);
  const family = `'WenQuanYi Zen Hei','Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif`;
  const texts = l.texts
    .map(
      (t) =>
        `<text x="${t.x}" y="${t.y}" font-size="${t.size}"${t.bold ? ' font-weight="bold"' : ''}${t.anchor === 'middle' ? ' text-anchor="middle"' : ''}${t.testId ? ` data-field="${t.testId}"` : ''}>${xml(t.text)}</text>`,
    )
    .join('\n  ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="100mm" height="62.5mm" viewBox="0 0 ${LABEL_WIDTH} ${LABEL_HEIGHT}" font-family="${family}" data-qr-url="${xml(c.qrUrl)}">
  <title>${xml(`${c.mark} ${c.title} ${c.code}`)}</title>
  <rect x="1" y="1" width="${LABEL_WIDTH - 2}" height="${LABEL_HEIGHT - 2}" fill="#fff" stroke="#000" stroke-width="2" rx="8"/>
  ${texts}
  <path data-qr="${l.qr.size}" fill="#000" d="${qrPath(l.qr)}"/>
</svg>
`;
}

// ---------------------------------------------------------------- PNG

type Edge = [number, number, number, number];

/** Grey-scale canvas (0 = black, 255 = white). */
class Raster {
  readonly px: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.px = new Uint8Array(width * height).fill(255);
  }
  rect(x: number, y: number, w: number, h: number, v = 0): void {
    for (let yy = Math.max(0, Math.round(y)); yy < Math.min(this.height, Math.round(y + h)); yy++) {
      for (let xx = Math.max(0, Math.round(x)); xx < Math.min(this.width, Math.round(x + w)); xx++) this.px[yy * this.width + xx] = v;
    }
  }
  /** Non-zero winding fill of closed polygons (edges), 4 sub-scanlines per row, exact horizontal coverage. */
  fill(edges: Edge[]): void {
    if (!edges.length) return;
    let ymin = Infinity;
    let ymax = -Infinity;
    for (const [, y0, , y1] of edges) {
      ymin = Math.min(ymin, y0, y1);
      ymax = Math.max(ymax, y0, y1);
    }
    const r0 = Math.max(0, Math.floor(ymin));
    const r1 = Math.min(this.height, Math.ceil(ymax));
    const cov = new Float32Array(this.width);
    const SUB = 4;
    // bucket the edges by the pixel rows they span, so each scanline looks only at its own edges
    const buckets: Edge[][] = Array.from({ length: Math.max(0, r1 - r0) }, () => []);
    for (const e of edges) {
      const top = Math.max(r0, Math.floor(Math.min(e[1], e[3])));
      const bottom = Math.min(r1 - 1, Math.floor(Math.max(e[1], e[3])));
      for (let row = top; row <= bottom; row++) buckets[row - r0]!.push(e);
    }
    for (let row = r0; row < r1; row++) {
      const rowEdges = buckets[row - r0]!;
      if (!rowEdges.length) continue;
      cov.fill(0);
      for (let s = 0; s < SUB; s++) {
        const sy = row + (s + 0.5) / SUB;
        const xs: Array<[number, number]> = [];
        for (const [x0, y0, x1, y1] of rowEdges) {
          if ((y0 <= sy && sy < y1) || (y1 <= sy && sy < y0)) xs.push([x0 + ((sy - y0) * (x1 - x0)) / (y1 - y0), y1 > y0 ? 1 : -1]);
        }
        xs.sort((a, b) => a[0] - b[0]);
        let wind = 0;
        let start = 0;
        for (const [x, w] of xs) {
          const before = wind;
          wind += w;
          if (before === 0 && wind !== 0) start = x;
          else if (before !== 0 && wind === 0) {
            const a = Math.max(0, start);
            const b = Math.min(this.width, x);
            for (let p = Math.floor(a); p < Math.ceil(b); p++) cov[p] += (Math.min(b, p + 1) - Math.max(a, p)) / SUB;
          }
        }
      }
      for (let x = 0; x < this.width; x++) {
        if (cov[x] > 0) {
          const i = row * this.width + x;
          this.px[i] = Math.min(this.px[i], Math.round(255 * (1 - Math.min(1, cov[x]))));
        }
      }
    }
  }
}

/** Glyph outlines of a text as polygon edges (font units → layout units, y down). */
function textEdges(font: fontkit.Font, t: TextOp, dx = 0): Edge[] {
  const scale = t.size / font.unitsPerEm;
  const run = font.layout(t.text);
  let advance = 0;
  for (const p of run.positions) advance += p.xAdvance;
  let pen = t.anchor === 'middle' ? t.x - (advance * scale) / 2 : t.x;
  pen += dx;
  const edges: Edge[] = [];
  run.glyphs.forEach((g, i) => {
    const pos = run.positions[i]!;
    const ox = pen + pos.xOffset * scale;
    const oy = t.y - pos.yOffset * scale;
    const X = (x: number) => ox + x * scale;
    const Y = (y: number) => oy - y * scale;
    let cx = 0;
    let cy = 0;
    let sx = 0;
    let sy = 0;
    const line = (x: number, y: number) => {
      if (cy !== y || cx !== x) edges.push([X(cx), Y(cy), X(x), Y(y)]);
      cx = x;
      cy = y;
    };
    for (const { command, args } of g.path.commands) {
      if (command === 'moveTo') {
        if (cx !== sx || cy !== sy) line(sx, sy);
        cx = sx = args[0]!;
        cy = sy = args[1]!;
      } else if (command === 'lineTo') line(args[0]!, args[1]!);
      else if (command === 'quadraticCurveTo') {
        const [qx, qy, x, y] = args as [number, number, number, number];
        const [x0, y0] = [cx, cy];
        for (let k = 1; k <= 6; k++) {
          const u = k / 6;
          line((1 - u) ** 2 * x0 + 2 * (1 - u) * u * qx + u * u * x, (1 - u) ** 2 * y0 + 2 * (1 - u) * u * qy + u * u * y);
        }
      } else if (command === 'bezierCurveTo') {
        const [ax, ay, bx, by, x, y] = args as [number, number, number, number, number, number];
        const [x0, y0] = [cx, cy];
        for (let k = 1; k <= 8; k++) {
          const u = k / 8;
          const v = 1 - u;
          line(v ** 3 * x0 + 3 * v * v * u * ax + 3 * v * u * u * bx + u ** 3 * x, v ** 3 * y0 + 3 * v * v * u * ay + 3 * v * u * u * by + u ** 3 * y);
        }
      } else if (command === 'closePath') line(sx, sy);
    }
    if (cx !== sx || cy !== sy) line(sx, sy);
    pen += pos.xAdvance * scale;
  });
  return edges;
}

/** Encode an 8-bit grey-scale image as PNG (colour type 0, filter 0 on every row). */
export function encodeGrayPng(width: number, height: number, px: Uint8Array): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grey-scale
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0;
    Buffer.from(px.buffer, px.byteOffset + y * width, width).copy(raw, y * (width + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface RenderedLabel {
  body: Buffer;
  /** postscript name of the CJK font used, or 'none' (degraded). */
  font: string;
}

/** PNG of one label, 800 × 500 px (100 mm wide at ≈ 200 dpi). */
export function renderLabelPng(c: LabelToPrint, font: LabelFont | null = findCjkFont()): RenderedLabel {
  const l = layoutLabel(c, !font);
  const r = new Raster(LABEL_WIDTH, LABEL_HEIGHT);
  // border
  r.rect(0, 0, LABEL_WIDTH, 3);
  r.rect(0, LABEL_HEIGHT - 3, LABEL_WIDTH, 3);
  r.rect(0, 0, 3, LABEL_HEIGHT);
  r.rect(LABEL_WIDTH - 3, 0, 3, LABEL_HEIGHT);
  for (let row = 0; row < l.qr.size; row++) {
    for (let col = 0; col < l.qr.size; col++) if (l.qr.dark(row, col)) r.rect(l.qr.x + col * l.qr.module, l.qr.y + row * l.qr.module, l.qr.module, l.qr.module);
  }
  if (font) {
    for (const t of l.texts) {
      r.fill(textEdges(font.font, t));
      if (t.bold) r.fill(textEdges(font.font, t, Math.max(1, t.size / 36)));
    }
  }
  return { body: encodeGrayPng(LABEL_WIDTH, LABEL_HEIGHT, r.px), font: font?.postscriptName ?? 'none' };
}

// ---------------------------------------------------------------- PDF

const MM = 72 / 25.4;

/** A4 sheet(s) of labels (LABEL_SHEET: 2 × 4 per page), each cell framed by a thin cut line. */
export async function renderLabelSheetPdf(labels: LabelToPrint[], font: LabelFont | null = findCjkFont()): Promise<RenderedLabel> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: '再制造产品标识 Remanufactured product labels', Creator: '再制造公共信息服务平台' } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<void>((res, rej) => {
    doc.on('end', () => res());
    doc.on('error', rej);
  });
  if (font) doc.registerFont('cjk', font.path, font.postscriptName);
  const face = font ? 'cjk' : 'Helvetica';
  let page = -1;
  labels.forEach((c, i) => {
    const cell = sheetCell(i);
    if (cell.page !== page) {
      doc.addPage({ size: 'A4', margin: 0 });
      page = cell.page;
    }
    const x = cell.xMm * MM;
    const y = cell.yMm * MM;
    const w = cell.widthMm * MM;
    const h = cell.heightMm * MM;
    doc.save().lineWidth(0.3).dash(2, { space: 2 }).strokeColor('#888').rect(x, y, w, h).stroke().undash().restore();
    const pad = 3 * MM;
    const s = Math.min((w - 2 * pad) / LABEL_WIDTH, (h - 2 * pad) / LABEL_HEIGHT);
    const ox = x + pad;
    const oy = y + pad;
    const l = layoutLabel(c, !font);
    doc.save().lineWidth(1).strokeColor('#000').roundedRect(ox, oy, LABEL_WIDTH * s, LABEL_HEIGHT * s, 8 * s).stroke().restore();
    doc.font(face).fillColor('#000');
    for (const t of l.texts) {
      const size = t.size * s;
      doc.fontSize(size);
      const tw = doc.widthOfString(t.text);
      const tx = ox + (t.anchor === 'middle' ? t.x * s - tw / 2 : t.x * s);
      const opts = { lineBreak: false, baseline: 'alphabetic' as const };
      if (t.bold) doc.save().lineWidth(size / 30).text(t.text, tx, oy + t.y * s, { ...opts, stroke: true, fill: true }).restore();
      else doc.text(t.text, tx, oy + t.y * s, opts);
    }
    for (let row = 0; row < l.qr.size; row++) {
      for (let col = 0; col < l.qr.size; col++) {
        if (l.qr.dark(row, col)) doc.rect(ox + (l.qr.x + col * l.qr.module) * s, oy + (l.qr.y + row * l.qr.module) * s, l.qr.module * s + 0.05, l.qr.module * s + 0.05);
      }
    }
    doc.fill('#000');
  });
  if (!labels.length) doc.addPage({ size: 'A4', margin: 0 });
  doc.end();
  await done;
  return { body: Buffer.concat(chunks), font: font?.postscriptName ?? 'none' };
}
