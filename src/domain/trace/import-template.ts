/**
 * Bulk-import templates (issue 4 "Bulk import for enterprises without an EPCIS-capable MES"): one flat sheet
 * per lifecycle step, one row per step record. Each column maps to a path of the step's form input
 * (lifecycle.ts StepInputs), so a row is validated by the same Zod schema as the form, and every issue is
 * reported against the column it came from. Pure.
 */
import { ASSESSMENT_DECISIONS, GRADES, PROCESSES, RECYCLING_CHANNELS, STEP_MAPPING } from './vocabulary.js';
import type { FormStep } from './lifecycle.js';

export type CellKind = 'text' | 'bool' | 'number' | 'measurements' | 'datetime' | 'date';
export interface TemplateColumn {
  /** path in the step input, e.g. "source.returnedBy", "epcs.0" */
  path: string;
  zh: string;
  en: string;
  required: boolean;
  kind: CellKind;
  values?: readonly string[];
  example: string;
}

const col = (path: string, zh: string, en: string, required: boolean, example: string, kind: CellKind = 'text', values?: readonly string[]): TemplateColumn => ({ path, zh, en, required, kind, values, example });
const time = col('eventTime', '发生时间', 'Event time', false, '2026-03-01 09:30', 'datetime');
const note = col('note', '备注', 'Note', false, '');
/** 生产场地 (site.ts): its name; empty = the enterprise's only site, or 场地未知 with several */
const site = col('site', '生产场地', 'Site', false, '');
const code = col('code', '产品编码', 'Product code', true, 'RMXXXXXX000000011');
const measurements = col('measurements', '检测数据', 'Measurements', false, '缸孔圆度=0.012 mm; 硬度=45 HRC', 'measurements');

export const IMPORT_STEPS = ['intake', 'inspection', 'cleaning', 'assessment', 'process', 'test', 'marking', 'shipping', 'sale', 'lease', 'installation', 'removal'] as const satisfies readonly FormStep[];
export type ImportStep = (typeof IMPORT_STEPS)[number];

export const TEMPLATES: Record<ImportStep, TemplateColumn[]> = {
  intake: [
    col('coreEpc', '旧件编码（可空，平台分配）', 'Core EPC (optional)', false, ''),
    col('name', '旧件名称', 'Core name', true, '柴油发动机旧件'),
    col('model', '型号', 'Model', false, 'WD615'),
    col('source.returnedBy', '交回方', 'Returned by', true, '某汽修厂'),
    col('source.channel', '回收渠道', 'Channel', true, 'service_center', 'text', Object.keys(RECYCLING_CHANNELS)),
    col('source.tradeIn', '以旧换新', 'Trade-in', true, '是', 'bool'),
    site,
    time,
    note,
  ],
  inspection: [
    col('coreEpc', '旧件编码', 'Core EPC', true, 'urn:reman-platform:core:XXXXXX.1'),
    col('grade', '等级', 'Grade', true, 'B', 'text', Object.keys(GRADES)),
    col('result', '结论', 'Result', true, 'accepted', 'text', ['accepted', 'rejected']),
    measurements,
    site,
    time,
    note,
  ],
  cleaning: [col('epcs.0', '零件编码', 'Part EPC', true, 'urn:reman-platform:part:XXXXXX.2'), col('method', '清洗方式', 'Method', false, '超声波清洗'), site, time, note],
  assessment: [col('items.0.epc', '零件编码', 'Part EPC', true, 'urn:reman-platform:part:XXXXXX.2'), col('items.0.decision', '评估结论', 'Decision', true, 'reuse', 'text', Object.keys(ASSESSMENT_DECISIONS)), site, time, note],
  process: [col('epcs.0', '零件编码', 'Part EPC', true, 'urn:reman-platform:part:XXXXXX.2'), col('process', '工艺', 'Process', true, 'laser_cladding', 'text', PROCESSES), col('parameters', '工艺参数', 'Parameters', false, '功率 2kW'), site, time, note],
  test: [code, col('result', '检测结论', 'Result', true, 'pass', 'text', ['pass', 'fail']), measurements, col('standardNo', '检测标准', 'Standard', false, 'GB/T 28672-2012'), site, time, note],
  marking: [code, site, time, note],
  shipping: [col('codes.0', '产品编码', 'Product code', true, 'RMXXXXXX000000011'), col('destinationName', '收货方', 'Consignee', false, '华南经销中心'), site, time, note],
  sale: [code, col('customerName', '客户', 'Customer', true, '某运输公司'), site, time, note],
  lease: [code, col('lesseeName', '承租方', 'Lessee', true, '某物流公司'), site, time, note],
  installation: [code, col('location', '安装位置', 'Location', true, '广州市某车队'), col('equipment', '所在设备', 'Equipment', false, '重型卡车'), site, time, note],
  removal: [code, col('reason', '拆除原因', 'Reason', false, '车辆报废'), site, time, note],
};

