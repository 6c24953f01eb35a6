/**
 * The published 公告 list as files: an xlsx of one or more batches (sheet 公告名单, one row per entry) and one
 * batch as a Word document laid out like an 工业和信息化部公告 (title and number, the standard wording, the
 * bordered list 序号/地区/企业名称/厂区/再制造产品类型, issuer and date at the end).
 *
 * Entries are printed as they were published (the snapshot in announcement_entries); 地区 is the province of
 * `provinceCode`, 再制造产品类型 the zh labels of the fields joined with 、.
 */
import ExcelJS from 'exceljs';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { REMAN_FIELDS, labelOf, type RemanField } from '../../../domain/enterprise.js';
import { findProvince } from '../../../domain/regions.js';
import { A4_PAGE, CN_SIZES, FONT_TABLE_OVERRIDE, OFFICIAL_FONTS, xmlSafe } from '../applications/index.js';
import type { AnnouncementEntryRow, AnnouncementRow } from './announcements.repo.js';
import { batchOrdinal } from './announcements.service.js';

export interface AnnouncementBatchExport {
  batch: AnnouncementRow;
  entries: AnnouncementEntryRow[];
}

const ISSUER = '工业和信息化部';
const CONDITIONS = '《机电产品再制造行业规范条件》';

/** 地区: the province name of the entry (the code itself if unknown). */
export function entryRegion(e: Pick<AnnouncementEntryRow, 'provinceCode'>): string {
  return findProvince(e.provinceCode)?.name ?? e.provinceCode;
}

/** 再制造产品类型: zh labels joined with 、. */
export function entryFields(e: Pick<AnnouncementEntryRow, 'fields'>): string {
  return (e.fields ?? []).map((f) => labelOf(REMAN_FIELDS, f as RemanField)).join('、');
}

/** '2026-12-01' → '2026年12月1日'. */
function zhDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

const bySeq = (a: AnnouncementEntryRow, b: AnnouncementEntryRow) => a.seq - b.seq;

// ---------------------------------------------------------------------------------------------------------
// xlsx

const XLSX_COLUMNS: { header: string; key: string; width: number }[] = [
  { header: '批次', key: 'batchNo', width: 8 },
  { header: '公告文号', key: 'docNumber', width: 30 },
  { header: '公告日期', key: 'announcedOn', width: 12 },
  { header: '序号', key: 'seq', width: 7 },
  { header: '地区', key: 'region', width: 16 },
  { header: '企业名称', key: 'enterpriseName', width: 40 },
  { header: '统一社会信用代码', key: 'creditCode', width: 22 },
  { header: '厂区', key: 'siteName', width: 24 },
  { header: '再制造产品类型', key: 'fields', width: 40 },
];

/**
 * Sheet 公告名单: one row per entry, batches in the order given and entries by 序号. 公告日期 is a date cell
 * (yyyy-mm-dd); header row bold, frozen and filterable.
 */
export async function renderAnnouncementXlsx(batches: AnnouncementBatchExport[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '再制造公共信息服务平台';
  const ws = wb.addWorksheet('公告名单', { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  ws.columns = XLSX_COLUMNS;

  for (const { batch, entries } of batches) {
    for (const e of [...entries].sort(bySeq)) {
      ws.addRow({
        batchNo: batch.batchNo,
        docNumber: batch.docNumber,
        announcedOn: isoToUtcDate(batch.announcedOn),
        seq: e.seq,
        region: entryRegion(e),
        enterpriseName: xmlSafe(e.enterpriseName),
        creditCode: e.creditCode,
        siteName: xmlSafe(e.siteName),
        fields: entryFields(e),
      });
    }
  }

  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    c.border = { bottom: { style: 'thin' } };
  });
  ws.getColumn('announcedOn').numFmt = 'yyyy-mm-dd';
  ws.getColumn('creditCode').numFmt = '@';
  for (const key of ['batchNo', 'seq']) ws.getColumn(key).alignment = { horizontal: 'center' };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(ws.rowCount, 1), column: XLSX_COLUMNS.length } };

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A calendar date as the UTC midnight Excel stores for it (no time-zone shift). */
function isoToUtcDate(iso: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : iso;
}

// ---------------------------------------------------------------------------------------------------------
// docx

const S = CN_SIZES;
const TEXT_WIDTH = A4_PAGE.size.width - A4_PAGE.margin.left - A4_PAGE.margin.right;
const LIST_WIDTHS = [650, 1200, 3300, 1700, TEXT_WIDTH - 6850];
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

