/**
 * 以旧换再 trade-in (issue 13 "以旧换再 trade-in with core deposits"; 《高端智能再制造行动计划》 以旧换再 business
 * model), pure rules: the valuation of an old unit, the choice of the seller's rule, the payable amount of an order
 * with a trade-in, the trade-in's own state machine and its settlement after the core's inspection.
 *
 *   value = base value × max(floor, (1 − depreciation)^effective age) × grade factor
 *   effective age = max(age in years, running hours ÷ hours per year)   (a hard-run young unit is worn like an old one)
 *   grade factors: A 1.00, B 0.80, C 0.55, D 0.30 (the platform's intake grades, vocabulary GRADES)
 *
 * Rules: the seller's rule for the model, else the seller's rule for the field (规范条件 一 fields), else the
 * platform default for the field. Each rule carries the core deposit (旧件押金) charged with an exchange unit and
 * the days within which the old unit must come back.
 *
 *   awaiting_core ──ship──▶ core_in_transit ──receive──▶ core_received ──settle──▶ settled
 *        └────────────────────receive───────────────────────┘ (handed over at the seller's site)
 *   awaiting_core / core_in_transit ──cancel (order cancelled)──▶ cancelled
 */
import { roundHalfAwayFromZero } from '../numbers.js';

export const CONDITION_GRADES = ['A', 'B', 'C', 'D'] as const;
export type ConditionGrade = (typeof CONDITION_GRADES)[number];
export const GRADE_FACTOR: Record<ConditionGrade, number> = { A: 1, B: 0.8, C: 0.55, D: 0.3 };
export const GRADE_LABELS: Record<ConditionGrade, { zh: string; en: string }> = {
  A: { zh: 'A 级（完好，可直接再制造）', en: 'A (sound)' },
  B: { zh: 'B 级（轻度磨损）', en: 'B (light wear)' },
  C: { zh: 'C 级（中度磨损或局部损伤）', en: 'C (moderate wear or local damage)' },
  D: { zh: 'D 级（严重损伤，仅部分零件可用）', en: 'D (heavy damage, parts only)' },
};

export interface ValuationRule {
  /** CNY value of a new-condition core of this model/field */
  baseValueCny: number;
  /** share of value lost per year of effective age (0.12 = 12 %) */
  depreciationPerYear: number;
  /** the value never falls below this share of the base (a core is worth its material) */
  floorShare: number;
  /** running hours that count as one year of age */
  hoursPerYear: number;
  /** 旧件押金 charged with the exchange unit, refunded when the core comes back */
  coreDepositCny: number;
  /** days within which the old unit must come back */
  returnDays: number;
}

export interface ScopedRule extends ValuationRule {
  scope: 'model' | 'field';
  /** the model name (scope model) or the field key (scope field) */
  key: string;
}

/** Platform defaults per field for sellers without their own rule (an engine core is worth more than a pump's). */
const DEFAULT_BASE: Record<string, number> = {
  internal_combustion_engines: 30_000,
  construction_machinery: 20_000,
  heavy_machinery: 25_000,
  machine_tools: 40_000,
  electrical_equipment: 8_000,
  petrochemical_general_machinery: 12_000,
  agricultural_machinery: 6_000,
  basic_mechanical_parts: 2_000,
  office_equipment: 800,
};
export function platformDefaultRule(field: string | null | undefined): ValuationRule {
  const base = (field && DEFAULT_BASE[field]) || 5_000;
  return { baseValueCny: base, depreciationPerYear: 0.12, floorShare: 0.1, hoursPerYear: 2_000, coreDepositCny: roundHalfAwayFromZero(base * 0.2), returnDays: 30 };
}

/** The rule that applies: the seller's model rule → the seller's field rule → the platform default of the field. */
export function pickRule(rules: readonly ScopedRule[], model: string, field: string | null | undefined): { rule: ValuationRule; source: 'model' | 'field' | 'platform' } {
  const norm = (s: string) => s.trim().toLowerCase();
  const byModel = rules.find((r) => r.scope === 'model' && norm(r.key) === norm(model));
  if (byModel) return { rule: byModel, source: 'model' };
  const byField = field ? rules.find((r) => r.scope === 'field' && r.key === field) : undefined;
  if (byField) return { rule: byField, source: 'field' };
  return { rule: platformDefaultRule(field), source: 'platform' };
}

export interface UnitCondition {
  ageYears: number;
  runningHours: number;
  condition: ConditionGrade;
}

export interface Valuation {
  valueCny: number;
  effectiveAgeYears: number;
  ageFactor: number;
  gradeFactor: number;
  coreDepositCny: number;
  returnDays: number;
}

/** The value of an old unit under `rule` (CNY, two decimals). */
export function valueOldUnit(rule: ValuationRule, u: UnitCondition): Valuation {
  const effectiveAgeYears = Math.max(u.ageYears, rule.hoursPerYear > 0 ? u.runningHours / rule.hoursPerYear : 0);
  const ageFactor = Math.max(rule.floorShare, Math.pow(1 - rule.depreciationPerYear, effectiveAgeYears));
  const gradeFactor = GRADE_FACTOR[u.condition];
  return {
    valueCny: roundHalfAwayFromZero(rule.baseValueCny * ageFactor * gradeFactor),
    effectiveAgeYears: roundHalfAwayFromZero(effectiveAgeYears, 2),
    ageFactor: roundHalfAwayFromZero(ageFactor, 4),
    gradeFactor,
    coreDepositCny: rule.coreDepositCny,
    returnDays: rule.returnDays,
  };
}

