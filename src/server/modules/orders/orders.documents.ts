/**
 * The documents of an order (issue 13: "A contract (.docx) and a delivery note are generated"), and the trade-in's
 * settlement statement for both sides: A4, Chinese, amounts in CNY with two decimals and in capitals (人民币大写).
 * The unit codes are printed so each unit stays traceable (/p/{code}).
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { cnyInWords, GRADE_LABELS } from '../../../domain/trading/trade-in.js';
import { shanghaiDate } from '../../../domain/calendar-date.js';
import type { presentOrders } from './orders.presenter.js';

type OrderView = Awaited<ReturnType<typeof presentOrders>>[number];

const FONT = { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const p = (text: string, opts: { bold?: boolean; size?: number; center?: boolean } = {}) =>
  new Paragraph({ alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: { after: 120 }, children: [new TextRun({ text, bold: opts.bold, size: opts.size ?? 24, font: FONT })] });
const title = (text: string) => p(text, { bold: true, size: 36, center: true });
const money = (v: number) => `${v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元（人民币${cnyInWords(Math.abs(v))}${v < 0 ? '，负数' : ''}）`;
const cell = (text: string, bold = false) => new TableCell({ width: { size: 25, type: WidthType.PERCENTAGE }, children: [p(text, { bold, size: 21 })] });
const table = (rows: string[][]) =>
  new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: rows.map((r, i) => new TableRow({ children: r.map((c) => cell(c, i === 0)) })) });
const day = (iso: string | null) => (iso ? shanghaiDate(new Date(iso)) : '____年__月__日');

async function render(docTitle: string, body: (Paragraph | Table)[]) {
  const doc = new Document({
    creator: '再制造公共信息服务平台',
    title: docTitle,
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 } } }, children: body }],
  });
  return Packer.toBuffer(doc);
}

const partiesBlock = (o: OrderView) => [p(`卖方（甲方）：${o.seller.name}`), p(`买方（乙方）：${o.buyer.name}`), p(`订单编号：${o.id}`)];

/** 再制造产品买卖合同 */
export function contractDocx(o: OrderView) {
  const terms = o.paymentTerms === 'prepayment' ? '预付款：乙方付清货款、卖方确认收款后交付' : '账期：交付不以付款为前提，乙方于验收后按约定账期付款';
  return render(`再制造产品买卖合同 ${o.id}`, [
    title('再制造产品买卖合同'),
    ...partiesBlock(o),
    p('第一条 标的', { bold: true }),
    table([
      ['产品名称', '型号', '数量', '单价（元）'],
      [o.listing.productName || o.listing.title, o.listing.model ?? '—', String(o.quantity), o.unitPriceCny.toFixed(2)],
    ]),
    p(`产品编码：${o.units.length ? o.units.join('、') : '（确认订单后预留）'}。每件产品的再制造追溯记录可在平台 /p/{产品编码} 核验。`),
    p('第二条 价款', { bold: true }),
    p(`货款合计：${money(o.totalCny)}`),
    ...(o.tradeIn
      ? [
          p(`以旧换再抵扣：${money(o.tradeIn.creditCny)}（旧件型号 ${o.tradeIn.model}，评估等级 ${GRADE_LABELS[o.tradeIn.grade].zh}）`),
          p(`旧件押金：${money(o.tradeIn.depositCny)}，乙方须于新产品交付后 ${o.tradeIn.returnDays} 日内交回旧件；旧件验收后按验收等级确定最终价值，押金退还并结算差额。`),
        ]
      : []),
    p(`乙方应付金额：${money(o.payableCny)}`),
    p('第三条 付款方式', { bold: true }),
    p(`${terms}。付款以银行转账方式进行，乙方在平台上传转账回单，甲方确认收款。`),
    p('第四条 交付与验收', { bold: true }),
    p('甲方交付时平台记录销售（所有权转移至乙方），质保期自交付之日起算；乙方收货后验收，如有异议应在平台提出争议。'),
    p('第五条 质量保证', { bold: true }),
    p('甲方保证所售产品为经平台追溯核验的再制造产品，质量特性和安全环保性能不低于原型新品（规范条件 五）。'),
    p(`甲方（盖章）：${o.seller.name}`),
    p(`乙方（盖章）：${o.buyer.name}`),
    p(`签订日期：${day(o.createdAt)}`),
  ]);
}

/** 送货单 */
export function deliveryNoteDocx(o: OrderView) {
  return render(`送货单 ${o.id}`, [
    title('送货单'),
    ...partiesBlock(o),
    p(`交付日期：${day(o.deliveredAt)}`),
    table([['序号', '产品编码', '产品名称', '型号'], ...o.units.map((c, i) => [String(i + 1), c, o.listing.productName || o.listing.title, o.listing.model ?? '—'])]),
    p(`数量合计：${o.units.length} 件；发票号码：${o.invoiceNumber ?? '（未登记）'}`),
    p('收货人签字：________________　　日期：____年__月__日'),
  ]);
}

/** 以旧换再结算单 */
export function settlementDocx(o: OrderView) {
  const t = o.tradeIn!;
  const refund = t.refundCny ?? 0;
  return render(`以旧换再结算单 ${o.id}`, [
    title('以旧换再结算单'),
    ...partiesBlock(o),
    table([
      ['项目', '内容', '项目', '内容'],
      ['旧件型号', t.model, '旧件编码', t.coreEpc ?? '—'],
      ['申报等级', t.declaredGrade, '验收等级', t.finalGrade ?? '—'],
      ['抵扣金额（元）', t.creditCny.toFixed(2), '验收价值（元）', t.finalValueCny === null ? '—' : t.finalValueCny.toFixed(2)],
      ['旧件押金（元）', t.depositCny.toFixed(2), '状态', t.statusLabel.zh],
    ]),
    p(refund >= 0 ? `甲方应退还乙方：${money(refund)}` : `乙方应补付甲方：${money(-refund)}`),
    p('结算规则：押金全额退还；验收价值与抵扣金额的差额从押金中多退少补。'),
    p(`甲方（盖章）：${o.seller.name}　　乙方（盖章）：${o.buyer.name}`),
  ]);
}
