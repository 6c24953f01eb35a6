import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { DirectoryWorkbookReader } from './directory-reader.js';

/**
 * Runs inside the spreadsheet worker (worker.mjs): the parsing never blocks the server's event loop. Results
 * and refusals are plain values (errors do not keep their class across threads).
 */
export interface SheetRows {
  name: string;
  /** workbook order (sheetId) */
  id: number;
  /** [row number (1-based), cell values indexed from 1 as ExcelJS gives them] */
  rows: [number, unknown[]][];
  /** highest row number present */
  rowCount: number;
}
export type ReadTask = { kind: 'xlsx' | 'csv'; data: Uint8Array; maxRows: number };
export type ReadResult =
  | { ok: true; sheets: SheetRows[]; encoding?: string }
  | { ok: false; reason: 'rows' | 'unreadable' };

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Encoding of a CSV upload: BOM first, then valid UTF-8, then jschardet (GBK/GB2312 read as GB18030, their superset). */
export function detectEncoding(buf: Buffer): { encoding: string; bom: number } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    // not UTF-8: guess below
  }
  const guess = jschardet.detect(buf.subarray(0, 64 * 1024)).encoding?.toLowerCase() ?? '';
  if (/^(gb|gbk|gb2312|gb18030|hz-gb-2312|x-gbk)/.test(guess) || !guess || !iconv.encodingExists(guess)) return { encoding: 'gb18030', bom: 0 };
  return { encoding: guess, bom: 0 };
}

function readCsv(buf: Buffer, maxRows: number): ReadResult {
  const { encoding, bom } = detectEncoding(buf);
  const text = iconv.decode(buf.subarray(bom), encoding);
  let records: string[][];
  try {
    // `to`: stop after one record more than allowed (the cap is checked while reading, not after)
    records = parseCsv(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to: maxRows + 1 }) as string[][];
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const rows = records.filter((r) => r.some((c) => c.trim() !== ''));
  if (rows.length > maxRows) return { ok: false, reason: 'rows' };
  return { ok: true, encoding, sheets: [{ name: 'csv', id: 1, rowCount: rows.length, rows: rows.map((r, i) => [i + 1, [undefined, ...r]]) }] };
}

async function readXlsx(buf: Buffer, maxRows: number): Promise<ReadResult> {
  const reader = new DirectoryWorkbookReader(buf, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const sheets: SheetRows[] = [];
  let filled = 0;
  let seen = 0;
  try {
    for await (const ws of reader as AsyncIterable<ExcelJS.Worksheet & { id: number | string }>) {
      const sheet: SheetRows = { name: ws.name, id: Number(ws.id), rows: [], rowCount: 0 };
      sheets.push(sheet);
      for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
        seen++;
        const values = (row.values as unknown[]).slice();
        if (values.some((v) => !blank(v))) filled++;
        // non-empty rows over the cap, or a flood of empty ones: stop reading here
        if (filled > maxRows || seen > 4 * maxRows + 100) return { ok: false, reason: 'rows' };
        sheet.rows.push([row.number, values]);
        sheet.rowCount = Math.max(sheet.rowCount, row.number);
      }
    }
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (!sheets.length) return { ok: false, reason: 'unreadable' };
  return { ok: true, sheets: sheets.sort((a, b) => a.id - b.id) };
}

export async function readSpreadsheetTask(task: ReadTask): Promise<ReadResult> {
  const buf = Buffer.from(task.data.buffer, task.data.byteOffset, task.data.byteLength);
  return task.kind === 'csv' ? readCsv(buf, task.maxRows) : readXlsx(buf, task.maxRows);
}
