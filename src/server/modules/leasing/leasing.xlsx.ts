import ExcelJS from 'exceljs';
import type { LeaseOut } from './leasing.presenter.js';

const STATUS: Record<string, string> = { scheduled: '未到期', billed: '已计费', paid: '已收', void: '已作废' };

/** The lease's schedule of rents and the lessee statement as one workbook: 租赁合同, 租金计划, 对账单. */
export async function renderLeaseXlsx(l: LeaseOut, today: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '再制造公共信息服务平台';
  const head = wb.addWorksheet('租赁合同');
  head.columns = [{ header: '项目', key: 'k', width: 22 }, { header: '内容', key: 'v', width: 60 }];
  head.getRow(1).font = { bold: true };
  const rows: [string, string | number][] = [
    ['合同编号', l.id],
    ['租赁方式', l.kind === 'finance' ? '融资租赁' : '经营租赁'],
    ['出租方（再制造企业）', l.lessor.name],
    ...(l.financier ? ([['融资租赁公司', l.financier.name]] as [string, string][]) : []),
    ['承租方', l.lessee.name],
    ['租赁物', `${l.product.name}${l.product.model ? ` ${l.product.model}` : ''}（产品编码 ${l.product.code}）`],
    ['租期', `${l.startOn} 至 ${l.endOn}（${l.months} 个月）`],
    ['押金（元）', l.depositCny],
    ['计租方式', l.billing === 'fixed' ? `固定月租 ${l.monthlyRentCny} 元` : `按运行小时 ${l.ratePerHourCny} 元/小时，每月最低 ${l.minimumMonthlyCny} 元（起租读数 ${l.startHours} 小时）`],
    ...(l.purchasePriceCny !== null ? ([['以租代购购买价（元）', l.purchasePriceCny], ['尚欠购买价（元）', l.purchaseBalanceCny ?? 0]] as [string, number][]) : []),
    ['状态', l.statusLabel.zh],
    ['已收租金（元）', l.rentsPaidCny],
    ['对账日期', today],
  ];
  for (const [k, v] of rows) head.addRow({ k, v });

  const plan = wb.addWorksheet('租金计划');
  plan.columns = [
    { header: '期数', key: 'seq', width: 6 },
    { header: '起', key: 'periodFrom', width: 12 },
    { header: '止', key: 'periodTo', width: 12 },
    { header: '应付日', key: 'dueOn', width: 12 },
    { header: '运行小时', key: 'hours', width: 10 },
    { header: '读数来源', key: 'source', width: 10 },
    { header: '租金（元）', key: 'amountCny', width: 14 },
    { header: '购买价尾款（元）', key: 'balance', width: 16 },
    { header: '状态', key: 'status', width: 10 },
    { header: '逾期', key: 'overdue', width: 6 },
    { header: '实收（元）', key: 'paidCny', width: 14 },
    { header: '收款凭证号', key: 'ref', width: 18 },
  ];
  plan.getRow(1).font = { bold: true };
  for (const r of l.rents) {
    plan.addRow({
      seq: r.seq, periodFrom: r.periodFrom, periodTo: r.periodTo, dueOn: r.dueOn, hours: r.hours ?? '', source: r.readingSource === 'monitoring' ? '监测' : r.readingSource === 'declared' ? '申报' : '',
      amountCny: r.amountCny ?? '', balance: r.purchaseBalanceCny || '', status: STATUS[r.status] ?? r.status, overdue: r.overdue ? '是' : '', paidCny: r.paidCny ?? '', ref: r.paidReference ?? '',
    });
  }
  for (const c of ['amountCny', 'balance', 'paidCny'] as const) plan.getColumn(c).numFmt = '#,##0.00';

  const st = wb.addWorksheet('对账单');
  st.columns = [{ header: '项目', key: 'k', width: 26 }, { header: '金额（元）', key: 'v', width: 18 }];
  st.getRow(1).font = { bold: true };
  const owed = l.rents.filter((r) => r.overdue).reduce((s, r) => s + (r.amountCny ?? 0) + r.purchaseBalanceCny, 0);
  st.addRow({ k: '已收租金合计', v: l.rentsPaidCny });
  st.addRow({ k: `逾期未付（${l.overdueRents} 期）`, v: Math.round(owed * 100) / 100 });
  st.addRow({ k: '押金', v: l.depositCny });
  if (l.purchasePriceCny !== null) st.addRow({ k: '以租代购尚欠购买价', v: l.purchaseBalanceCny ?? 0 });
  st.getColumn('v').numFmt = '#,##0.00';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
