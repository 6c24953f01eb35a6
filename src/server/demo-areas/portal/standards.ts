import type { StandardStatus, StandardType } from '../../../domain/portal/content.js';

/**
 * Remanufacturing standards for the demo's standards library (issue 14: "a realistic set of 20–40, marking any
 * whose details are not verified").
 *
 * `verified: true` only where the code, title and dates were checked against the standard's own front page
 * (quoted by standards catalogues, December 2026): GB/T 28618, 28620 (2012-06-29 / 2012-12-01, SAC/TC337) and
 * GB/T 28672, 28676, 28678 (2012-09-03 / 2013-01-01). Every other entry is the editor's best knowledge — code and
 * title believed right, dates approximate (issue year from the code) — and says so with `verified: false`;
 * MIIT's editors confirm each against the national standards information service (std.samr.gov.cn) before a
 * real deployment publishes it.
 */
export interface SeedStandard {
  code: string;
  title: string;
  titleEn?: string;
  type: StandardType;
  status: StandardStatus;
  issuedOn: string | null;
  effectiveOn: string | null;
  replacedBy?: string;
  drafters?: string[];
  summary?: string;
  verified: boolean;
}

const auto = (n: string, title: string, en: string, extra: Partial<SeedStandard> = {}): SeedStandard => ({
  code: `GB/T ${n}-2012`,
  title,
  titleEn: en,
  type: 'national',
  status: 'current',
  issuedOn: '2012-09-03',
  effectiveOn: '2013-01-01',
  verified: false,
  ...extra,
});

