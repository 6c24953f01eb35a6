/**
 * Bulk provisioning by .xlsx (issue 12 "Bulk provisioning by .xlsx; a printable provisioning sheet"): the template,
 * and one upload that provisions every row or none. Composed into the device service (devices.service.ts).
 *
 * Order of a file: content check (an .xlsx is a zip: name and magic bytes; size: the route's limit and the reader's
 * uncompressed cap) → rows read in the spreadsheet worker → each row checked (domain/monitoring/provisioning-sheet.ts)
 * → each product resolved through the trace (the caller's own products only) and checked not to be a device yet →
 * any problem: 400 naming each row and column, nothing provisioned → ONE transaction: authorize → one multi-row insert
 * (ON CONFLICT DO NOTHING on the one-active-device-per-product index) → a product that became a device meanwhile (the
 * same file uploaded twice at once): 409 naming its rows, the transaction rolled back → one audit row per device →
 * commit. The passwords are in the answer only (stored as SHA-256 digests), shown once.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { BULK_MAX_ROWS, checkRow, columnHeader, matchColumn, PROVISIONING_COLUMNS, SHEET_NAME, type CellProblem, type ProvisioningRow, type SheetColumn } from '../../../domain/monitoring/provisioning-sheet.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import { DomainError, errors } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/principal.js';
import { readSpreadsheet } from '../../platform/spreadsheet/index.js';
import type { TraceService } from '../trace/trace.service.js';
import { deviceFleetPolicy, makerOf } from './devices.policy.js';
import { deviceRepo, type DeviceRow } from './devices.repo.js';

/** the upload's size limit (a 500-row file is ≈ 30 KB) and the workbook's uncompressed cap */
export const BULK_MAX_BYTES = 2 * 1024 * 1024;
const MAX_UNCOMPRESSED = 20 * 1024 * 1024;

export interface BulkDeps {
  db: Db;
  trace: Pick<TraceService, 'resolveProductKey'>;
  newCredentials: (id: string) => { credentials: { clientId: string; username: string; password: string }; hash: string };
}

const fileProblems = (problems: CellProblem[]) =>
  new DomainError(
    400,
    'BULK_INVALID',
    `文件有 ${problems.length} 处错误，未接入任何设备：${problems.slice(0, 5).map((e) => `第 ${e.row} 行「${e.column}」${e.message}`).join('；')}${problems.length > 5 ? '…' : ''}`,
    `The file has ${problems.length} error(s); no device was provisioned: ${problems.slice(0, 5).map((e) => `row ${e.row} "${e.column}" ${e.messageEn}`).join('; ')}${problems.length > 5 ? '…' : ''}`,
    problems.map((e) => ({ field: 'file', ...e })),
  );

