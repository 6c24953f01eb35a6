/**
 * 工单 (service cases) and warranty claims (issue 12 "Diagnosis and warranty cases", 远程诊断与售后; evidence for
 * 规范条件 六(一) "售后服务"). Pure: the state machine, who acts at each step, the warranty test, the fault taxonomy per
 * product kind and the per-enterprise statistics. The server (modules/cases) locks the row, asks `decideCase`,
 * writes the change with its audit row.
 *
 *   open ──diagnose──▶ diagnosed ──visit──▶ onsite
 *     │                   │                   │
 *     └──────────────── conclude (from diagnosed or onsite; a warranty claim must be decided first) ─▶ concluded
 *                                                                          concluded ──rate (owner)──▶ closed
 *
 * Parts replaced are recorded while diagnosed or on site; the warranty claim (a case on a product inside its
 * warranty) is accepted or rejected once, with reasons and cost, before the conclusion. A conclusion may recommend
 * 在役再制造 (`remanufacture`: the unit is offered back as a core) or an upgrade.
 */
import { SEVERITY_LABELS, type Severity } from './alarm-rules.js';

export const CASE_STATES = ['open', 'diagnosed', 'onsite', 'concluded', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];
export const CASE_ACTIONS = ['diagnose', 'visit', 'parts', 'decideClaim', 'conclude', 'rate'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];
export const CLAIM_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const OUTCOMES = ['repaired', 'parts_replaced', 'no_fault_found', 'remanufacture', 'upgrade'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * The title of a case opened from an alarm, in each language: the metric's display name from the device's thing
 * model (its key when the model does not name it) and the severity's label — "告警：冷却液温度 重要" /
 * "Alarm: Coolant temperature (Major)".
 */
export function alarmCaseTitle(alarm: { key: string; severity: string }, metrics: readonly { key: string; name?: { zh: string; en: string } | null }[] = []): { zh: string; en: string } {
  const name = metrics.find((m) => m.key === alarm.key)?.name;
  const severity = SEVERITY_LABELS[alarm.severity as Severity] ?? { zh: alarm.severity, en: alarm.severity };
  return { zh: `告警：${name?.zh || alarm.key} ${severity.zh}`, en: `Alarm: ${name?.en || alarm.key} (${severity.en})` };
}

export interface CaseFacts {
  state: CaseState;
  /** null: not a warranty claim */
  claimStatus: ClaimStatus | null;
}

export type Decision = { ok: true; next: CaseState } | { ok: false; code: string; message: string; messageEn: string };

const STATE_ZH: Record<CaseState, string> = { open: '待诊断', diagnosed: '已诊断', onsite: '现场服务', concluded: '已结论', closed: '已关闭' };
const refuse = (code: string, zh: string, en: string): Decision => ({ ok: false, code, message: zh, messageEn: en });
const wrongState = (c: CaseFacts, action: string, actionEn: string) =>
  refuse('CASE_STATE', `工单当前状态为“${STATE_ZH[c.state]}”，不能${action}`, `The case is ${c.state}; it cannot be ${actionEn} now`);

/** May `action` happen in the case's state, and to which state does it lead? (Who may act: the server's policy.) */
export function decideCase(c: CaseFacts, action: CaseAction): Decision {
  switch (action) {
    case 'diagnose':
      return c.state === 'open' ? { ok: true, next: 'diagnosed' } : wrongState(c, '再次诊断', 'diagnosed');
    case 'visit':
      return c.state === 'diagnosed' ? { ok: true, next: 'onsite' } : wrongState(c, '登记现场服务', 'visited');
    case 'parts':
      return c.state === 'diagnosed' || c.state === 'onsite' ? { ok: true, next: c.state } : wrongState(c, '登记更换零部件', 'given replaced parts');
    case 'decideClaim':
      if (c.claimStatus === null) return refuse('NOT_A_CLAIM', '该工单不在质保期内，不是质保索赔', 'This case is not a warranty claim');
      if (c.claimStatus !== 'pending') return refuse('CLAIM_DECIDED', '质保索赔已处理', 'The warranty claim was decided already');
      return c.state === 'concluded' || c.state === 'closed' ? wrongState(c, '处理质保索赔', 'decided') : { ok: true, next: c.state };
    case 'conclude':
      if (c.state !== 'diagnosed' && c.state !== 'onsite') return wrongState(c, '结论', 'concluded');
      if (c.claimStatus === 'pending') return refuse('CLAIM_UNDECIDED', '请先处理质保索赔（受理或拒绝）再给出结论', 'Decide the warranty claim (accept or reject) before concluding');
      return { ok: true, next: 'concluded' };
    case 'rate':
      return c.state === 'concluded' ? { ok: true, next: 'closed' } : wrongState(c, '评价', 'rated');
  }
}

/** The actions the state allows (the server intersects them with who the caller is). */
/** 远程诊断 from a case: while it is worked (open, diagnosed, on site), not once concluded. */
export const caseTakesCommands = (state: CaseFacts['state']): boolean => state === 'open' || state === 'diagnosed' || state === 'onsite';

export const stateAllows = (c: CaseFacts): CaseAction[] => CASE_ACTIONS.filter((a) => decideCase(c, a).ok);

// ---- warranty (the trace's sale date + the product's warranty months)

/** The last day of the warranty (YYYY-MM-DD), or null without a sale date or warranty months. */
export function warrantyUntil(soldOn: string | null, warrantyMonths: number | null): string | null {
  if (!soldOn || !warrantyMonths || warrantyMonths <= 0) return null;
  const [y, m, d] = soldOn.slice(0, 10).split('-').map(Number) as [number, number, number];
  const months = m - 1 + warrantyMonths;
  const end = new Date(Date.UTC(y + Math.floor(months / 12), months % 12, 1));
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(d, lastDay));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** Is a case opened on `today` (YYYY-MM-DD, Shanghai) a warranty claim? */
export const inWarranty = (until: string | null, today: string) => until !== null && today <= until;

// ---- fault taxonomy per product kind (the thing model's template)

export interface FaultClass {
  code: string;
  zh: string;
  en: string;
}
const ENGINE_FAULTS: FaultClass[] = [
  { code: 'ENG-BEARING', zh: '轴瓦/轴承磨损', en: 'Bearing wear' },
  { code: 'ENG-COOLING', zh: '冷却系统故障', en: 'Cooling system fault' },
  { code: 'ENG-LUBE', zh: '润滑系统故障（机油压力低）', en: 'Lubrication fault (low oil pressure)' },
  { code: 'ENG-INJECTION', zh: '燃油喷射系统故障', en: 'Fuel injection fault' },
  { code: 'ENG-TURBO', zh: '增压器故障', en: 'Turbocharger fault' },
  { code: 'ENG-SEAL', zh: '密封件泄漏', en: 'Seal leakage' },
];
const PUMP_FAULTS: FaultClass[] = [
  { code: 'PUMP-WEAR', zh: '柱塞/配流盘磨损（内泄漏）', en: 'Piston / valve plate wear (internal leakage)' },
  { code: 'PUMP-CONTAM', zh: '油液污染', en: 'Oil contamination' },
  { code: 'PUMP-SEAL', zh: '密封件泄漏', en: 'Seal leakage' },
  { code: 'PUMP-OVERHEAT', zh: '油温过高', en: 'Overheating' },
];
const COMMON_FAULTS: FaultClass[] = [
  { code: 'SENSOR', zh: '传感器/通信故障（非产品故障）', en: 'Sensor or communication fault (not a product fault)' },
  { code: 'MISUSE', zh: '使用或维护不当', en: 'Misuse or poor maintenance' },
  { code: 'OTHER', zh: '其他', en: 'Other' },
];
export type ProductKind = 'engine' | 'hydraulicPump' | 'other';
export function faultTaxonomy(kind: ProductKind): FaultClass[] {
  return [...(kind === 'engine' ? ENGINE_FAULTS : kind === 'hydraulicPump' ? PUMP_FAULTS : []), ...COMMON_FAULTS];
}
/** The kind of a product from the keys its thing model (or its data) has. */
export function productKindOf(keys: readonly string[]): ProductKind {
  if (keys.includes('vibrationRms') || keys.includes('coolantTemp')) return 'engine';
  if (keys.includes('particleCount') || keys.includes('outletPressure')) return 'hydraulicPump';
  return 'other';
}

// ---- statistics (六(一) evidence; 000 三(六) feedback to design)

export interface CaseRecord {
  deviceId: string;
  productModel: string | null;
  faultCode: string | null;
  openedAt: number;
  concludedAt: number | null;
  claimStatus: ClaimStatus | null;
  claimCostCny: number | null;
  outcome: Outcome | null;
  rating: number | null;
  parts: { name: string; quantity: number }[];
}

/** Repeat failure: an earlier case of the same device with the same fault code opened within this window. */
export const REPEAT_WINDOW_MS = 90 * 86_400_000;

export function caseStatistics(cases: readonly CaseRecord[]) {
  const sorted = [...cases].sort((a, b) => a.openedAt - b.openedAt);
  const resolved = sorted.filter((c) => c.concludedAt !== null).map((c) => (c.concludedAt! - c.openedAt) / 3_600_000).sort((a, b) => a - b);
  let repeats = 0;
  const last = new Map<string, number>();
  for (const c of sorted) {
    if (!c.faultCode) continue;
    const k = `${c.deviceId}\u0000${c.faultCode}`;
    const prev = last.get(k);
    if (prev !== undefined && c.openedAt - prev <= REPEAT_WINDOW_MS) repeats++;
    last.set(k, c.openedAt);
  }
  const count = <K extends string>(xs: (K | null)[]) => {
    const m: Record<string, number> = {};
    for (const x of xs) if (x) m[x] = (m[x] ?? 0) + 1;
    return m;
  };
  const byPart: Record<string, number> = {};
  for (const c of sorted) for (const p of c.parts) byPart[`${c.productModel ?? '—'}\u0000${p.name}`] = (byPart[`${c.productModel ?? '—'}\u0000${p.name}`] ?? 0) + p.quantity;
  const ratings = sorted.map((c) => c.rating).filter((r): r is number => r !== null);
  const claims = sorted.filter((c) => c.claimStatus !== null);
  const median = resolved.length ? (resolved.length % 2 ? resolved[(resolved.length - 1) / 2]! : (resolved[resolved.length / 2 - 1]! + resolved[resolved.length / 2]!) / 2) : null;
  return {
    cases: sorted.length,
    resolved: resolved.length,
    claims: claims.length,
    claimsAccepted: claims.filter((c) => c.claimStatus === 'accepted').length,
    claimsRejected: claims.filter((c) => c.claimStatus === 'rejected').length,
    claimsPending: claims.filter((c) => c.claimStatus === 'pending').length,
    claimCostCny: Math.round(claims.reduce((s, c) => s + (c.claimStatus === 'accepted' ? (c.claimCostCny ?? 0) : 0), 0) * 100) / 100,
    meanHoursToResolve: resolved.length ? Math.round((resolved.reduce((s, x) => s + x, 0) / resolved.length) * 10) / 10 : null,
    medianHoursToResolve: median === null ? null : Math.round(median * 10) / 10,
    repeatFailures: repeats,
    meanRating: ratings.length ? Math.round((ratings.reduce((s, x) => s + x, 0) / ratings.length) * 10) / 10 : null,
    remanufactureRecommended: sorted.filter((c) => c.outcome === 'remanufacture').length,
    byFault: count(sorted.map((c) => c.faultCode)),
    partsReplaced: Object.entries(byPart).map(([k, quantity]) => ({ model: k.split('\u0000')[0]!, part: k.split('\u0000')[1]!, quantity })).sort((a, b) => b.quantity - a.quantity),
  };
}
