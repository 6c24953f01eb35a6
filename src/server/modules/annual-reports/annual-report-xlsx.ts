/**
 * 表2-3 (规范条件 附2) as an .xlsx workbook, and the authority's 汇总 of its jurisdiction's reports.
 *
 * Template / upload format (docs/annual-reports.md): one sheet per part of 表2-3 — 回收情况, 再制造情况,
 * 销售或租赁情况. On each sheet:
 *   row 1  title (表2-3 机电产品再制造经营情况报表 · 企业名称 · 厂区 · 年度)
 *   row 2  A: 回收总件数 (再制造总件数, 销售总件数)  B: the total
 *   row 3  header: 序号 | 名称 | 型号 | 来源 (涉及领域, 购买方) | 件数
 *   row 4… one row per item; empty rows are skipped
 * The 涉及领域 column of 再制造情况 carries a list validation (the nine fields of 一(一) and 其他, by their
 * Chinese labels). An upload is read whole: every bad cell is reported (sheet, row, column, reason in zh and
 * en) and nothing is stored unless the whole workbook is valid.
 */
import ExcelJS from 'exceljs';
import { DomainError } from '../../platform/errors.js';
import { DEFAULT_MAX_UNCOMPRESSED_BYTES, readSpreadsheet, type SheetRows } from '../../platform/spreadsheet/index.js';
import {
  REPORT_FIELDS,
  TABLE23_SECTIONS,
  reportStateLabel,
  totalsIssues,
  type ReportField,
  type Table23,
  type Table23Key,
} from '../../../domain/annual-report/index.js';
import { xmlSafe } from '../applications/index.js';

export const TABLE23_TITLE = '表2-3 机电产品再制造经营情况报表';
export const FIRST_DATA_ROW = 4;
/** Upper bound of data rows in one upload (all three sheets): larger workbooks are refused before reading. */
export const MAX_IMPORT_ROWS = 15_000;
/** Data rows validated in the template (the list validation range). */
const TEMPLATE_ROWS = 500;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export { XLSX_MIME };

export interface CellError {
  sheet: string;
  row: number;
  column: string;
  reason: string;
  reasonEn: string;
}

const COLS = ['A', 'B', 'C', 'D', 'E'] as const;
const thin = { style: 'thin' as const };

export async function renderTable23Template(input: { enterpriseName: string; siteName: string; year: number; table23?: Table23 }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '再制造公共信息服务平台';
  const fieldLabels = REPORT_FIELDS.map((f) => f.zh);
  for (const s of TABLE23_SECTIONS) {
    const ws = wb.addWorksheet(s.zh, { views: [{ state: 'frozen', ySplit: 3 }] });
    ws.columns = [{ width: 8 }, { width: 28 }, { width: 18 }, { width: 30 }, { width: 14 }];
    ws.getCell('A1').value = xmlSafe(`${TABLE23_TITLE} · ${s.zh} · ${input.enterpriseName} · ${input.siteName} · ${input.year}年度`);
    ws.getCell('A1').font = { bold: true };
    ws.getCell('A2').value = s.totalZh;
    ws.getCell('A2').font = { bold: true };
    const section = input.table23?.[s.key];
    ws.getCell('B2').value = section?.total ?? null;
    ws.getCell('B2').dataValidation = { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true, showErrorMessage: true, error: '须为非负整数 / a whole number ≥ 0' };
    const header = ws.getRow(3);
    header.values = ['序号', ...s.columns.map((c) => c.zh)];
    header.font = { bold: true };
    header.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
      c.border = { top: thin, bottom: thin, left: thin, right: thin };
    });
    (section?.rows ?? []).forEach((r, i) => {
      const rec = r as Record<string, unknown>;
      const third = s.columns[2]!.key;
      const thirdValue = third === 'field' ? (REPORT_FIELDS.find((f) => f.value === rec.field)?.zh ?? '') : String(rec[third] ?? '');
      ws.getRow(FIRST_DATA_ROW + i).values = [i + 1, xmlSafe(String(rec.name ?? '')), xmlSafe(String(rec.model ?? '')), xmlSafe(thirdValue), typeof rec.count === 'number' ? rec.count : null];
    });
    for (let row = FIRST_DATA_ROW; row < FIRST_DATA_ROW + TEMPLATE_ROWS; row++) {
      ws.getCell(`E${row}`).dataValidation = { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true, showErrorMessage: true, error: '须为非负整数 / a whole number ≥ 0' };
      if (s.key === 'reman') {
        ws.getCell(`D${row}`).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${fieldLabels.join(',')}"`],
          showErrorMessage: true,
          error: '请从列表中选择涉及领域 / pick a field from the list',
        };
      }
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The plain value of a cell (formula results, rich text, hyperlinks flattened). */
function cellValue(v: ExcelJS.CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('richText' in v) return cellValue((v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join(''));
    if ('text' in v) return cellValue(String((v as { text: unknown }).text));
    if ('error' in v) return String((v as { error: unknown }).error);
  }
  return String(v);
}