/** A cell as text (ExcelJS gives formulas, rich text and hyperlinks as objects). */
function cellValue(v: unknown): unknown {
  if (v && typeof v === 'object') {
    if ('result' in v) return (v as { result: unknown }).result;
    if ('richText' in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
    if ('text' in v) return (v as { text: unknown }).text;
  }
  return v;
}

export function createBulkProvisioning({ db, trace, newCredentials }: BulkDeps) {
  /** The data rows of the upload with their row numbers, or the problems of its header. */
  async function readRows(fileName: string, data: Buffer): Promise<{ rows: ProvisioningRow[]; problems: CellProblem[] }> {
    if (!/\.xlsx$/i.test(fileName) || data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) throw errors.field('file', '请上传 .xlsx 文件（使用下载的模板）', 'upload an .xlsx file (use the template)');
    const { sheets } = await readSpreadsheet('xlsx', data, { maxRows: BULK_MAX_ROWS + 20, maxUncompressedBytes: MAX_UNCOMPRESSED });
    const ws = sheets.find((s) => s.name === SHEET_NAME) ?? sheets[0];
    if (!ws) throw errors.field('file', '文件中没有工作表', 'the file has no worksheet');
    const problems: CellProblem[] = [];
    const [head, ...body] = ws.rows;
    const byIndex = new Map<number, SheetColumn>();
    for (const [i, h] of (head?.[1] ?? []).entries()) {
      const t = String(cellValue(h) ?? '').trim();
      if (!t) continue;
      const c = matchColumn(t);
      if (c) byIndex.set(i, c);
      else problems.push({ row: head![0], column: t, message: '不是模板的列', messageEn: 'not a column of the template' });
    }
    for (const c of PROVISIONING_COLUMNS) if (c.required && ![...byIndex.values()].includes(c)) problems.push({ row: head?.[0] ?? 1, column: columnHeader(c), message: '缺少必填列', messageEn: 'required column missing' });
    if (problems.length) return { rows: [], problems };
    const seen = new Map<string, number>();
    const rows: ProvisioningRow[] = [];
    for (const [n, values] of body) {
      const cells: Partial<Record<SheetColumn['key'], unknown>> = {};
      for (const [i, c] of byIndex) cells[c.key] = cellValue(values[i]);
      if (Object.values(cells).every((v) => v === null || v === undefined || String(v).trim() === '')) continue;
      const { input, problems: p } = checkRow(n, cells, seen);
      problems.push(...p);
      if (input) rows.push(input);
    }
    if (!rows.length && !problems.length) problems.push({ row: 2, column: '', message: '文件中没有数据行', messageEn: 'the file has no data rows' });
    if (rows.length > BULK_MAX_ROWS) throw errors.field('file', `单个文件最多 ${BULK_MAX_ROWS} 台设备`, `at most ${BULK_MAX_ROWS} devices per file`);
    return { rows, problems };
  }

  return {
    /** The empty template: the devices sheet (header and one example row to overwrite) and an instructions sheet. */
    async bulkTemplate(): Promise<Buffer> {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet(SHEET_NAME);
      ws.columns = PROVISIONING_COLUMNS.map((c) => ({ header: columnHeader(c), key: c.key, width: Math.max(18, columnHeader(c).length * 2) }));
      ws.getRow(1).font = { bold: true };
      const help = wb.addWorksheet('说明 Instructions');
      help.columns = [{ header: '列 Column', width: 28 }, { header: '必填 Required', width: 14 }, { header: '说明 Notes', width: 80 }, { header: '示例 Example', width: 24 }];
      for (const c of PROVISIONING_COLUMNS) help.addRow([columnHeader(c), c.required ? '是 yes' : '否 no', `${c.notes.zh}；${c.notes.en}`, c.example]);
      help.addRow([]);
      help.addRow([`每个文件最多 ${BULK_MAX_ROWS} 台；有任何错误时不接入任何设备。密码只显示一次，请打印接入单。`, '', `At most ${BULK_MAX_ROWS} devices per file; with any error no device is provisioned. Passwords are shown once: print the provisioning sheet.`]);
      return Buffer.from(await wb.xlsx.writeBuffer());
    },

    /** POST /devices/bulk: every row of the file becomes a device, or none (see the file's comment). */
    async provisionFile(ctx: RequestContext, fileName: string, data: Buffer) {
      const p = ctx.principal;
      const enterpriseId = makerOf(p);
      authorize(p, deviceFleetPolicy, 'provision', { enterpriseId });
      const { rows, problems } = await readRows(fileName, data);
      const codeColumn = columnHeader(PROVISIONING_COLUMNS[0]!);
      const resolved: { row: ProvisioningRow; product: Awaited<ReturnType<BulkDeps['trace']['resolveProductKey']>> }[] = [];
      const byCode = new Map<string, number>();
      for (const row of rows) {
        try {
          const product = await trace.resolveProductKey(enterpriseId!, row.productCode, 'productCode');
          const first = byCode.get(product.code);
          if (first !== undefined) problems.push({ row: row.row, column: codeColumn, message: `与第 ${first} 行是同一产品`, messageEn: `the same product as row ${first}` });
          else if (await deviceRepo.activeByProduct(db, product.code)) problems.push({ row: row.row, column: codeColumn, message: `产品 ${product.code} 已接入为设备`, messageEn: `product ${product.code} is already a device` });
          else {
            byCode.set(product.code, row.row);
            resolved.push({ row, product });
          }
        } catch (err) {
          if (!(err instanceof DomainError) || err.status !== 400) throw err;
          problems.push({ row: row.row, column: codeColumn, message: '本企业没有该再制造产品', messageEn: 'no such remanufactured product in your enterprise' });
        }
      }
      if (problems.length) throw fileProblems(problems.sort((a, b) => a.row - b.row));

      const made = resolved.map(({ row, product }) => {
        const id = randomUUID();
        const { credentials, hash } = newCredentials(id);
        const insert = { id, enterpriseId: enterpriseId!, productCode: product.code, productModel: product.model, name: row.name ?? product.name, clientId: credentials.clientId, secretHash: hash, regionCode: row.regionCode ?? null };
        return { row: row.row, insert, credentials };
      });
      const devices = await db.transaction(async (tx) => {
        authorize(p, deviceFleetPolicy, 'provision', { enterpriseId });
        const inserted = await deviceRepo.insertMany(tx, made.map((m) => m.insert));
        if (inserted.length !== made.length) {
          const got = new Set(inserted.map((d) => d.id));
          const lost = made.filter((m) => !got.has(m.insert.id));
          throw errors.conflict(
            'BULK_CONFLICT',
            `${lost.map((m) => `第 ${m.row} 行的产品 ${m.insert.productCode}`).join('、')}已同时被接入为设备，本文件未接入任何设备`,
            `${lost.map((m) => `row ${m.row} (product ${m.insert.productCode})`).join(', ')} became a device meanwhile; no device of this file was provisioned`,
            lost.map((m) => ({ field: 'file', row: m.row, column: codeColumn, message: '已接入', messageEn: 'already a device' })),
          );
        }
        const byId = new Map(inserted.map((d) => [d.id, d]));
        for (const m of made) {
          await recordAudit(tx, ctx, { action: 'device.provisioned', objectType: 'device', objectId: m.insert.id, enterpriseId: enterpriseId!, change: { productCode: m.insert.productCode, name: m.insert.name, bulk: fileName, row: m.row } });
        }
        return made.map((m) => ({ row: m.row, device: byId.get(m.insert.id)! as DeviceRow, credentials: m.credentials }));
      });
      return devices;
    },
  };
}
