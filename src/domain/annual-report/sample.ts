/**
 * A complete, consistent 年度报告 (附2) for demo data and tests: totals equal their rows. `scale` multiplies
 * the counts so that years and enterprises differ.
 */
import type { AnnualReportForm, ReportField } from './form.js';

export function sampleReportForm(opts: { enterpriseName?: string; address?: string; compiledOn?: string; scale?: number; field?: ReportField; siteIds?: string[] } = {}): AnnualReportForm {
  const k = opts.scale ?? 1;
  const n = (v: number) => Math.max(0, Math.round(v * k));
  const recovery = [
    { name: '发动机旧件', model: 'WD615', source: '主机厂售后网络回收', count: n(120) },
    { name: '变速箱旧件', model: 'HW19710', source: '专业化回收拆解企业', count: n(80) },
  ];
  const reman = [
    { name: '再制造发动机', model: 'WD615-R', field: opts.field ?? 'internal_combustion_engines', count: n(100) },
    { name: '再制造变速箱', model: 'HW19710-R', field: 'basic_mechanical_parts' as ReportField, count: n(60) },
  ];
  const sales = [
    { name: '再制造发动机', model: 'WD615-R', buyer: '物流运输企业', count: n(90) },
    { name: '再制造变速箱', model: 'HW19710-R', buyer: '工程机械租赁公司（租赁）', count: n(50) },
  ];
  const sum = (rows: { count: number }[]) => rows.reduce((a, r) => a + r.count, 0);
  return {
    cover: {
      enterpriseName: opts.enterpriseName ?? '示例再制造有限公司',
      address: opts.address ?? '示例省示例市再制造产业园1号',
      contactName: '张经理',
      contactTitle: '质量部经理',
      mobile: '13800138000',
      fax: '020-88880000',
      officePhone: '020-88881234',
      email: 'report@example.cn',
      compiledOn: opts.compiledOn ?? '2027-02-15',
    },
    outline: {
      s1_compliance: '企业持续符合《机电产品再制造行业规范条件》各项要求；下一年度计划新增再制造产能20%，完善旧件追溯体系。',
      s2_operations: '本年度旧件回收、再制造生产和销售情况平稳，财务状况良好，无股权变更；行业需求稳中有升，经营方针未发生重大变化。',
      s3_capability: '新增超声波清洗线一条、三坐标测量仪一台，产能提升约15%，相关投入约800万元。',
    },
    operations: { outputValue: Math.round(2600 * k * 100) / 100 },
    table21: {
      e1: '企业依法合规经营，资信良好，无违法违规记录。',
      e2: '旧件回收、生产、销售情况见表2-3；财务状况良好，无股权变更。',
      e3: '工艺技术装备和研发水平持续满足规范条件三的要求。',
      e4: '质量、环境、职业健康安全管理体系有效运行，无安全生产事故。',
      e5: '环保设施运行正常，排放达标，履行社会责任。',
      e6: '建立完善售后服务体系，开展职工职业技能培训。',
      e7: '无。',
    },
    // one part per site (a part without siteId is matched to the report's site by position)
    sites: (opts.siteIds ?? ['']).map((siteId) => ({
      siteId,
      table23: {
        recovery: { total: sum(recovery), rows: recovery },
        reman: { total: sum(reman), rows: reman },
        sales: { total: sum(sales), rows: sales },
      },
    })),
  };
}
