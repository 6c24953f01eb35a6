/**
 * 表1-2 rows 12–13 (质量再制造率, 价值再制造率, "计算方法参考 GB/T 28620"): the enterprise may state its own
 * figures (with the calculation basis attached); the platform shows its own computation beside them — from
 * the application's bill of materials, and where the enterprise uses traceability, from its recorded products —
 * and flags a large difference for the experts (issue 15 item 7). A flag is not a condition outcome: the
 * 规范条件 sets no threshold for the rates; it is a cross-check of the data.
 */
import type { ApplicationForm } from './form.js';
import { computeRemanRates, REMAN_RATE_FORMULA, type RemanFormulaVersion } from './reman-rate.js';
import { roundHalfAwayFromZero } from '../numbers.js';

/** A stated rate further than this many percentage points from a computed one is flagged (the platform's choice). */
export const RATE_FLAG_POINTS = 5;

/** Rates computed from the enterprise's recorded (traced) products: the mean over `products`. */
export interface TraceRates {
  massRate: number | null;
  valueRate: number | null;
  products: number;
  formulaVersion: string;
}

export interface DataFlag {
  id: string;
  /** Where in the 申请书 the data are, e.g. '表1-2 第12–13行'. */
  ref: string;
  messageZh: string;
  messageEn: string;
  evidence: Record<string, unknown>;
}

export interface RateComparison {
  declared: { massRate: number | null; valueRate: number | null };
  bom: { massRate: number | null; valueRate: number | null };
  trace: TraceRates | null;
  formulaVersion: RemanFormulaVersion;
  thresholdPoints: number;
  /** One entry per stated figure that differs from a computed one by more than RATE_FLAG_POINTS. */
  differences: { rate: 'massRate' | 'valueRate'; source: 'bom' | 'trace'; declared: number; computed: number; points: number }[];
}

export function compareRates(form: ApplicationForm, trace: TraceRates | null = null): RateComparison {
  const t12 = form.table12 ?? {};
  const bom = computeRemanRates(t12.bom ?? []);
  const declared = { massRate: t12.declaredMassRate ?? null, valueRate: t12.declaredValueRate ?? null };
  const differences: RateComparison['differences'] = [];
  for (const rate of ['massRate', 'valueRate'] as const) {
    const d = declared[rate];
    if (d == null) continue;
    for (const [source, computed] of [
      ['bom', bom[rate]],
      ['trace', trace && trace.products > 0 ? trace[rate] : null],
    ] as const) {
      if (computed == null) continue;
      const points = roundHalfAwayFromZero(Math.abs(d - computed), 2);
      if (points > RATE_FLAG_POINTS) differences.push({ rate, source, declared: d, computed, points });
    }
  }
  return { declared, bom: { massRate: bom.massRate, valueRate: bom.valueRate }, trace, formulaVersion: REMAN_RATE_FORMULA.version, thresholdPoints: RATE_FLAG_POINTS, differences };
}

const RATE_ZH = { massRate: '质量再制造率', valueRate: '价值再制造率' } as const;
const RATE_EN = { massRate: 'mass remanufacturing rate', valueRate: 'value remanufacturing rate' } as const;
const SOURCE_ZH = { bom: '按物料清单计算', trace: '按追溯记录的产品计算' } as const;
const SOURCE_EN = { bom: 'computed from the bill of materials', trace: 'computed from the traced products' } as const;

/** The flags of the data cross-checks (today: rows 12–13). */
export function rateFlags(form: ApplicationForm, trace: TraceRates | null = null): DataFlag[] {
  const c = compareRates(form, trace);
  if (c.differences.length === 0) return [];
  return [
    {
      id: 'reman_rate_difference',
      ref: '表1-2 第12–13行',
      messageZh: `企业自填再制造率与平台计算值相差较大（超过 ${RATE_FLAG_POINTS} 个百分点）：${c.differences
        .map((x) => `${RATE_ZH[x.rate]}自填 ${x.declared}%，${SOURCE_ZH[x.source]} ${x.computed}%`)
        .join('；')}。请专家核对计算依据。`,
      messageEn: `The stated remanufacturing rates differ from the platform's by more than ${RATE_FLAG_POINTS} points: ${c.differences
        .map((x) => `${RATE_EN[x.rate]} stated ${x.declared} %, ${SOURCE_EN[x.source]} ${x.computed} %`)
        .join('; ')}. Experts should check the calculation basis.`,
      evidence: c as unknown as Record<string, unknown>,
    },
  ];
}
