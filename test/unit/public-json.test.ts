/**
 * The public verification answer is written straight from the row (trace.presenter publicJson, issue 10 §5): it must
 * be, byte for byte, what the route's schema path gives — PublicProductSchema.parse(presentPublic(…)) serialised by
 * JSON.stringify and UTF-8 encoded — for every status, with nulls, rates read from numeric text, names that need
 * escaping or are not ASCII, a timeline with status steps given twice and kinds outside the vocabulary.
 */
import { describe, expect, it } from 'vitest';
import { publicTimeline } from '../../src/domain/trace/successor.js';
import { stepLabel } from '../../src/domain/trace/vocabulary.js';
import { presentPublic, publicJson } from '../../src/server/modules/trace/trace.presenter.js';
import type { PublicProductRow } from '../../src/server/modules/trace/trace.repo.js';
import { PublicProductSchema } from '../../src/server/modules/trace/trace.schema.js';

type Input = { row: PublicProductRow; enterpriseName: string; announced: boolean };
const schemaPath = (d: Input) =>
  Buffer.from(JSON.stringify(PublicProductSchema.parse(presentPublic({ ...d, steps: publicTimeline(d.row.public_steps).map(([date, kind]) => ({ date, kind, label: stepLabel(kind) })) }))));

const row = (over: Partial<PublicProductRow> = {}): PublicProductRow => ({
  enterprise_id: '0b0b0b0b-0000-4000-8000-000000000001',
  code: 'RMMQJMZ300000006H',
  name: '再制造柴油发动机',
  model: 'WD615',
  standard_no: 'GB/T 28620-2012',
  warranty_months: 24,
  production_date: '2026-03-01',
  life: 2,
  mass_rate: '80.00',
  value_rate: '62.5',
  formula_version: 'GBT28620-2012/working-v1',
  status: 'issued',
  successor_code: null,
  disassembled_at: null,
  public_steps: [
    ['2026-03-01', 'intake'],
    ['2026-03-01', 'inspection'],
    ['2026-03-02', 'disassembly'],
    ['2026-03-05', 'reassembly'],
    ['2026-03-06', 'test'],
    ['2026-03-07', 'sale'],
  ],
  ...over,
});

const cases: [string, Input][] = [
  ['genuine, announced enterprise', { row: row(), enterpriseName: '广州再制造有限公司', announced: true }],
  ['remanufactured into a successor (已再制造为), unannounced enterprise', { row: row({ successor_code: 'RMMQJMZ3000000123' }), enterpriseName: '苏州再制造有限公司', announced: false }],
  [
    'recalled, the recall given twice on the timeline',
    { row: row({ status: 'recalled', public_steps: [['2026-03-01', 'reassembly'], ['2026-04-01', 'recall'], ['2026-04-02', 'recall']] }), enterpriseName: 'E', announced: true },
  ],
  ['revoked although it has a successor (revoked goes first)', { row: row({ status: 'revoked', successor_code: 'RMMQJMZ3000000123' }), enterpriseName: 'E', announced: false }],
  ['disassembled (a Date from the driver)', { row: row({ disassembled_at: new Date('2026-05-01T00:00:00Z') }), enterpriseName: 'E', announced: false }],
  ['disassembled (text)', { row: row({ disassembled_at: '2026-05-01 08:00:00+08' }), enterpriseName: '', announced: false }],
  [
    'nulls everywhere they are allowed, rates as numbers, an empty timeline',
    { row: row({ model: null, standard_no: null, warranty_months: null, mass_rate: null, value_rate: 0, formula_version: null, public_steps: [] }), enterpriseName: 'E', announced: true },
  ],
  [
    'text that needs escaping or is not ASCII',
    {
      row: row({ name: '发动机 "特" \\ 反斜杠\n换行\t制表 \u0001 \u2028 😀 \ud800 é', model: '</script>', code: 'RM"\\' }),
      enterpriseName: '企业"名"\r\n',
      announced: false,
    },
  ],
  [
    'kinds outside the vocabulary and odd dates',
    { row: row({ public_steps: [['2026-03-01', 'no-such-kind'], ['日期', '中文类型'], ['', ''], ['2026-03-02', 'revocation'], ['2026-03-03', 'revocation']] }), enterpriseName: 'E', announced: true },
  ],
  ['rates with many digits', { row: row({ mass_rate: '33.333333333333333', value_rate: '1e-7' }), enterpriseName: 'E', announced: true }],
];

describe('publicJson: the public answer written from the row', () => {
  it.each(cases)('%s: the same bytes as the schema path', (_name, d) => {
    const direct = publicJson(d);
    expect(direct.toString('utf8')).toBe(schemaPath(d).toString('utf8'));
    expect(direct.equals(schemaPath(d))).toBe(true);
  });

  it('refuses what the schema refuses', () => {
    const bad: Input[] = [
      { row: row({ life: null as never }), enterpriseName: 'E', announced: true },
      { row: row({ name: null as never }), enterpriseName: 'E', announced: true },
      { row: row({ mass_rate: 'NaN' }), enterpriseName: 'E', announced: true },
      { row: row({ public_steps: [['2026-03-01', null as never]] }), enterpriseName: 'E', announced: true },
    ];
    for (const d of bad) {
      expect(() => schemaPath(d)).toThrow();
      expect(() => publicJson(d)).toThrow();
    }
  });
});