/**
 * The grade suggested by the old unit's record on the platform (issue 13: "its telemetry and genealogy inform the
 * grade"): a unit already in its third life or beyond, or run far beyond its yearly hours, is graded down one step
 * from what the buyer declared; a recalled unit is graded D. The buyer's own grade is never raised.
 */
export function gradeFromRecord(declared: ConditionGrade, record: { life: number; status: string; runningHours: number; ageYears: number; hoursPerYear: number }): ConditionGrade {
  if (record.status === 'recalled') return 'D';
  const i = CONDITION_GRADES.indexOf(declared);
  const heavyUse = record.ageYears > 0 && record.runningHours / record.ageYears > record.hoursPerYear * 1.5;
  const down = (record.life >= 3 ? 1 : 0) + (heavyUse ? 1 : 0);
  return CONDITION_GRADES[Math.min(CONDITION_GRADES.length - 1, i + down)]!;
}

/** What the buyer pays for an order with a trade-in: goods − credit + core deposit (never below zero). */
export function payable(goodsCny: number, creditCny: number, depositCny: number): number {
  return roundHalfAwayFromZero(Math.max(0, goodsCny - creditCny + depositCny));
}

export const TRADE_IN_STATUS_VALUES = ['awaiting_core', 'core_in_transit', 'core_received', 'settled', 'cancelled'] as const;
export type TradeInStatus = (typeof TRADE_IN_STATUS_VALUES)[number];
export const TRADE_IN_STATUS_LABELS: Record<TradeInStatus, { zh: string; en: string }> = {
  awaiting_core: { zh: '待交回旧件', en: 'Awaiting the core' },
  core_in_transit: { zh: '旧件运输中', en: 'Core in transit' },
  core_received: { zh: '旧件已接收', en: 'Core received' },
  settled: { zh: '已结算', en: 'Settled' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};
export type TradeInEvent = 'ship' | 'receive' | 'settle' | 'cancel';

export function nextTradeInStatus(s: TradeInStatus, e: TradeInEvent): TradeInStatus | null {
  switch (e) {
    case 'ship':
      return s === 'awaiting_core' ? 'core_in_transit' : null;
    case 'receive':
      return s === 'awaiting_core' || s === 'core_in_transit' ? 'core_received' : null;
    case 'settle':
      return s === 'core_received' ? 'settled' : null;
    case 'cancel':
      return s === 'awaiting_core' || s === 'core_in_transit' ? 'cancelled' : null;
  }
}

export interface Settlement {
  creditCny: number;
  finalValueCny: number;
  /** final value − credit: negative = the buyer was credited too much */
  differenceCny: number;
  depositCny: number;
  /** what the seller pays back (> 0) or charges (< 0): deposit + difference */
  refundCny: number;
}

/** Inspection at intake fixes the final value; the deposit is refunded and the difference settled against it. */
export function settle(creditCny: number, finalValueCny: number, depositCny: number): Settlement {
  const differenceCny = roundHalfAwayFromZero(finalValueCny - creditCny);
  return { creditCny, finalValueCny, differenceCny, depositCny, refundCny: roundHalfAwayFromZero(depositCny + differenceCny) };
}

/** The date by which the core must be back (YYYY-MM-DD, from the day the exchange unit was delivered). */
export function coreDueOn(deliveredOn: string, returnDays: number): string {
  const d = new Date(`${deliveredOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + returnDays);
  return d.toISOString().slice(0, 10);
}

/** A core not back by its due date is overdue (flagged by the daily job). */
export const coreOverdue = (t: { status: TradeInStatus; dueOn: string | null }, today: string) =>
  (t.status === 'awaiting_core' || t.status === 'core_in_transit') && !!t.dueOn && today > t.dueOn;

// ---- amounts in Chinese capitals (人民币大写) for contracts ----
const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'];
const BIG = ['', '万', '亿', '万亿'];

/** 1234.5 → 壹仟贰佰叁拾肆元伍角整 (GB/T 会计基础工作规范 style). */
export function cnyInWords(amount: number): string {
  if (!Number.isFinite(amount) || amount < 0) return '';
  const fen = Math.round(amount * 100);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor((fen % 100) / 10);
  const f = fen % 10;
  let int = '';
  if (yuan === 0) int = '零';
  else {
    const groups: number[] = [];
    for (let n = yuan; n > 0; n = Math.floor(n / 10000)) groups.push(n % 10000);
    let zeroPending = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const v = groups[g]!;
      if (v === 0) {
        zeroPending = int !== '';
        continue;
      }
      if (zeroPending || (int !== '' && v < 1000)) int += '零';
      zeroPending = false;
      let s = '';
      let z = false;
      for (let i = 3; i >= 0; i--) {
        const d = Math.floor(v / 10 ** i) % 10;
        if (d === 0) {
          z = s !== '';
        } else {
          if (z) s += '零';
          z = false;
          s += DIGITS[d]! + UNITS[i]!;
        }
      }
      int += s + BIG[g]!;
    }
  }
  let out = `${int}元`;
  if (jiao === 0 && f === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (f > 0) out += `${DIGITS[f]}分`;
  else out += '整';
  return out;
}