/** The same bounds as the form's API schema (annual-reports.schema.ts). */
const MAX_COUNT = 1_000_000_000;
const MAX_ROWS_PER_SHEET = 5000;
const MAX_LEN: Record<string, number> = { name: 200, model: 100, source: 200, buyer: 200 };

function asCount(v: string | number | null): number | null | 'bad' {
  if (v === null) return null;
  const n = typeof v === 'number' ? v : /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= MAX_COUNT ? n : 'bad';
}

const FIELD_BY_LABEL = new Map<string, ReportField>(REPORT_FIELDS.flatMap((f) => [[f.zh, f.value], [f.value, f.value], [f.en.toLowerCase(), f.value]] as [string, ReportField][]));

export interface ParsedTable23 {
  table23: Table23;
  errors: CellError[];
  rows: number;
}

/** A sheet as the spreadsheet reader gives it: cells by row and column number (1-based). */
export interface Table23Sheet {
  rowCount: number;
  cell(row: number, col: number): ExcelJS.CellValue;
}
export interface Table23Workbook {
  getWorksheet(name: string): Table23Sheet | undefined;
}

/**
 * Read an upload with the streaming spreadsheet reader (worker thread; rows counted while reading, the
 * uncompressed size capped). null: not a readable .xlsx.
 */
export async function loadWorkbook(buf: Buffer, maxUncompressedBytes = DEFAULT_MAX_UNCOMPRESSED_BYTES): Promise<Table23Workbook | null> {
  let sheets: SheetRows[];
  try {
    // every sheet's three heading rows on top of the data rows
    ({ sheets } = await readSpreadsheet('xlsx', buf, { maxRows: MAX_IMPORT_ROWS + 3 * (FIRST_DATA_ROW - 1), maxUncompressedBytes }, { unreadable: 'XLSX_UNREADABLE', tooLarge: 'XLSX_TOO_LARGE' }));
  } catch (e) {
    if (e instanceof DomainError && e.code === 'XLSX_UNREADABLE') return null;
    throw e;
  }
  const byName = new Map(
    sheets.map((s) => {
      const rows = new Map(s.rows);
      return [s.name, { rowCount: s.rowCount, cell: (r: number, c: number) => (rows.get(r)?.[c] ?? null) as ExcelJS.CellValue }] as const;
    }),
  );
  return { getWorksheet: (name) => byName.get(name) };
}

export function dataRowCount(wb: Table23Workbook): number {
  let n = 0;
  for (const s of TABLE23_SECTIONS) {
    const ws = wb.getWorksheet(s.zh);
    if (ws) n += Math.max(0, ws.rowCount - FIRST_DATA_ROW + 1);
  }
  return n;
}

/**
 * Read 表2-3 from a workbook. `onRow` is called after each data row (progress) and may yield to the event
 * loop. Checks, cell by cell: sheet present; total a whole number ≥ 0; in each non-empty row every column
 * filled, count a whole number ≥ 0, 涉及领域 one of the list; and each total equal to the sum of its rows.
 */
