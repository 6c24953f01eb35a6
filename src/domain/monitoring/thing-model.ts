/**
 * 物模型 (thing model): what a device of a product model reports — its metrics with unit, type, range and
 * meaning, keys in lowerCamelCase English (issue 12 "Devices and ownership"). Pure: no I/O.
 *
 * A product without a model accepts any numeric key (lowerCamelCase, ≤ 64 characters) until one is assigned;
 * with a model, a key outside it, a value of the wrong type or outside the range is refused (and counted per
 * device by the ingest).
 */
export type MetricType = 'number' | 'boolean' | 'string';

export interface Metric {
  key: string;
  name: { zh: string; en: string };
  unit: string | null;
  type: MetricType;
  /** inclusive range of a number; a value outside it is refused (a sensor fault, not a reading) */
  min?: number | null;
  max?: number | null;
  meaning?: string | null;
}

export interface ThingModel {
  metrics: Metric[];
}

export const METRIC_KEY = /^[a-z][a-zA-Z0-9]{0,63}$/;

/** The templates every enterprise starts from (issue 12: engines and hydraulic pumps at least). */
export const THING_MODEL_TEMPLATES = {
  engine: {
    name: { zh: '发动机', en: 'Engine' },
    metrics: [
      { key: 'coolantTemp', name: { zh: '冷却液温度', en: 'Coolant temperature' }, unit: '°C', type: 'number', min: -40, max: 150, meaning: '冷却液出口温度；持续高于 105 °C 提示冷却系统故障' },
      { key: 'oilPressure', name: { zh: '机油压力', en: 'Oil pressure' }, unit: 'kPa', type: 'number', min: 0, max: 1000, meaning: '主油道压力；怠速低于 100 kPa 提示轴瓦磨损或机油泵故障' },
      { key: 'rpm', name: { zh: '转速', en: 'Engine speed' }, unit: 'r/min', type: 'number', min: 0, max: 5000, meaning: '曲轴转速' },
      { key: 'runHours', name: { zh: '累计运行时间', en: 'Run hours' }, unit: 'h', type: 'number', min: 0, max: 200000, meaning: '发动机小时计读数（单调递增）' },
      { key: 'vibrationRms', name: { zh: '振动有效值', en: 'Vibration RMS' }, unit: 'mm/s', type: 'number', min: 0, max: 100, meaning: '机体振动速度有效值（GB/T 6075 / ISO 10816 评价）' },
    ],
  },
  hydraulicPump: {
    name: { zh: '液压泵', en: 'Hydraulic pump' },
    metrics: [
      { key: 'outletPressure', name: { zh: '出口压力', en: 'Outlet pressure' }, unit: 'MPa', type: 'number', min: 0, max: 60, meaning: '泵出口压力' },
      { key: 'flow', name: { zh: '流量', en: 'Flow' }, unit: 'L/min', type: 'number', min: 0, max: 1000, meaning: '出口流量；同压力下下降提示内泄漏（容积效率降低）' },
      { key: 'oilTemp', name: { zh: '油温', en: 'Oil temperature' }, unit: '°C', type: 'number', min: -40, max: 150, meaning: '壳体回油温度' },
      { key: 'particleCount', name: { zh: '颗粒计数', en: 'Particle count' }, unit: 'ISO 4406 code', type: 'number', min: 0, max: 30, meaning: '油液清洁度（≥4 µm 颗粒的 ISO 4406 代码）；上升提示磨损' },
    ],
  },
} as const satisfies Record<string, { name: { zh: string; en: string }; metrics: readonly Metric[] }>;

export type ThingModelTemplate = keyof typeof THING_MODEL_TEMPLATES;
export const TEMPLATE_NAMES = Object.keys(THING_MODEL_TEMPLATES) as ThingModelTemplate[];

export const templateModel = (t: ThingModelTemplate): ThingModel => ({ metrics: THING_MODEL_TEMPLATES[t].metrics.map((m) => ({ ...m })) });

export type Value = number | boolean | string;

/** Why a value is refused (zh, en), or null when the model (or its absence) accepts it. */
export type Refusal = { code: 'UNKNOWN_KEY' | 'WRONG_TYPE' | 'OUT_OF_RANGE' | 'BAD_KEY'; message: string; messageEn: string };

export function checkValue(model: ThingModel | null, key: string, value: Value): Refusal | null {
  if (!METRIC_KEY.test(key)) {
    return { code: 'BAD_KEY', message: `键名 ${key.slice(0, 64)} 须为小驼峰英文（字母开头，≤64 字符）`, messageEn: `key ${key.slice(0, 64)} must be lowerCamelCase English (≤ 64 characters)` };
  }
  if (!model) {
    if (typeof value === 'number') return null;
    return { code: 'WRONG_TYPE', message: `${key}：未分配物模型的产品只接受数值`, messageEn: `${key}: a product without a thing model accepts numbers only` };
  }
  const m = model.metrics.find((x) => x.key === key);
  if (!m) return { code: 'UNKNOWN_KEY', message: `${key} 不在物模型中`, messageEn: `${key} is not a metric of the thing model` };
  if (typeof value !== m.type) return { code: 'WRONG_TYPE', message: `${key} 应为 ${m.type}`, messageEn: `${key} must be a ${m.type}` };
  if (typeof value === 'number' && ((m.min != null && value < m.min) || (m.max != null && value > m.max))) {
    return { code: 'OUT_OF_RANGE', message: `${key}=${value} 超出物模型范围 [${m.min ?? '-∞'}, ${m.max ?? '∞'}]`, messageEn: `${key}=${value} is outside the model's range [${m.min ?? '-∞'}, ${m.max ?? '∞'}]` };
  }
  return null;
}

/** Problems of a thing model itself (duplicate keys, bad keys, min > max), as field paths; empty when valid. */
export function modelProblems(model: ThingModel): { field: string; message: string; messageEn: string }[] {
  const out: { field: string; message: string; messageEn: string }[] = [];
  const seen = new Set<string>();
  model.metrics.forEach((m, i) => {
    if (!METRIC_KEY.test(m.key)) out.push({ field: `metrics[${i}].key`, message: '须为小驼峰英文', messageEn: 'must be lowerCamelCase English' });
    if (seen.has(m.key)) out.push({ field: `metrics[${i}].key`, message: '键名重复', messageEn: 'duplicate key' });
    seen.add(m.key);
    if (m.min != null && m.max != null && m.min > m.max) out.push({ field: `metrics[${i}].min`, message: '下限大于上限', messageEn: 'min is above max' });
    if (m.type !== 'number' && (m.min != null || m.max != null)) out.push({ field: `metrics[${i}].type`, message: '只有数值可设范围', messageEn: 'only numbers have a range' });
  });
  if (model.metrics.length === 0) out.push({ field: 'metrics', message: '至少一个指标', messageEn: 'at least one metric' });
  return out;
}
