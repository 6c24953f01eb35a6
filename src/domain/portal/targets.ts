/**
 * The public targets of 《高端智能再制造行动计划（2018—2020年）》(工信部节〔2017〕265号), 二、工作思路和主要目标:
 * "发布50项高端智能再制造管理、技术、装备及评价等标准 … 推动建立100家高端智能再制造示范企业、技术研发中心、
 * 服务企业、信息服务平台、产业集聚区等，带动我国再制造产业规模达到2000亿元。" Pure: the figures come in, the
 * board's rows go out. Output value: the annual reports' 本年度再制造产值 (万元) per year, shown in 亿元.
 */
export type TargetKey = 'outputValue' | 'demonstrationUnits' | 'standards' | 'announcedEnterprises';

export interface TargetRow {
  key: TargetKey;
  name: string;
  nameEn: string;
  /** null: the plan sets no number (the announced list is shown for context) */
  target: number | null;
  /** null: no data source on the platform yet (see `source`) */
  actual: number | null;
  unit: string;
  unitEn: string;
  /** the day the actual was computed (Asia/Shanghai date) */
  asOf: string;
  /** where the actual comes from, or why there is none */
  source: string;
  sourceEn: string;
  trend: Array<{ year: number; value: number }>;
}

/** The plan's reference year: standards published and units designated from 2018 count towards its targets. */
export const PLAN_START_YEAR = 2018;

export function targetRows(input: {
  today: string;
  demoUnitsByYear: ReadonlyArray<{ year: number; count: number }>;
  standardsByYear: ReadonlyArray<{ year: number; count: number }>;
  announcedEnterprises: number;
  announcedByYear: ReadonlyArray<{ year: number; count: number }>;
  /** 本年度再制造产值 summed per year over the reviewed annual reports, in 万元 (10,000 CNY) */
  outputValueByYear?: ReadonlyArray<{ year: number; reports: number; outputValue: number }>;
}): TargetRow[] {
  const cumulative = (rows: ReadonlyArray<{ year: number; count: number }>) => {
    let sum = 0;
    return [...rows].sort((a, b) => a.year - b.year).map((r) => ({ year: r.year, value: (sum += r.count) }));
  };
  const sinceStart = (rows: ReadonlyArray<{ year: number; count: number }>) => rows.filter((r) => r.year >= PLAN_START_YEAR);
  const units = cumulative(sinceStart(input.demoUnitsByYear));
  const stds = cumulative(sinceStart(input.standardsByYear));
  // 万元 → 亿元 (the plan's unit): ÷ 10,000, two decimals; the latest reported year is the actual (a yearly scale, not cumulative)
  const yi = (wan: number) => Math.round(wan / 100) / 100;
  const output = [...(input.outputValueByYear ?? [])].filter((r) => r.reports > 0).sort((a, b) => a.year - b.year);
  const lastOutput = output.at(-1);
  return [
    {
      key: 'outputValue',
      name: '再制造产业规模（产值）',
      nameEn: 'Remanufacturing output value',
      target: 2000,
      actual: lastOutput ? yi(lastOutput.outputValue) : null,
      unit: '亿元',
      unitEn: '100 million CNY',
      asOf: input.today,
      source: lastOutput
        ? `平台年度报告“本年度再制造产值（万元）”的合计：${lastOutput.year}年，已审核的报告 ${lastOutput.reports} 份（附2 提纲 二）。只含在平台填报年度报告的公告企业，低于全国产业规模的统计口径；市场交易额不计入（避免与产值重复）。`
        : '暂无数据：还没有已审核的年度报告填报“本年度再制造产值”。',
      sourceEn: lastOutput
        ? `Sum of "output value this year (10,000 CNY)" of the annual reports on the platform: ${lastOutput.year}, ${lastOutput.reports} reviewed report(s). Only announced enterprises reporting on the platform — below the national industry scale; market sales are not added (they would count output twice).`
        : 'No data yet: no reviewed annual report states its output value.',
      trend: output.map((r) => ({ year: r.year, value: yi(r.outputValue) })),
    },
    {
      key: 'demonstrationUnits',
      name: '高端智能再制造示范单位',
      nameEn: 'Demonstration units',
      target: 100,
      actual: units.at(-1)?.value ?? 0,
      unit: '家',
      unitEn: 'units',
      asOf: input.today,
      source: `平台示范单位库中已发布、${PLAN_START_YEAR}年起认定的示范企业、园区、基地和中心（累计）。`,
      sourceEn: `Published demonstration units designated since ${PLAN_START_YEAR} in the platform's directory (cumulative).`,
      trend: units,
    },
    {
      key: 'standards',
      name: '再制造标准',
      nameEn: 'Standards',
      target: 50,
      actual: stds.at(-1)?.value ?? 0,
      unit: '项',
      unitEn: 'standards',
      asOf: input.today,
      source: `平台标准库中已发布、${PLAN_START_YEAR}年起发布的国家、行业和团体标准（累计，含被代替和废止的）。`,
      sourceEn: `Published national, industry and group standards issued since ${PLAN_START_YEAR} in the platform's library (cumulative, replaced and abolished included).`,
      trend: stds,
    },
    {
      key: 'announcedEnterprises',
      name: '符合规范条件的公告企业',
      nameEn: 'Announced enterprises',
      target: null,
      actual: input.announcedEnterprises,
      unit: '家',
      unitEn: 'enterprises',
      asOf: input.today,
      source: '公告名单中当前有效的企业（撤销的不计）；趋势为各年公告的企业数（累计）。',
      sourceEn: 'Enterprises currently on the announced list (revoked ones excluded); the trend counts enterprises announced per year (cumulative).',
      trend: cumulative(input.announcedByYear),
    },
  ];
}
