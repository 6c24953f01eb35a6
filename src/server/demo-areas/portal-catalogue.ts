/**
 * Demo data of the 再制造产品目录 (docs/public-portal.md "Catalogue"): 广州精工 (gd) applies for three models of its
 * traced products (the rates come from their trace records); two form batch 1 (a batch published before the platform,
 * imported as such), the third is forwarded by 广东省 and on 公示 now — the application under review. Each model's
 * third-party test report is attached to its traced products (every unit's /p/{code} shows it) and cited by the application.
 */
import type { RemanField } from '../../domain/enterprise.js';
import { principalOf } from '../modules/identity/identity.service.js';
import type { RequestContext } from '../platform/principal.js';
import type { DemoWorld } from './world.js';

const MODELS: Array<{ model: string; productName: string; field: RemanField; standardCode: string; specifications: string; org: string }> = [
  { model: 'WD615-R', productName: '再制造柴油发动机总成', field: 'internal_combustion_engines', standardCode: 'GB/T 32222-2015', specifications: '额定功率 247 kW；排放 国五；台架试验 500 h；质保 12 个月（演示）', org: 'CNAS L0001-DEMO' },
  { model: 'WP10-R', productName: '再制造柴油发动机总成', field: 'internal_combustion_engines', standardCode: 'GB/T 32222-2015', specifications: '额定功率 228 kW；排放 国五；台架试验 500 h（演示）', org: 'CNAS L0003-DEMO' },
  { model: 'FAST-12JS-R', productName: '再制造变速器总成', field: 'basic_mechanical_parts', standardCode: 'GB/T 28618-2012', specifications: '12 挡；最大输入扭矩 2100 N·m；换挡试验 10 万次（演示）', org: 'CNAS L0003-DEMO' },
];

/** A one-page PDF standing in for each report file (the files service checks the content; one file per model). */
const REPORT_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n% catalogue demo test report\ntrailer <<>>\n%%EOF\n');

export async function seedCatalogueDemo(world: DemoWorld) {
  const s = world.services;
  const admin = world.admins.gd;
  const reviewer = world.reviewers.gd;
  if (!admin || !reviewer) return;
  const ctx = (u: typeof admin): RequestContext => ({ principal: principalOf(u, null), ip: '127.0.0.1', requestId: 'demo-seed' });
  const ent = ctx(admin);
  const miit = ctx(world.miit);
  const orgs = (await s.portal.content.testingOrgs.publicList({}, { page: 1, pageSize: 50 })).rows;
  const ids: string[] = [];
  for (const [i, m] of MODELS.entries()) {
    const { rows } = await s.trace.listProducts(ent.principal, { q: m.model, status: 'issued' }, 1, 5);
    const unit = rows.find((r) => r.model === m.model && r.mass_rate !== null);
    const org = orgs.find((o) => o.accreditationNo === m.org) ?? orgs[0];
    if (!unit || !org) continue; // the trace or portal demo changed: nothing to apply with
    // the third-party report is attached to the model's traced products first (shown on every unit's /p/{code}),
    // then the catalogue application cites it and takes its file over (issue 14 item 2)
    const reportNo = `JC-2026-${String(101 + i)}`;
    const onModel = await s.catalogue.productReports.create(ent, {
      productCode: unit.code, wholeModel: true, testingOrgId: org.id, reportNo, issuedOn: '2026-05-18', conclusion: `按 ${m.standardCode} 检验，所检项目符合要求（演示）`,
    });
    await s.catalogue.productReports.attachFile(ent, onModel.id, { filename: `检测报告 ${reportNo}（演示）.pdf`, data: Buffer.concat([REPORT_PDF, Buffer.from(`% ${m.model}\n`)]) });
    const a = await s.catalogue.create(ent, {
      productName: m.productName, model: m.model, field: m.field, specifications: m.specifications, standardCode: m.standardCode,
      testReports: [{ testingOrgId: org.id, reportNo, issuedOn: '2026-05-18', productReportId: onModel.id }], sampleProductCode: unit.code,
    });
    await s.catalogue.step(ent, a.id, 'submit');
    await s.catalogue.step(ctx(reviewer), a.id, 'forward', { text: '经核实，申请材料齐全，检测报告出自名录内第三方机构，再制造率取自企业追溯记录，同意报送。' });
    ids.push(a.id);
  }
  if (ids.length >= 3) {
    await s.catalogue.importHistoricBatch(miit, { title: '再制造产品目录（第1批，演示）', publishedOn: '2026-06-30', applicationIds: ids.slice(0, 2) });
    await s.catalogue.step(miit, ids[2]!, 'start_notice', {});
  }
}
