import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeSpreadsheetWorkers, readSpreadsheet } from '../../src/server/platform/spreadsheet/index.js';

afterAll(() => closeSpreadsheetWorkers());

describe('spreadsheet reader: UTF-8 across stream chunks', () => {
  it('every Chinese cell of a 3,000-row .xlsx arrives intact (ExcelJS alone corrupts the characters a chunk boundary splits)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('回收 intake');
    ws.addRow(['旧件名称 (name)', '交回方 (source.returnedBy)']);
    const names = Array.from({ length: 3000 }, (_, i) => `探针旧件${i}号·缸体总成`);
    for (const [i, n] of names.entries()) ws.addRow([n, i % 2 ? '回收站' : '某运输公司']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const { sheets } = await readSpreadsheet('xlsx', buf, { maxRows: 10_000, maxUncompressedBytes: 50 * 1024 * 1024 });
    const read = sheets[0]!.rows.slice(1).map(([, values]) => (values as unknown[])[1]);
    expect(read.length).toBe(3000);
    const broken = read.filter((v, i) => v !== names[i]);
    expect(broken).toEqual([]);
  });
});