type FontKey = keyof typeof OFFICIAL_FONTS;
function run(text: string, size: number, font: FontKey = 'body', bold = false): TextRun {
  return new TextRun({ text: xmlSafe(text), size, font: OFFICIAL_FONTS[font], ...(bold ? { bold: true } : {}) });
}

interface ParaOpts {
  size?: number;
  font?: FontKey;
  bold?: boolean;
  align?: 'left' | 'center' | 'right' | 'both';
  indentChars?: number;
  before?: number;
  after?: number;
  line?: number;
  keepNext?: boolean;
}
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.JUSTIFIED } as const;

function para(text: string, o: ParaOpts = {}): Paragraph {
  const size = o.size ?? S.s3;
  return new Paragraph({
    children: [run(text, size, o.font, o.bold)],
    alignment: ALIGN[o.align ?? 'left'],
    ...(o.indentChars ? { indent: { firstLineChars: o.indentChars * 100, firstLine: o.indentChars * size * 10 } } : {}),
    spacing: { before: o.before ?? 0, after: o.after ?? 0, ...(o.line ? { line: o.line, lineRule: LineRuleType.EXACT } : {}) },
    ...(o.keepNext ? { keepNext: true } : {}),
  });
}

function listCell(text: string, o: { bold?: boolean; align?: 'left' | 'center' } = {}): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        children: [run(text, S.xiaosi, o.bold ? 'hei' : 'body')],
        alignment: o.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
        spacing: { before: 0, after: 0, line: 300, lineRule: LineRuleType.AUTO },
      }),
    ],
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
  });
}

function listTable(entries: AnnouncementEntryRow[]): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    height: { value: 480, rule: HeightRule.ATLEAST },
    children: ['序号', '地区', '企业名称', '厂区', '再制造产品类型'].map((h) => listCell(h, { bold: true })),
  });
  const rows = [...entries].sort(bySeq).map(
    (e) =>
      new TableRow({
        cantSplit: true,
        height: { value: 440, rule: HeightRule.ATLEAST },
        children: [
          listCell(String(e.seq)),
          listCell(entryRegion(e)),
          listCell(e.enterpriseName, { align: 'left' }),
          listCell(e.siteName, { align: 'left' }),
          listCell(entryFields(e), { align: 'left' }),
        ],
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: LIST_WIDTHS,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: [header, ...rows],
  });
}

/** The number line under the title: '2026年第1号' when the doc number starts with 工业和信息化部公告. */
function numberLine(docNumber: string): string {
  const rest = docNumber.replace(/^\s*工业和信息化部公告\s*/, '').trim();
  return rest || docNumber;
}

/** The standard wording of the 公告 of batch N. */
export function announcementWording(batchNo: number): string {
  return (
    `根据${CONDITIONS}，经企业申报、省级工业和信息化主管部门审核、专家评审、现场核查和网上公示等程序，` +
    `现将符合${CONDITIONS}的企业名单（第${batchOrdinal(batchNo)}批）予以公告。`
  );
}

/**
 * One batch as published: 工业和信息化部公告 / 2026年第N号, the wording, the list (title of the batch, 序号,
 * 地区, 企业名称, 厂区, 再制造产品类型) and 工业和信息化部 with the date at the end.
 */
export async function renderAnnouncementDocx(batch: AnnouncementRow, entries: AnnouncementEntryRow[]): Promise<Buffer> {
  const children = [
    para(`${ISSUER}公告`, { font: 'title', size: S.s2, align: 'center', before: 240, after: 240 }),
    para(numberLine(batch.docNumber), { align: 'center', after: 480 }),
    para(announcementWording(batch.batchNo), { indentChars: 2, align: 'both', line: 560 }),
    para(`附件：${batch.title}`, { indentChars: 2, align: 'both', line: 560, before: 120, after: 360 }),
    para(batch.title, { font: 'title', size: S.s3, align: 'center', after: 240, keepNext: true }),
    listTable(entries),
    para(ISSUER, { align: 'right', before: 720, keepNext: true }),
    para(zhDate(batch.announcedOn), { align: 'right', before: 120 }),
  ];
  const doc = new Document({
    creator: '再制造公共信息服务平台',
    title: `${batch.docNumber} ${batch.title}`,
    styles: { default: { document: { run: { font: OFFICIAL_FONTS.body, size: S.s3, language: { value: 'en-US', eastAsia: 'zh-CN' } } } } },
    sections: [
      {
        properties: { page: A4_PAGE },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: OFFICIAL_FONTS.song, size: S.s4 })] })],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc, false, [FONT_TABLE_OVERRIDE]);
}