export const SEED_STANDARDS: SeedStandard[] = [
  {
    code: 'GB/T 28618-2012',
    title: '机械产品再制造 通用技术要求',
    titleEn: 'Remanufacturing — General technical requirements for mechanical products',
    type: 'national',
    status: 'current',
    issuedOn: '2012-06-29',
    effectiveOn: '2012-12-01',
    drafters: ['装备再制造技术国防科技重点实验室', '中机生产力促进中心', '中国重汽集团济南复强动力有限公司', '徐工集团工程机械股份有限公司', '合肥工业大学', '中国标准化研究院'],
    summary: '规定了机械产品再制造的通用技术要求，适用于机械产品再制造，其他产品再制造也可参考使用。由全国绿色制造技术标准化技术委员会（SAC/TC337）提出并归口。',
    verified: true,
  },
  {
    code: 'GB/T 28619-2012',
    title: '再制造 术语',
    titleEn: 'Remanufacturing — Terminology',
    type: 'national',
    status: 'current',
    issuedOn: '2012-06-29',
    effectiveOn: '2012-12-01',
    summary: '统一再制造相关术语和定义。国家标准计划已立项修订（TC337/SC1 执行）。',
    verified: false,
  },
  {
    code: 'GB/T 28620-2012',
    title: '再制造率的计算方法',
    titleEn: 'Calculating methods of remanufacturing rate',
    type: 'national',
    status: 'current',
    issuedOn: '2012-06-29',
    effectiveOn: '2012-12-01',
    summary: '规定机械产品再制造率的计算方法（质量再制造率、价值再制造率）。《机电产品再制造行业规范条件》申请书表 1-2 的再制造率按本标准计算。',
    verified: true,
  },
  auto('28672', '汽车零部件再制造产品技术规范 交流发电机', 'Technical specifications for remanufactured automotive components — Alternator', {
    verified: true,
    summary: '规定再制造交流发电机的拆解、分类与清洗、检验与修复、装配、性能要求与试验方法、检验规则、标志与包装。',
  }),
  auto('28673', '汽车零部件再制造产品技术规范 起动机', 'Technical specifications for remanufactured automotive components — Starter'),
  auto('28674', '汽车零部件再制造产品技术规范 转向器', 'Technical specifications for remanufactured automotive components — Steering gear'),
  auto('28675', '汽车零部件再制造 拆解', 'Remanufacturing of automotive components — Disassembly'),
  auto('28676', '汽车零部件再制造 分类', 'Remanufacturing of automotive components — Classification', { verified: true }),
  auto('28677', '汽车零部件再制造 清洗', 'Remanufacturing of automotive components — Cleaning'),
  auto('28678', '汽车零部件再制造 出厂验收', 'Remanufacturing of automotive components — Pre-delivery inspection', {
    verified: true,
    drafters: ['潍柴动力（潍坊）再制造有限公司', '广州市花都全球自动变速箱有限公司', '中国重汽集团济南复强动力有限公司', '中国汽车技术研究中心', '玉柴再制造工业（苏州）有限公司'],
    summary: '适用于汽车零部件再制造产品出厂验收，其他机动车辆零部件再制造可参照执行。由全国汽车标准化技术委员会（SAC/TC114）归口。',
  }),
  auto('28679', '汽车零部件再制造 装配', 'Remanufacturing of automotive components — Assembly'),
  { code: 'GB/T 27611-2011', title: '再生利用品和再制造品通用要求及标识', titleEn: 'General requirements and labeling for recycled and remanufactured products', type: 'national', status: 'current', issuedOn: '2011-12-30', effectiveOn: '2012-08-01', verified: false },
  { code: 'GB/T 31207-2014', title: '机械产品再制造质量管理要求', titleEn: 'Quality management requirements for remanufacturing of mechanical products', type: 'national', status: 'current', issuedOn: '2014-09-30', effectiveOn: '2015-04-01', verified: false },
  { code: 'GB/T 31208-2014', title: '再制造毛坯质量检验方法', titleEn: 'Inspection methods for quality of remanufacturing cores', type: 'national', status: 'current', issuedOn: '2014-09-30', effectiveOn: '2015-04-01', verified: false },
  { code: 'GB/T 32222-2015', title: '再制造内燃机 通用技术条件', titleEn: 'Remanufactured internal combustion engines — General technical conditions', type: 'national', status: 'current', issuedOn: '2015-12-10', effectiveOn: '2016-07-01', verified: false },
  { code: 'GB/T 32809-2016', title: '再制造 机械产品清洗技术规范', titleEn: 'Remanufacturing — Technical specification for cleaning of mechanical products', type: 'national', status: 'current', issuedOn: '2016-08-29', effectiveOn: '2017-03-01', verified: false },
  { code: 'GB/T 32810-2016', title: '再制造 机械产品拆解技术规范', titleEn: 'Remanufacturing — Technical specification for disassembly of mechanical products', type: 'national', status: 'current', issuedOn: '2016-08-29', effectiveOn: '2017-03-01', verified: false },
  { code: 'GB/T 32811-2016', title: '机械产品再制造性评价技术规范', titleEn: 'Technical specification for remanufacturability evaluation of mechanical products', type: 'national', status: 'current', issuedOn: '2016-08-29', effectiveOn: '2017-03-01', verified: false },
  { code: 'GB/T 33221-2016', title: '再制造 企业技术规范', titleEn: 'Remanufacturing — Technical specification for enterprises', type: 'national', status: 'current', issuedOn: '2016-12-13', effectiveOn: '2017-07-01', verified: false },
  { code: 'GB/T 33947-2017', title: '再制造 机械加工技术规范', titleEn: 'Remanufacturing — Technical specification for machining', type: 'national', status: 'current', issuedOn: '2017-07-12', effectiveOn: '2018-02-01', verified: false },
  { code: 'GB/T 34631-2017', title: '再制造 机械零件剩余寿命评估指南', titleEn: 'Remanufacturing — Guide for residual life assessment of mechanical parts', type: 'national', status: 'current', issuedOn: '2017-09-29', effectiveOn: '2018-04-01', verified: false },
  { code: 'GB/T 34868-2017', title: '废旧复印机、打印机和速印机再制造通用规范', titleEn: 'General specification for remanufacturing of used copiers, printers and duplicators', type: 'national', status: 'current', issuedOn: '2017-11-01', effectiveOn: '2018-05-01', verified: false },
  { code: 'GB/T 35977-2018', title: '再制造 机械产品表面修复技术规范', titleEn: 'Remanufacturing — Technical specification for surface repair of mechanical products', type: 'national', status: 'current', issuedOn: '2018-02-06', effectiveOn: '2018-09-01', verified: false },
  { code: 'GB/T 35978-2018', title: '再制造 机械产品检验技术导则', titleEn: 'Remanufacturing — Technical guide for inspection of mechanical products', type: 'national', status: 'current', issuedOn: '2018-02-06', effectiveOn: '2018-09-01', verified: false },
  { code: 'GB/T 35980-2018', title: '机械产品再制造工程设计 导则', titleEn: 'Guide for remanufacturing engineering design of mechanical products', type: 'national', status: 'current', issuedOn: '2018-02-06', effectiveOn: '2018-09-01', verified: false },
  { code: 'GB/T 39895-2021', title: '汽车零部件再制造产品标识规范', titleEn: 'Marking of remanufactured automotive parts', type: 'national', status: 'current', issuedOn: '2021-03-09', effectiveOn: '2021-10-01', summary: '再制造汽车零部件标识：“再制造”字样、企业名称或标志、生产日期或批号、产品标准编号。', verified: false },
  { code: 'GB/T 40727-2021', title: '再制造 机械产品装配技术规范', titleEn: 'Remanufacturing — Technical specification for assembly of mechanical products', type: 'national', status: 'current', issuedOn: '2021-10-11', effectiveOn: '2022-05-01', verified: false },
  { code: 'GB/T 41350-2022', title: '再制造 节能减排评价指标及计算方法', titleEn: 'Remanufacturing — Evaluation indicators and calculation methods of energy saving and emission reduction', type: 'national', status: 'current', issuedOn: '2022-03-09', effectiveOn: '2022-10-01', verified: false },
  { code: 'QC/T 1070-2017', title: '汽车零部件再制造产品技术规范 气缸体总成', titleEn: 'Remanufactured automotive components — Cylinder block assembly', type: 'industry', status: 'current', issuedOn: '2017-04-12', effectiveOn: '2017-10-01', verified: false },
  { code: 'QC/T 1074-2017', title: '汽车零部件再制造产品技术规范 气缸盖', titleEn: 'Remanufactured automotive components — Cylinder head', type: 'industry', status: 'current', issuedOn: '2017-04-12', effectiveOn: '2017-10-01', verified: false },
  { code: 'T/CAMIE 03-2026', title: '再制造产品认定 通用评价规范（示例）', titleEn: 'Remanufactured product recognition — General evaluation rules (example)', type: 'group', status: 'upcoming', issuedOn: '2026-10-15', effectiveOn: '2027-03-01', summary: '演示用团体标准条目（虚构），展示“即将实施”状态。', verified: false },
  { code: 'GB/T 19000-2008', title: '质量管理体系 基础和术语', titleEn: 'Quality management systems — Fundamentals and vocabulary', type: 'national', status: 'replaced', issuedOn: '2008-10-29', effectiveOn: '2009-05-01', replacedBy: 'GB/T 19000-2016', summary: '再制造企业质量管理体系引用的基础标准（示例“被代替”状态）。', verified: false },
  { code: 'GB/T 19000-2016', title: '质量管理体系 基础和术语', titleEn: 'Quality management systems — Fundamentals and vocabulary', type: 'national', status: 'current', issuedOn: '2016-12-30', effectiveOn: '2017-07-01', verified: false },
];