export async function parseTable23(wb: Table23Workbook, onRow?: (processed: number) => Promise<void> | void): Promise<ParsedTable23> {
  const errors: CellError[] = [];
  const table23: Table23 = {};
  let processed = 0;
  for (const s of TABLE23_SECTIONS) {
    const ws = wb.getWorksheet(s.zh);
    if (!ws) {
      errors.push({ sheet: s.zh, row: 0, column: '', reason: `缺少工作表“${s.zh}”`, reasonEn: `Sheet "${s.zh}" is missing` });
      continue;
    }
    const totalRaw = cellValue(ws.cell(2, 2));
    const total = asCount(totalRaw);
    if (total === 'bad') errors.push({ sheet: s.zh, row: 2, column: 'B', reason: `${s.totalZh}须为不超过10亿的非负整数（“${totalRaw}”）`, reasonEn: `The total must be a whole number from 0 to 10^9 ("${totalRaw}")` });
    else if (total === null) errors.push({ sheet: s.zh, row: 2, column: 'B', reason: `${s.totalZh}未填写`, reasonEn: 'The total is missing' });
    const rows: Record<string, unknown>[] = [];
    const rowNumbers: number[] = [];
    for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) {
      const vals = [2, 3, 4, 5].map((c) => cellValue(ws.cell(r, c)));
      processed++;
      if (vals.every((v) => v === null)) {
        if (onRow) await onRow(processed);
        continue;
      }
      const out: Record<string, unknown> = {};
      s.columns.forEach((c, i) => {
        const col = COLS[i + 1]!;
        const v = vals[i]!;
        if (v === null) {
          errors.push({ sheet: s.zh, row: r, column: col, reason: `${c.zh}未填写`, reasonEn: `${c.en} is missing` });
          return;
        }
        if (c.key === 'count') {
          const n = asCount(v);
          if (n === 'bad') errors.push({ sheet: s.zh, row: r, column: col, reason: `${c.zh}须为非负整数（“${v}”）`, reasonEn: `${c.en} must be a whole number ≥ 0 ("${v}")` });
          else out.count = n;
        } else if (c.key === 'field') {
          const f = FIELD_BY_LABEL.get(String(v).trim()) ?? FIELD_BY_LABEL.get(String(v).trim().toLowerCase());
          if (!f) errors.push({ sheet: s.zh, row: r, column: col, reason: `涉及领域“${v}”不在列表中（规范条件一(一)的九个领域或“其他”）`, reasonEn: `Field "${v}" is not one of the nine fields of 一(一) or 其他` });
          else out.field = f;
        } else if (String(v).length > (MAX_LEN[c.key] ?? 200)) {
          errors.push({ sheet: s.zh, row: r, column: col, reason: `${c.zh}超过 ${MAX_LEN[c.key] ?? 200} 个字符`, reasonEn: `${c.en} is longer than ${MAX_LEN[c.key] ?? 200} characters` });
        } else out[c.key] = String(v);
      });
      rows.push(out);
      rowNumbers.push(r);
      if (onRow) await onRow(processed);
    }
    if (rows.length > MAX_ROWS_PER_SHEET) {
      errors.push({ sheet: s.zh, row: 0, column: '', reason: `数据行超过 ${MAX_ROWS_PER_SHEET} 行（${rows.length} 行）`, reasonEn: `More than ${MAX_ROWS_PER_SHEET} data rows (${rows.length})` });
    }
    (table23 as Record<Table23Key, unknown>)[s.key] = { total: typeof total === 'number' ? total : null, rows };
    if (typeof total === 'number' && !errors.some((e) => e.sheet === s.zh && e.column === 'E')) {
      const issue = totalsIssues({ [s.key]: { total, rows } } as Table23)[0];
      if (issue) {
        const sum = rows.reduce((a, x) => a + (typeof x.count === 'number' ? x.count : 0), 0);
        errors.push({
          sheet: s.zh,
          row: 2,
          column: 'B',
          reason: `${s.totalZh} ${total} 与第${rowNumbers[0] ?? FIRST_DATA_ROW}–${rowNumbers.at(-1) ?? FIRST_DATA_ROW}行件数之和 ${sum} 不符`,
          reasonEn: `The total ${total} differs from the sum of rows ${rowNumbers[0] ?? FIRST_DATA_ROW}–${rowNumbers.at(-1) ?? FIRST_DATA_ROW}, ${sum}`,
        });
      }
    }
  }
  return { table23, errors, rows: processed };
}

