/**
 * `npm run phm:eval [-- --seed 1 --train 100 --test 100 --seeds 5 --point 0.5 --forecast --json]`
 *
 * Generates synthetic run-to-failure histories (src/domain/monitoring/synthetic.ts), trains the RUL method on the
 * training units and prints, for held-out units cut at 25/50/75/90 % of life, the RMSE (run hours) and the PHM08
 * score of the method against the naive baseline (training mean life minus age), and the coverage of the 90 %
 * interval. With --seeds N, repeats for seeds seed…seed+N−1 and prints each and the median ratios. With
 * --forecast, also checks the forecast of returning cores against the months the held-out units failed in.
 * The figures of docs/monitoring-health.md come from this script.
 */
import { parseArgs } from 'node:util';
import { evaluateForecast, evaluateRul, type EvaluationRow } from '../src/domain/monitoring/rul-evaluation.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    seeds: { type: 'string', default: '1' },
    train: { type: 'string', default: '100' },
    test: { type: 'string', default: '100' },
    point: { type: 'string', default: '0.5' },
    json: { type: 'boolean', default: false },
    forecast: { type: 'boolean', default: false },
  },
});
const num = (name: keyof typeof values, v: string | boolean | undefined) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${String(name)} must be a number`);
  return n;
};
const seed = num('seed', values.seed);
const seeds = Math.max(1, Math.floor(num('seeds', values.seeds)));
const trainUnits = num('train', values.train);
const testUnits = num('test', values.test);
const point = num('point', values.point);

const fmt = (x: number) => (x >= 1e6 ? x.toExponential(2) : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const label = (f: EvaluationRow['fraction']) => (f === 'all' ? 'all' : `${Math.round(f * 100)} %`);

const results: { seed: number; rows: EvaluationRow[] }[] = [];
for (let s = seed; s < seed + seeds; s++) {
  const t0 = performance.now();
  const { model, rows } = evaluateRul({ seed: s, trainUnits, testUnits, point });
  results.push({ seed: s, rows });
  if (values.json) continue;
  console.log(`\nseed ${s}: ${trainUnits} training units, ${testUnits} held out; model φ=${model.phi.toFixed(3)} mm/s, mean life ${model.meanLife.toFixed(0)} h, σ²=${model.sigma2.toFixed(4)}, interval spread ×${model.spread.toFixed(2)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  console.log('life  | units | RMSE method | RMSE baseline | ratio | PHM08 method | PHM08 baseline | 90 % interval coverage');
  console.log('------|-------|-------------|---------------|-------|--------------|----------------|-----------------------');
  for (const r of rows) {
    console.log(
      `${label(r.fraction).padEnd(5)} | ${String(r.n).padStart(5)} | ${fmt(r.rmse.method).padStart(11)} | ${fmt(r.rmse.baseline).padStart(13)} | ${(r.rmse.method / r.rmse.baseline).toFixed(2).padStart(5)} | ${fmt(r.score.method).padStart(12)} | ${fmt(r.score.baseline).padStart(14)} | ${(r.coverage * 100).toFixed(0).padStart(4)} %`,
    );
  }
}
if (values.json) console.log(JSON.stringify(results, null, 2));
else if (seeds > 1) {
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`\nmedian over ${seeds} seeds (method ÷ baseline; < 1 means the method is better):`);
  for (let i = 0; i < results[0].rows.length; i++) {
    const f = results[0].rows[i].fraction;
    const rm = med(results.map((r) => r.rows[i].rmse.method / r.rows[i].rmse.baseline));
    const sc = med(results.map((r) => r.rows[i].score.method / r.rows[i].score.baseline));
    const wins = results.filter((r) => r.rows[i].score.method < r.rows[i].score.baseline).length;
    console.log(`${label(f).padEnd(5)}  RMSE ratio ${rm.toFixed(2)}   PHM08 ratio ${sc.toExponential(1)}   method's PHM08 better in ${wins}/${seeds} seeds`);
  }
}

if (values.forecast) {
  // the forecast of returning cores against what happened: --test units observed on one day at 20–95 % of life
  for (let s = seed; s < seed + seeds; s++) {
    const r = evaluateForecast({ seed: s, trainUnits, units: testUnits });
    if (values.json) {
      console.log(JSON.stringify(r));
      continue;
    }
    console.log(`\nforecast check, seed ${s}: ${r.units} units; expected ${r.expectedTotal} returns in 12 months, ${r.actualTotal} happened; ${(r.coverage * 100).toFixed(0)} % of months inside the 90 % interval`);
    console.log(r.months.map((m) => `${m.month} ${m.expected.toFixed(1)} [${m.low}–${m.high}] → ${m.actual}`).join('\n'));
  }
}
