import ExcelJS from 'exceljs';
import { stepLabel } from '../../../domain/trace/vocabulary.js';
import type { presentRecallItem } from './trace.presenter.js';

/** Words, not codes, in the files people open (issue 16 item 4); bilingual like the column headers. */
const STATUS_WORDS: Record<string, string> = { issued: '正品 Genuine', revoked: '已撤销 Revoked', recalled: '已召回 Recalled' };
const stateWords = (kind: string) => (kind === 'unknown' ? '—' : `${stepLabel(kind).zh} ${stepLabel(kind).en}`);

/** .xlsx exports of the trace module: the recall list and the 生产管理台账. */

type Col = { header: string; key: string; width?: number };

function sheet(wb: ExcelJS.Workbook, name: string, cols: Col[], rows: Record<string, unknown>[]) {
  const ws = wb.addWorksheet(name);
  ws.columns = cols.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 18 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  return ws;
}

export async function recallWorkbook(query: { lot?: string; core?: string }, items: ReturnType<typeof presentRecallItem>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '再制造公共信息服务平台';
  const ws = sheet(
    wb,
    '召回范围 Recall',
    [
      { header: '产品编码 Code', key: 'code', width: 22 },
      { header: '产品名称 Name', key: 'name', width: 24 },
      { header: '型号 Model', key: 'model' },
      { header: '序列号 Serial', key: 'serial' },
      { header: '生命周期 Life', key: 'life', width: 10 },
      { header: '状态 Status', key: 'status', width: 12 },
      { header: '当前环节 State', key: 'state', width: 14 },
      { header: '生产日期 Production date', key: 'productionDate', width: 14 },
      { header: '所有人 Owner', key: 'owner', width: 24 },
      { header: '使用人/承租人 Possessor', key: 'possessor', width: 24 },
      { header: '安装位置 Installation', key: 'installation', width: 28 },
      { header: '再制造企业 Remanufacturer', key: 'enterpriseName', width: 30 },
      { header: '涉及编码 Codes matched', key: 'matched', width: 40 },
    ],
    items.map((i) => ({
      ...i,
      status: STATUS_WORDS[i.status] ?? i.status,
      state: stateWords(i.state),
      owner: i.owner ?? `${i.enterpriseName}（企业自有 enterprise-owned）`,
      matched: i.matchedCodes.join(', '),
    })),
  );
  ws.insertRow(1, [`召回查询 Recall query: ${query.lot ? `批次 lot ${query.lot}` : `旧件 core ${query.core}`}（${items.length} 件 products）`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function ledgerWorkbook(l: {
  enterpriseName: string;
  from: string;
  to: string;
  coresReceived: Record<string, unknown>[];
  productsMade: Record<string, unknown>[];
  tests: Record<string, unknown>[];
  shipments: Record<string, unknown>[];
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '再制造公共信息服务平台';
  sheet(wb, '旧件接收', [
    { header: '日期', key: 'date', width: 12 },
    { header: '旧件编码 EPC', key: 'epc', width: 40 },
    { header: '名称', key: 'name', width: 24 },
    { header: '交回方', key: 'returnedBy', width: 24 },
    { header: '回收渠道', key: 'channel', width: 16 },
    { header: '以旧换新', key: 'tradeIn', width: 10 },
  ], l.coresReceived.map((r) => ({ ...r, tradeIn: r.tradeIn === null ? '' : r.tradeIn ? '是' : '否' })));
  sheet(wb, '产品生产', [
    { header: '生产日期', key: 'date', width: 12 },
    { header: '产品编码', key: 'code', width: 22 },
    { header: '名称', key: 'name', width: 24 },
    { header: '型号', key: 'model' },
    { header: '生命周期', key: 'life', width: 10 },
    { header: '质量再制造率 %', key: 'massRate', width: 14 },
    { header: '价值再制造率 %', key: 'valueRate', width: 14 },
    { header: '状态', key: 'status', width: 10 },
  ], l.productsMade);
  sheet(wb, '检测', [
    { header: '日期', key: 'date', width: 12 },
    { header: '产品编码', key: 'code', width: 22 },
    { header: 'EPC', key: 'epc', width: 40 },
    { header: '结果', key: 'result', width: 10 },
  ], l.tests);
  sheet(wb, '出厂发货', [
    { header: '日期', key: 'date', width: 12 },
    { header: '产品编码', key: 'code', width: 22 },
    { header: 'EPC', key: 'epc', width: 40 },
    { header: '收货方', key: 'destination', width: 24 },
  ], l.shipments);
  for (const ws of wb.worksheets) ws.headerFooter.oddHeader = `${l.enterpriseName} 生产管理台账 ${l.from} — ${l.to}`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
