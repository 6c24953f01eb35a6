import ExcelJS from 'exceljs';
import { REPORT_FIELDS, valueFieldLabel } from '../../../domain/annual-report/index.js';
import type { StatisticsService } from './statistics.service.js';

type Stats = Awaited<ReturnType<StatisticsService['compute']>>;
const label = (f: string) => REPORT_FIELDS.find((x) => x.value === f)?.zh ?? f;

/** The statistics as a workbook: 按地区, 按领域, 产值按地区, 产值按领域, 按年度, 公告企业. */
export async function renderStatisticsXlsx(s: Stats, title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '再制造公共信息服务平台';
  const sheet = (name: string, columns: { header: string; key: string; width: number }[], rows: Record<string, unknown>[]) => {
    const ws = wb.addWorksheet(name);
    ws.columns = columns;
    ws.getRow(1).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    return ws;
  };
  const sums = [
    { header: '年度报告份数', key: 'reports', width: 14 },
    { header: '回收旧件（件）', key: 'recovered', width: 16 },
    { header: '再制造产品（件）', key: 'remanufactured', width: 18 },
    { header: '销售或租赁（件）', key: 'sold', width: 18 },
    { header: '再制造产值（万元）', key: 'outputValue', width: 18 },
  ];
  const byRegion = sheet('按地区', [{ header: '地区', key: 'regionName', width: 16 }, ...sums.slice(0, 1), { header: '厂区部分', key: 'sites', width: 12 }, ...sums.slice(1)], s.byRegion);
  byRegion.insertRow(1, [`${title}（${s.year ?? '—'}年度）`]);
  sheet('按领域', [{ header: '涉及领域', key: 'field', width: 20 }, { header: '再制造产品（件）', key: 'remanufactured', width: 18 }], s.byField.map((f) => ({ ...f, field: label(f.field) })));
  // 再制造产值 by region and field (issue 14): a site's stated share in its region, the rest in the registered one; 跨领域 not split
  const valueCols = [{ header: '再制造产值（万元）', key: 'outputValue', width: 18 }, { header: '填报企业数', key: 'reports', width: 12 }];
  const vr = sheet('产值按地区', [{ header: '地区', key: 'regionName', width: 16 }, ...valueCols], s.valueByRegion);
  vr.insertRow(1, [`${title}（${s.year ?? '—'}年度）再制造产值按地区`]);
  sheet('产值按领域', [{ header: '涉及领域', key: 'field', width: 24 }, ...valueCols], s.valueByField.map((f) => ({ ...f, field: valueFieldLabel(f.field).zh })));
  sheet('按年度', [{ header: '年度', key: 'year', width: 10 }, ...sums], s.trend);
  const ann = sheet('公告企业', [{ header: '地区', key: 'regionName', width: 16 }, { header: '公告企业数', key: 'enterprises', width: 12 }, { header: '公告厂区数', key: 'sites', width: 12 }], s.announced.byRegion);
  ann.addRow({ regionName: '合计', enterprises: s.announced.enterprises, sites: s.announced.sites }).font = { bold: true };
  const fields = wb.addWorksheet('公告企业按领域');
  fields.columns = [{ header: '领域', key: 'field', width: 20 }, { header: '公告企业数', key: 'enterprises', width: 12 }];
  fields.getRow(1).font = { bold: true };
  for (const f of s.announced.byField) fields.addRow({ field: label(f.field), enterprises: f.enterprises });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
