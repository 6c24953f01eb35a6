/**
 * The remanufacturing extension vocabulary of the platform (issue 4 "define a small published extension
 * vocabulary") and the lifecycle → EPCIS/CBV 2.0 mapping. Pure data, no I/O. Documented in
 * docs/traceability.md.
 *
 * Namespace: `urn:reman-platform:voc:` — a URN of the platform's own (no domain is claimed), used for the
 * values CBV 2.0 lacks (cleaning, remanufacturing processes, performance testing, marking, leasing, the
 * "remanufactured" disposition, grades) and, as JSON-LD prefix `reman:`, for the extension fields the
 * platform reads (reman:inputs, reman:source, reman:measurements …). Standard CBV values are used wherever
 * one exists (CBV 2.0 §7.2 bizStep, §7.3 disposition, §7.4 source/destination types) and are written bare
 * ("receiving"), as the EPCIS 2.0 JSON binding allows; the epcis module normalises to the same form.
 */

export const REMAN_NS = 'urn:reman-platform:voc:';
export const REMAN_PREFIX = 'reman';
/** JSON-LD context entry that declares the extension prefix. */
export const REMAN_CONTEXT = { [REMAN_PREFIX]: REMAN_NS } as const;

export interface Label {
  zh: string;
  en: string;
}
export interface VocEntry {
  /** Value as written in events: a bare CBV name or the full extension URI. */
  value: string;
  /** Full URI (CBV values: https://ref.gs1.org/cbv/BizStep-… form). */
  uri: string;
  standard: boolean;
  label: Label;
}

const cbvBizStep = (name: string, zh: string, en: string): VocEntry => ({ value: name, uri: `https://ref.gs1.org/cbv/BizStep-${name}`, standard: true, label: { zh, en } });
const cbvDisp = (name: string, zh: string, en: string): VocEntry => ({ value: name, uri: `https://ref.gs1.org/cbv/Disp-${name}`, standard: true, label: { zh, en } });
const ext = (kind: 'bizstep' | 'disp' | 'process' | 'grade', name: string, zh: string, en: string): VocEntry => ({
  value: `${REMAN_NS}${kind}:${name}`,
  uri: `${REMAN_NS}${kind}:${name}`,
  standard: false,
  label: { zh, en },
});

/** Business steps: CBV 2.0 where it has one, the extension otherwise. */
export const BIZ_STEPS = {
  receiving: cbvBizStep('receiving', '旧件接收', 'Receiving (core intake)'),
  inspecting: cbvBizStep('inspecting', '检测', 'Inspecting'),
  disassembling: cbvBizStep('disassembling', '拆解', 'Disassembling'),
  assembling: cbvBizStep('assembling', '再制造装配', 'Assembling (reassembly)'),
  shipping: cbvBizStep('shipping', '出厂发货', 'Shipping'),
  retail_selling: cbvBizStep('retail_selling', '销售', 'Selling'),
  installing: cbvBizStep('installing', '安装', 'Installing'),
  removing: cbvBizStep('removing', '拆除（报废/返厂）', 'Removing (end of life)'),
  destroying: cbvBizStep('destroying', '报废处理', 'Destroying (scrapping)'),
  holding: cbvBizStep('holding', '暂扣/召回', 'Holding (recall)'),
  cleaning: ext('bizstep', 'cleaning', '清洗', 'Cleaning'),
  assessing: ext('bizstep', 'assessing', '零件评估', 'Part assessment'),
  grading: ext('bizstep', 'grading', '旧件分级', 'Core grading'),
  laser_cladding: ext('bizstep', 'laser_cladding', '激光熔覆', 'Laser cladding'),
  thermal_spraying: ext('bizstep', 'thermal_spraying', '热喷涂', 'Thermal spraying'),
  machining: ext('bizstep', 'machining', '机械加工修复', 'Machining'),
  upgrading: ext('bizstep', 'upgrading', '升级改造', 'Upgrade'),
  repairing: cbvBizStep('repairing', '在役维修（换件）', 'Repairing in service (parts replaced)'),
  remanufacturing: ext('bizstep', 'remanufacturing', '再制造加工（其他）', 'Remanufacturing process (other)'),
  performance_testing: ext('bizstep', 'performance_testing', '性能检测', 'Performance testing'),
  marking: ext('bizstep', 'marking', '再制造标识', 'Marking (再制造 label)'),
  leasing: ext('bizstep', 'leasing', '租赁', 'Leasing'),
  code_revoking: ext('bizstep', 'code_revoking', '编码作废', 'Code revocation'),
} as const satisfies Record<string, VocEntry>;