export const header = (c: TemplateColumn) => `${c.zh} (${c.path})`;
export const sheetName = (step: ImportStep) => `${STEP_MAPPING[step].label.zh} ${step}`.slice(0, 31);

export interface CellError {
  sheet: string;
  row: number;
  column: string;
  message: string;
  messageEn: string;
}

/** Match a header cell to a column: "中文 (path)", the path alone, or the Chinese name alone. */
export function matchHeader(columns: TemplateColumn[], text: string): TemplateColumn | undefined {
  const t = text.trim();
  const m = /\(([^()]+)\)\s*$/.exec(t);
  return columns.find((c) => (m && m[1] === c.path) || t === c.path || t === c.zh || t === header(c));
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.');
  let cur: Record<string, unknown> | unknown[] = obj;
  parts.forEach((p, i) => {
    const last = i === parts.length - 1;
    const key: string | number = /^\d+$/.test(p) ? Number(p) : p;
    if (last) (cur as Record<string | number, unknown>)[key] = value;
    else {
      const nextIsIndex = /^\d+$/.test(parts[i + 1]!);
      const c = cur as Record<string | number, unknown>;
      c[key] ??= nextIsIndex ? [] : {};
      cur = c[key] as Record<string, unknown>;
    }
  });
}

const TRUE = new Set(['是', 'true', 'yes', 'y', '1', 'x', '√']);
const FALSE = new Set(['否', 'false', 'no', 'n', '0']);

