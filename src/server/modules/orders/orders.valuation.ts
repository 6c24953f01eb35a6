import { gradeFromRecord, pickRule, valueOldUnit, type ConditionGrade, type ValuationRule } from '../../../domain/trading/trade-in.js';
import type { Db } from '../../db/client.js';
import { errors } from '../../platform/errors.js';
import { presentPublic, type TraceService } from '../trace/index.js';
import { orderRepo, ruleOf } from './orders.repo.js';

/** Latest running hours of a unit from monitoring (devices/telemetry), null when no device reports them. */
export type RunHoursSource = (productCode: string) => Promise<number | null>;

export interface EstimateInput {
  model: string;
  ageYears: number;
  runningHours: number;
  condition: ConditionGrade;
  productCode?: string;
  field?: string;
}

/**
 * The instant 以旧换再 estimate (issue 13): the seller's rule for the model → for the field → the platform default;
 * when the old unit is a platform product (a code), its record informs the grade (lives, recall) and the running
 * hours from monitoring replace a lower declared figure.
 */
export function createTradeInValuation({ db, trace, runHours }: { db: Db; trace: Pick<TraceService, 'publicProduct'>; runHours?: RunHoursSource }) {
  return {
    async estimate(sellerId: string, t: EstimateInput) {
      let record: { code: string; life: number; status: string; runningHours: number | null } | null = null;
      if (t.productCode) {
        let pub;
        try {
          pub = presentPublic(await trace.publicProduct(t.productCode));
        } catch {
          throw errors.field('tradeIn.productCode', '平台上没有该产品编码', 'no product on the platform has this code');
        }
        record = { code: pub.code, life: pub.life, status: pub.status, runningHours: runHours ? await runHours(pub.code) : null };
      }
      const { rule, source } = pickRule((await orderRepo.rules(db, sellerId)).map((r) => ({ ...ruleOf(r), scope: r.scope, key: r.key })), t.model, t.field);
      const runningHours = Math.max(t.runningHours, record?.runningHours ?? 0);
      const grade = record ? gradeFromRecord(t.condition, { life: record.life, status: record.status, runningHours, ageYears: t.ageYears, hoursPerYear: rule.hoursPerYear }) : t.condition;
      const v = valueOldUnit(rule, { ageYears: t.ageYears, runningHours, condition: grade });
      return {
        model: t.model,
        grade,
        declaredGrade: t.condition,
        ruleSource: source,
        rule: rule as ValuationRule,
        runningHours,
        creditCny: v.valueCny,
        coreDepositCny: v.coreDepositCny,
        returnDays: v.returnDays,
        effectiveAgeYears: v.effectiveAgeYears,
        ageFactor: v.ageFactor,
        gradeFactor: v.gradeFactor,
        record,
      };
    },
  };
}