/** Dispositions: CBV 2.0 where it has one, the extension otherwise. */
export const DISPOSITIONS = {
  returned: cbvDisp('returned', '已返回（旧件）', 'Returned (core)'),
  in_progress: cbvDisp('in_progress', '处理中', 'In progress'),
  conformant: cbvDisp('conformant', '合格', 'Conformant'),
  non_conformant: cbvDisp('non_conformant', '不合格', 'Non-conformant'),
  needs_replacement: cbvDisp('needs_replacement', '需换新件', 'Needs replacement'),
  disposed: cbvDisp('disposed', '报废', 'Disposed (scrapped)'),
  in_transit: cbvDisp('in_transit', '运输中', 'In transit'),
  retail_sold: cbvDisp('retail_sold', '已售出', 'Sold'),
  active: cbvDisp('active', '在用', 'Active'),
  inactive: cbvDisp('inactive', '停用', 'Inactive'),
  recalled: cbvDisp('recalled', '已召回', 'Recalled'),
  remanufactured: ext('disp', 'remanufactured', '再制造品', 'Remanufactured'),
  reusable: ext('disp', 'reusable', '可直接再利用', 'Reusable as is'),
  to_remanufacture: ext('disp', 'to_remanufacture', '待再制造', 'To be remanufactured'),
  revoked: ext('disp', 'revoked', '编码已作废', 'Code revoked'),
} as const satisfies Record<string, VocEntry>;

export const PROCESSES = ['laser_cladding', 'thermal_spraying', 'machining', 'upgrade', 'other'] as const;
export type RemanProcess = (typeof PROCESSES)[number];
export const PROCESS_BIZ_STEP: Record<RemanProcess, VocEntry> = {
  laser_cladding: BIZ_STEPS.laser_cladding,
  thermal_spraying: BIZ_STEPS.thermal_spraying,
  machining: BIZ_STEPS.machining,
  upgrade: BIZ_STEPS.upgrading,
  other: BIZ_STEPS.remanufacturing,
};

export const GRADES = {
  A: ext('grade', 'A', 'A 级：可直接再制造', 'Grade A: remanufacturable as is'),
  B: ext('grade', 'B', 'B 级：需修复', 'Grade B: needs restoration'),
  C: ext('grade', 'C', 'C 级：部分可用', 'Grade C: partly usable'),
  D: ext('grade', 'D', 'D 级：不可再制造', 'Grade D: not remanufacturable'),
} as const satisfies Record<string, VocEntry>;
export type Grade = keyof typeof GRADES;

