/**
 * A complete, condition-satisfying application (as of 2026-11-23) for reuse across tests: `missingItems()`
 * lists nothing for it and every condition rule passes except the document rules, which are 'review' by nature.
 * Each call returns a fresh deep copy, so tests may mutate it.
 */
import { ATTACHMENT_SLOTS, type ApplicationForm, type AttachmentSlot } from '../../src/domain/announcement/form.js';

export const FIXTURE_AS_OF = '2026-11-23';

export function completeApplicationForm(): ApplicationForm {
  return {
    fields: ['internal_combustion_engines', 'construction_machinery'],
    declaration: { accepted: true, legalRepresentative: '张伟', date: '2026-11-20' },
    outline: {
      s1_basic: '某某动力再制造有限公司成立于2015年，民营企业，员工120人，其中技术人员40人。',
      s1_operations: '近三年主营发动机再制造，年产再制造发动机约3000台。',
      s1_site: '厂区位于某某经济开发区，符合产业政策和园区规划，土地为自有。',
      s1_finance: '资产负债率45%，2023–2025年度财务报表均经会计师事务所审计，近三年无较大事故。',
      s2_overview: '主要产品为再制造柴油发动机，工艺流程：旧件回收→拆解→清洗→检测→修复→装配→试验。',
      s2_equipment: '拆解线2条、超声波清洗机3台、磁粉探伤机2台、三坐标测量机1台、激光熔覆设备2台、发动机台架4台。',
      s2_quality: '建立ISO 9001质量体系，设置旧件入厂、修复、装配、出厂试验等关键控制点。',
      s2_innovation: '研发团队18人，2025年研发投入360万元，拥有再制造相关专利2项。',
      s3_system: '已通过质量、职业健康安全和环境管理体系认证。',
      s3_cores: '旧件来源于主机厂回收和报废机动车回收拆解企业，建立旧件台账。',
      s3_ledger: '建立再制造产品生产管理台账，按产品编码可追溯。',
      s3_marking: '产品铭牌及机体显著位置标注“再制造”字样。',
      s3_safety: '建立安全生产责任制和安全操作规程，配备劳动保护设施。',
      s4_pollution: '清洗废水经处理后达标排放，喷涂废气经处理后达标排放，厂界噪声达标。',
      s4_envmgmt: '制定环境管理制度和突发环境事件应急预案，配备应急设施。',
      s4_labour: '全员签订劳动合同，依法缴纳社会保险。',
      s5_aftersales: '提供与新品相同的质保期，建立全国售后服务网络。',
      s5_training: '每年开展管理、技术、技能、安全生产等培训并考核。',
      s5_certified: '电工、焊工、叉车司机、起重机司机等岗位均持证上岗。',
      s6_other: null,
    },
    table11: {
      website: null,
      postalCode: '215000',
      legalRepresentativeMobile: '13800000001',
      contactName: '李娜',
      contactMobile: '13800000002',
      fax: null,
      email: 'contact@example.com',
      employees: 120,
      technicalStaff: 40,
      enterpriseType: 'private',
      listingStatus: 'none',
      registeredDate: '2015-06-18',
      registeredCapital: 5000,
      totalAssets: 32000,
      debtRatio: 45,
      fixedAssets: 15000,
      productionEquipmentCount: 86,
      selfDescription: '公司专业从事发动机再制造，具备完整的拆解、清洗、检测、修复、装配和试验能力。',
      filler: '李娜',
      fillerPhone: '0512-66000000',
    },
    table12: {
      investmentApprovalNo: '苏发改备〔2015〕123号',
      landApprovalNo: '苏地规〔2015〕45号',
      environmentApprovalNo: '苏环审〔2015〕67号',
      businessLicenseNo: '91310110666007217T',
      landTenure: 'owned',
      leaseYears: null,
      siteArea: 60000,
      buildingArea: 35000,
      years: [
        { year: 2023, revenue: 8000, remanOutput: 6500, remanSales: 6200, remanUnits: 2800 },
        { year: 2024, revenue: 8600, remanOutput: 7000, remanSales: 6800, remanUnits: 2950 },
        { year: 2025, revenue: 9000, remanOutput: 7400, remanSales: 7200, remanUnits: 3100 },
      ],
      // domain-notes worked example: engine 500 kg / ¥50,000 → R_m 84.00 %, R_v 76.00 %
      bom: [
        { part: '缸体、曲轴等（直接再利用）', disposition: 'reused', massKg: 300, newValue: 20_000, quantity: 1 },
        { part: '缸盖、连杆等（再制造）', disposition: 'remanufactured', massKg: 120, newValue: 18_000, quantity: 1 },
        { part: '活塞环、轴瓦等（新件）', disposition: 'new', massKg: 80, newValue: 12_000, quantity: 1 },
        { part: '密封垫、滤清器（易耗件）', disposition: 'consumable', massKg: 5, newValue: 800, quantity: 1 },
      ],
      auditedYears: [2023, 2024, 2025],
      yearsInOperation: 11,
      equipment: {
        disassembly: [{ model: 'CJX-200 拆解线', count: 2, purpose: '发动机拆解' }],
        cleaning: [{ model: 'QX-3000 超声波清洗机', count: 3, purpose: '零件清洗' }],
        ndt: [{ model: 'CJW-2000 磁粉探伤机', count: 2, purpose: '裂纹检测' }],
        inspection: [{ model: 'Global 07.10.07 三坐标测量机', count: 1, purpose: '尺寸测量' }],
        machining: [{ model: 'LMD-4000 激光熔覆设备', count: 2, purpose: '表面修复' }],
        assembly: [{ model: 'ZP-100 装配线', count: 1, purpose: null }],
        performanceTest: [{ model: 'AVL 发动机试验台架', count: 4, purpose: '出厂试验' }],
        packaging: [],
        other: [],
      },
      collegeEducated: 48,
      rdStaff: 18,
      rdSpending: 360,
      lastYearRevenue: 9000,
      rdInstitutions: { lab: true, engineeringCenter: false, innovationCenter: false, other: false, otherText: null },
      patents: [
        { number: 'ZL202010000001.1', title: '一种发动机缸体激光熔覆修复方法', remanRelated: true },
        { number: 'ZL202120000002.2', title: '一种曲轴无损检测装置', remanRelated: true },
      ],
      noInfringementDeclared: true,
      standards: [],
      qualityCert: { number: '00123Q45678R1M', issuer: '某认证有限公司', validUntil: '2027-06-30' },
      ohsCert: { number: '00123S45679R1M', issuer: '某认证有限公司', validUntil: '2027-06-30' },
      environmentCert: { number: '00123E45680R1M', issuer: '某认证有限公司', validUntil: '2027-06-30' },
      wastewaterCompliant: 'yes',
      airCompliant: 'yes',
      noiseCompliant: 'yes',
      certifiedPosts: '电工、焊工、叉车司机、起重机司机',
      certifiedPostHolders: 25,
      certifiedPostStaff: 25,
    },
    declarations: {
      policyCompliant: true,
      notInProtectedArea: true,
      noMajorAccidents3y: true,
      remanProductsMarked: true,
      noSecondaryPollution: true,
    },
  };
}

/** One file in every attachment slot (the optional r30_standards included). */
export function completeAttachments(): Partial<Record<AttachmentSlot, number>> {
  return Object.fromEntries(ATTACHMENT_SLOTS.map((s) => [s.key, 1])) as Partial<Record<AttachmentSlot, number>>;
}