/** A cell as typed by a person (or as exceljs reads it) → the input value; an error message when unusable. */
export function parseCell(c: TemplateColumn, raw: unknown): { value?: unknown; error?: { zh: string; en: string } } {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return {};
  switch (c.kind) {
    case 'bool': {
      const s = String(raw).trim().toLowerCase();
      if (typeof raw === 'boolean') return { value: raw };
      if (TRUE.has(s)) return { value: true };
      if (FALSE.has(s)) return { value: false };
      return { error: { zh: '须为 是 或 否', en: 'must be yes (是) or no (否)' } };
    }
    case 'number': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
      return Number.isFinite(n) ? { value: n } : { error: { zh: '须为数字', en: 'must be a number' } };
    }
    case 'datetime': {
      if (raw instanceof Date) return { value: raw.toISOString() };
      const s = String(raw).trim();
      const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
      if (m) {
        const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}+08:00`);
        if (!Number.isNaN(d.getTime())) return { value: d.toISOString() };
      }
      if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s))) return { value: new Date(s).toISOString() };
      return { error: { zh: '须为日期时间，如 2026-03-01 09:30（北京时间）', en: 'must be a date-time such as 2026-03-01 09:30 (Beijing time)' } };
    }
    case 'date': {
      const s = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw).trim();
      return /^\d{4}-\d{2}-\d{2}$/.test(s) ? { value: s } : { error: { zh: '须为日期 YYYY-MM-DD', en: 'must be a date YYYY-MM-DD' } };
    }
    case 'measurements': {
      const out: { name: string; value: number; unit?: string }[] = [];
      for (const part of String(raw).split(/[;；]/).map((x) => x.trim()).filter(Boolean)) {
        const m = /^(.+?)\s*[=＝]\s*(-?\d+(?:\.\d+)?)\s*(\S.*)?$/.exec(part);
        if (!m) return { error: { zh: `"${part}" 须写成 名称=数值 单位`, en: `"${part}" must be written name=value unit` } };
        out.push({ name: m[1]!.trim(), value: Number(m[2]), ...(m[3] ? { unit: m[3].trim() } : {}) });
      }
      return { value: out };
    }
    default: {
      const s = raw instanceof Date ? raw.toISOString() : typeof raw === 'object' && raw && 'text' in raw ? String((raw as { text: unknown }).text) : String(raw).trim();
      if (c.values && !c.values.includes(s)) return { error: { zh: `须为以下之一：${c.values.join('、')}`, en: `must be one of ${c.values.join(', ')}` } };
      return { value: s };
    }
  }
}

/** A data row → the step input object, with per-cell errors. */
export function rowToInput(columns: TemplateColumn[], cells: Map<TemplateColumn, unknown>): { input: Record<string, unknown>; errors: { column: TemplateColumn; zh: string; en: string }[] } {
  const input: Record<string, unknown> = {};
  const errs: { column: TemplateColumn; zh: string; en: string }[] = [];
  for (const c of columns) {
    const r = parseCell(c, cells.get(c));
    if (r.error) errs.push({ column: c, ...r.error });
    else if (r.value !== undefined) setPath(input, c.path, r.value);
    else if (c.required) errs.push({ column: c, zh: '必填', en: 'required' });
  }
  return { input, errors: errs };
}

/** The column an input path (from Zod or a service field error) belongs to. */
export function columnOfPath(columns: TemplateColumn[], path: string): TemplateColumn | undefined {
  return columns.find((c) => c.path === path) ?? columns.find((c) => path.startsWith(`${c.path}.`) || c.path.startsWith(`${path}.`));
}

// ------------------------------------------------------------------ steps with lists (disassembly, reassembly)

/**
 * Disassembly and reassembly have a list (parts, inputs): one row per list item, rows of one step grouped by a
 * group column (the core's EPC; a product reference of the file's own). Step-level columns are read from the
 * group's first row that fills them.
 */
export interface GroupedTemplate {
  /** the column that groups rows into one step (its path is also an input path when `groupIsInput`) */
  group: TemplateColumn;
  groupIsInput: boolean;
  head: TemplateColumn[];
  /** input path of the list ("parts", "inputs") */
  itemsPath: string;
  /** item columns; `path` is relative to an item, shown as itemsPath.path */
  item: TemplateColumn[];
}

export const GROUPED_TEMPLATES = {
  disassembly: {
    group: col('coreEpc', '旧件编码', 'Core EPC', true, 'urn:reman-platform:core:XXXXXX.1'),
    groupIsInput: true,
    head: [site, time, note],
    itemsPath: 'parts',
    item: [col('name', '零件名称', 'Part name', true, '缸体'), col('epc', '零件编码（可空，平台分配）', 'Part EPC (optional)', false, ''), col('partNo', '零件号', 'Part number', false, 'WD615-1002')],
  },
  reassembly: {
    group: col('productRef', '产品组号（本文件内自定）', 'Product group (this file)', true, 'P1'),
    groupIsInput: false,
    head: [
      col('name', '产品名称', 'Product name', true, '再制造柴油发动机'),
      col('model', '型号', 'Model', false, 'WD615-R'),
      col('gtin', 'GTIN', 'GTIN', false, ''),
      col('serial', '序列号（可空）', 'Serial (optional)', false, ''),
      col('standardNo', '产品标准号', 'Product standard', false, 'GB/T 28672-2012'),
      col('warrantyMonths', '质保期（月）', 'Warranty (months)', false, '12', 'number'),
      col('productionDate', '生产日期', 'Production date', false, '2026-03-01', 'date'),
      site,
      time,
      note,
    ],
    itemsPath: 'inputs',
    item: [
      col('name', '零件名称', 'Part name', true, '缸体'),
      col('origin', '零件来源', 'Origin', true, 'reused', 'text', ['reused', 'remanufactured', 'new']),
      col('epc', '零件编码', 'Part EPC', false, 'urn:reman-platform:part:XXXXXX.2'),
      col('epcClass', '新件批次（epcClass）', 'Lot (epcClass)', false, ''),
      col('quantity', '数量', 'Quantity', false, '1', 'number'),
      col('massKg', '单件质量（kg）', 'Mass per unit (kg)', true, '300', 'number'),
      col('valueCny', '单件价值（元，同等新件价格）', 'Value per unit (CNY, new-part price)', true, '20000', 'number'),
    ],
  },
} as const satisfies Record<string, GroupedTemplate>;
export type GroupedStep = keyof typeof GROUPED_TEMPLATES;
export const GROUPED_STEPS = Object.keys(GROUPED_TEMPLATES) as GroupedStep[];

/** Every column of a grouped template, item columns shown with their list path. */
const groupedCache = new WeakMap<GroupedTemplate, TemplateColumn[]>();
export function groupedColumns(t: GroupedTemplate): TemplateColumn[] {
  // the same column objects every time: they are used as Map keys for the cells of a row
  let cols = groupedCache.get(t);
  if (!cols) {
    cols = [t.group, ...t.head, ...t.item.map((c) => ({ ...c, path: `${t.itemsPath}.${c.path}` }))];
    groupedCache.set(t, cols);
  }
  return cols;
}

/**
 * Rows → one input per group; errors name the row and column. `rowNumbers[i]` is the sheet row of rows[i].
 * Returns per group the input and the sheet rows of its items (to map later issues back to cells).
 */
export function groupRows(t: GroupedTemplate, rows: Map<TemplateColumn, unknown>[], rowNumbers: number[]) {
  const cols = groupedColumns(t);
  const errs: { row: number; column: TemplateColumn; zh: string; en: string }[] = [];
  const groups = new Map<string, { rows: number[]; values: Map<TemplateColumn, unknown>[] }>();
  rows.forEach((cells, i) => {
    const parsed = new Map<TemplateColumn, unknown>();
    let ok = true;
    for (const c of cols) {
      const r = parseCell(c, cells.get(c));
      if (r.error) {
        errs.push({ row: rowNumbers[i]!, column: c, ...r.error });
        ok = false;
      } else if (r.value !== undefined) parsed.set(c, r.value);
      else if (c.required && (c === t.group || cols.indexOf(c) > t.head.length)) {
        errs.push({ row: rowNumbers[i]!, column: c, zh: '必填', en: 'required' });
        ok = false;
      }
    }
    const key = parsed.get(t.group);
    if (!ok || key === undefined) return;
    const g = groups.get(String(key)) ?? { rows: [], values: [] };
    g.rows.push(rowNumbers[i]!);
    g.values.push(parsed);
    groups.set(String(key), g);
  });
  const out: { input: Record<string, unknown>; rows: number[] }[] = [];
  for (const [key, g] of groups) {
    const input: Record<string, unknown> = {};
    if (t.groupIsInput) setPath(input, t.group.path, key);
    for (const c of t.head) {
      const v = g.values.find((vals) => vals.has(c))?.get(c);
      if (v !== undefined) setPath(input, c.path, v);
      else if (c.required) errs.push({ row: g.rows[0]!, column: c, zh: '必填（本组至少一行填写）', en: 'required (in at least one row of the group)' });
    }
    const itemCols = cols.slice(1 + t.head.length);
    input[t.itemsPath] = g.values.map((vals) => {
      const item: Record<string, unknown> = {};
      itemCols.forEach((c, n) => {
        const v = vals.get(c);
        if (v !== undefined) item[t.item[n]!.path] = v;
      });
      return item;
    });
    out.push({ input, rows: g.rows });
  }
  return { groups: out, errors: errs };
}

/** The sheet row and column of an input path of a grouped step ("inputs.3.massKg" → the group's 4th row). */
export function locateGrouped(t: GroupedTemplate, group: { rows: number[] }, path: string): { row: number; column: TemplateColumn | undefined } {
  const cols = groupedColumns(t);
  const m = new RegExp(`^${t.itemsPath}\\.(\\d+)(?:\\.(.+))?$`).exec(path);
  if (m) {
    const row = group.rows[Number(m[1])] ?? group.rows[0]!;
    return { row, column: m[2] ? cols.find((c) => c.path === `${t.itemsPath}.${m[2]}`) : undefined };
  }
  return { row: group.rows[0]!, column: cols.find((c) => c.path === path) ?? (path === t.itemsPath ? cols[cols.length - 1] : undefined) };
}