export const RECYCLING_CHANNELS = {
  dealer: { zh: '经销商回收', en: 'Dealer' },
  service_center: { zh: '售后服务网点', en: 'Service centre' },
  recycler: { zh: '回收企业', en: 'Recycling company' },
  end_user: { zh: '用户直接交回', en: 'End user' },
  own_fleet: { zh: '自有设备/租赁回收', en: 'Own fleet / lease return' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, Label>;
export type RecyclingChannel = keyof typeof RECYCLING_CHANNELS;

export const ASSESSMENT_DECISIONS = {
  reuse: DISPOSITIONS.reusable,
  remanufacture: DISPOSITIONS.to_remanufacture,
  replace: DISPOSITIONS.needs_replacement,
  scrap: DISPOSITIONS.disposed,
} as const;
export type AssessmentDecision = keyof typeof ASSESSMENT_DECISIONS;

/** The platform's lifecycle steps (forms, import templates) and their EPCIS mapping. */
export const STEP_KINDS = ['intake', 'inspection', 'disassembly', 'cleaning', 'assessment', 'process', 'reassembly', 'test', 'marking', 'shipping', 'sale', 'lease', 'installation', 'repair', 'removal', 'recall', 'revocation'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface StepMapping {
  kind: StepKind;
  label: Label;
  eventType: 'ObjectEvent' | 'TransformationEvent' | 'AggregationEvent' | 'TransactionEvent';
  action: 'ADD' | 'OBSERVE' | 'DELETE' | null;
  bizStep: string;
  /** Disposition written; null when it depends on the input (documented in note). */
  disposition: string | null;
  note: Label;
}

const m = (kind: StepKind, zh: string, en: string, eventType: StepMapping['eventType'], action: StepMapping['action'], bizStep: VocEntry, disposition: VocEntry | null, noteZh: string, noteEn: string): StepMapping => ({
  kind, label: { zh, en }, eventType, action, bizStep: bizStep.value, disposition: disposition?.value ?? null, note: { zh: noteZh, en: noteEn },
});

export const STEP_MAPPING: Record<StepKind, StepMapping> = {
  intake: m('intake', '旧件回收入库', 'Core intake', 'ObjectEvent', 'ADD', BIZ_STEPS.receiving, DISPOSITIONS.returned,
    'ADD（平台分配编码时）或 OBSERVE；sourceList: owning_party=交回方；reman:source={returnedBy, channel, tradeIn}',
    'ADD when the platform assigns the EPC, else OBSERVE; sourceList owning_party = who returned it; reman:source = {returnedBy, channel, tradeIn}'),
  inspection: m('inspection', '入厂检测与分级', 'Incoming inspection and grading', 'ObjectEvent', 'OBSERVE', BIZ_STEPS.inspecting, null,
    '处置 conformant（接收）/ non_conformant（拒收）；reman:grade 与 reman:measurements',
    'Disposition conformant (accepted) / non_conformant (rejected); reman:grade and reman:measurements'),
  disassembly: m('disassembly', '拆解', 'Disassembly', 'TransformationEvent', null, BIZ_STEPS.disassembling, DISPOSITIONS.in_progress,
    'inputEPCList=[旧件]，outputEPCList=零件；每个零件记"拆自"旧件（disassembly 边）',
    'inputEPCList = [core], outputEPCList = parts; each part gets a "disassembled from" edge to the core'),
  cleaning: m('cleaning', '清洗', 'Cleaning', 'ObjectEvent', 'OBSERVE', BIZ_STEPS.cleaning, DISPOSITIONS.in_progress, 'reman:method', 'reman:method'),
  assessment: m('assessment', '零件评估', 'Part assessment', 'ObjectEvent', 'OBSERVE', BIZ_STEPS.assessing, null,
    '按决定分组：reuse→reman reusable，remanufacture→reman to_remanufacture，replace→needs_replacement，scrap→disposed',
    'One event per decision: reuse → reman reusable, remanufacture → reman to_remanufacture, replace → needs_replacement, scrap → disposed'),
  process: m('process', '再制造加工', 'Remanufacturing process', 'ObjectEvent', 'OBSERVE', BIZ_STEPS.remanufacturing, DISPOSITIONS.remanufactured,
    'bizStep 按工艺：laser_cladding / thermal_spraying / machining / upgrading / remanufacturing',
    'bizStep per process: laser_cladding / thermal_spraying / machining / upgrading / remanufacturing'),
  reassembly: m('reassembly', '再制造装配', 'Reassembly', 'TransformationEvent', null, BIZ_STEPS.assembling, DISPOSITIONS.remanufactured,
    'inputs=再利用件+再制造件+新件（新件可用批次 epcClass+quantity），output=新序列号产品；reman:inputs 记录每件 origin/massKg/valueCny；ilmd 记录产品名称、型号、标准号、质保、产品编码',
    'inputs = reused + remanufactured + new parts (new parts may be a lot epcClass + quantity), output = product with a NEW serial; reman:inputs carries origin/massKg/valueCny per input; ilmd carries name, model, standard, warranty, product code'),
  test: m('test', '出厂性能检测', 'Final performance test', 'ObjectEvent', 'OBSERVE', BIZ_STEPS.performance_testing, null,
    '处置 conformant / non_conformant；reman:measurements', 'Disposition conformant / non_conformant; reman:measurements'),
  marking: m('marking', '再制造标识', 'Marking', 'ObjectEvent', 'OBSERVE', BIZ_STEPS.marking, DISPOSITIONS.remanufactured,
    '加贴"再制造"标识与二维码（六(二)）', 'Applying the 再制造 mark and QR label (六(二))'),
  shipping: m('shipping', '出厂发货', 'Shipping', 'ObjectEvent', 'OBSERVE', BIZ_STEPS.shipping, DISPOSITIONS.in_transit, 'destinationList location（收货方）', 'destinationList location (consignee)'),
  sale: m('sale', '销售', 'Sale', 'ObjectEvent', 'OBSERVE', BIZ_STEPS.retail_selling, DISPOSITIONS.retail_sold,
    'destinationList: owning_party = possessing_party = 客户', 'destinationList: owning_party = possessing_party = customer'),
  lease: m('lease', '租赁', 'Lease', 'ObjectEvent', 'OBSERVE', BIZ_STEPS.leasing, DISPOSITIONS.active,
    'destinationList 仅 possessing_party = 承租方；所有权仍归企业', 'destinationList possessing_party = lessee only; the enterprise stays owner'),
  installation: m('installation', '安装使用', 'Installation', 'ObjectEvent', 'OBSERVE', BIZ_STEPS.installing, DISPOSITIONS.active, 'reman:installation={location, equipment}', 'reman:installation = {location, equipment}'),
  repair: m('repair', '在役维修换件', 'In-service repair (parts replaced)', 'AggregationEvent', null, BIZ_STEPS.repairing, DISPOSITIONS.active,
    '售后工单换件：AggregationEvent DELETE（parentID=产品，childEPCs=拆下的零件，族谱中该零件自此离开产品）与 ADD（换上的新零件，平台分配编码，自此在产品中）；reman:parts 记录名称、零件号、序列号、数量；reman:case 为工单号',
    'Parts replaced by a service case: AggregationEvent DELETE (parentID = product, childEPCs = the parts taken out, which leave the product in the genealogy from then) and ADD (the parts fitted, EPCs assigned by the platform, in the product from then); reman:parts carries name, part no., serial, quantity; reman:case the case number'),
  removal: m('removal', '寿命末期拆除', 'Removal at end of life', 'ObjectEvent', 'OBSERVE', BIZ_STEPS.removing, DISPOSITIONS.inactive,
    '之后以同一 EPC 作为下一生命周期的旧件接收（intake）', 'Afterwards taken in (intake) with the same EPC as the core of its next life'),
  recall: m('recall', '召回', 'Recall', 'ObjectEvent', 'OBSERVE', BIZ_STEPS.holding, DISPOSITIONS.recalled, '产品状态变为 recalled', 'Product status becomes recalled'),
  revocation: m('revocation', '编码作废', 'Code revocation', 'ObjectEvent', 'OBSERVE', BIZ_STEPS.code_revoking, DISPOSITIONS.revoked, '产品状态变为 revoked', 'Product status becomes revoked'),
};

// by the value as written in events and by the full URI (a page shows words for either, issue 16 item 4)
const BY_VALUE = new Map<string, VocEntry>([...Object.values(BIZ_STEPS), ...Object.values(DISPOSITIONS), ...Object.values(GRADES)].flatMap((e) => [[e.value, e] as const, [e.uri, e] as const]));

/** Label of a bizStep or disposition value (bare CBV name or URI); unknown values get their own text. */
export function vocLabel(value: string | null | undefined): Label {
  if (!value) return { zh: '—', en: '—' };
  const e = BY_VALUE.get(value);
  if (e) return e.label;
  const tail = value.replace(/^.*[:/#]/, '');
  return { zh: tail, en: tail };
}

/**
 * Which lifecycle kind an event is (for product steps, the public page and the ledger), from its bizStep and
 * disposition — so events captured by an MES through /epcis land in the same categories as the forms'.
 */
export function stepKindOf(eventType: string, bizStep: string | null, disposition: string | null): StepKind | null {
  switch (bizStep) {
    case 'receiving':
    case 'collecting':
      return 'intake';
    case 'inspecting':
    case BIZ_STEPS.grading.value:
      return 'inspection';
    case 'disassembling':
      return 'disassembly';
    case BIZ_STEPS.cleaning.value:
      return 'cleaning';
    case BIZ_STEPS.assessing.value:
      return 'assessment';
    case BIZ_STEPS.laser_cladding.value:
    case BIZ_STEPS.thermal_spraying.value:
    case BIZ_STEPS.machining.value:
    case BIZ_STEPS.upgrading.value:
    case BIZ_STEPS.remanufacturing.value:
      return 'process';
    case 'repairing':
      // parts taken out of / fitted into a product in service (AggregationEvent); an MES's repair of a part: process
      return eventType === 'AggregationEvent' ? 'repair' : 'process';
    case 'assembling':
      return eventType === 'TransformationEvent' ? 'reassembly' : null;
    case BIZ_STEPS.performance_testing.value:
      return 'test';
    case BIZ_STEPS.marking.value:
      return 'marking';
    case 'shipping':
      return 'shipping';
    case 'retail_selling':
      return 'sale';
    case BIZ_STEPS.leasing.value:
      return 'lease';
    case 'installing':
      return 'installation';
    case 'removing':
      return 'removal';
    case BIZ_STEPS.code_revoking.value:
      return 'revocation';
    default:
      if (disposition === 'recalled') return 'recall';
      return null;
  }
}

export function stepLabel(kind: string | null): Label {
  if (kind && kind in STEP_MAPPING) return STEP_MAPPING[kind as StepKind].label;
  return { zh: '其他事件', en: 'Other event' };
}