export interface SummaryRow {
  authorityName: string;
  regionName: string;
  enterpriseName: string;
  siteName: string;
  year: number;
  state: string;
  submittedOn: string | null;
  late: boolean;
  overdue: boolean;
  recovered: number | null;
  remanufactured: number | null;
  sold: number | null;
  auditOpinion: string | null;
}

/**
 * 汇总的本地区《年度报告》(七(二)1): one row per owed report of the jurisdiction with its state, dates, the
 * three totals of 表2-3 and the authority's 审核意见; a 合计 row; a second sheet with every row of the
 * 再制造情况 tables of the reviewed reports.
 */
export async function renderSummaryXlsx(input: {
  title: string;
  rows: SummaryRow[];
  remanRows: { enterpriseName: string; siteName: string; name: string; model: string; field: string; count: number }[];
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '再制造公共信息服务平台';
  const ws = wb.addWorksheet('年度报告汇总', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.getCell('A1').value = xmlSafe(input.title);
  ws.getCell('A1').font = { bold: true, size: 13 };
  const headers = ['序号', '主管部门', '地区', '企业名称', '厂区', '报告年度', '状态', '提交日期', '逾期提交', '未按期提交', '回收总件数', '再制造总件数', '销售总件数', '审核意见'];
  const widths = [7, 22, 12, 34, 20, 9, 14, 12, 9, 10, 12, 12, 12, 40];
  ws.getRow(2).values = headers;
  ws.getRow(2).font = { bold: true };
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  input.rows.forEach((r, i) => {
    ws.getRow(3 + i).values = [
      i + 1,
      r.authorityName,
      r.regionName,
      xmlSafe(r.enterpriseName),
      xmlSafe(r.siteName),
      r.year,
      r.state === 'not_started' ? '未填报' : reportStateLabel(r.state).zh,
      r.submittedOn ?? '',
      r.late ? '是' : '否',
      r.overdue ? '是' : '否',
      r.recovered,
      r.remanufactured,
      r.sold,
      xmlSafe(r.auditOpinion ?? ''),
    ];
  });
  const sum = (k: 'recovered' | 'remanufactured' | 'sold') => input.rows.reduce((a, r) => a + (r[k] ?? 0), 0);
  const totalRow = ws.getRow(3 + input.rows.length);
  totalRow.values = ['合计', '', '', `${input.rows.length} 份`, '', '', '', '', '', '', sum('recovered'), sum('remanufactured'), sum('sold'), ''];
  totalRow.font = { bold: true };

  const detail = wb.addWorksheet('再制造情况明细');
  detail.columns = [
    { header: '企业名称', key: 'enterpriseName', width: 34 },
    { header: '厂区', key: 'siteName', width: 20 },
    { header: '产品名称', key: 'name', width: 24 },
    { header: '型号', key: 'model', width: 16 },
    { header: '涉及领域', key: 'field', width: 16 },
    { header: '再制造件数', key: 'count', width: 12 },
  ];
  detail.getRow(1).font = { bold: true };
  for (const r of input.remanRows) detail.addRow({ ...r, enterpriseName: xmlSafe(r.enterpriseName), siteName: xmlSafe(r.siteName), name: xmlSafe(r.name), model: xmlSafe(r.model) });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
