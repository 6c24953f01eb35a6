/**
 * 远程诊断 — remote commands to a device (issue 12 "Diagnosis and warranty cases": request/response over MQTT with a
 * timeout, audited). Pure: which methods a device accepts, whether the parameters are valid, and the command's life
 * (sent → replied | failed | timeout). No I/O.
 *
 * The methods a device accepts come from its thing model's kind (engine, hydraulic pump: the template's commands)
 * or, for a hand-made model or none, the default list. A method outside the list or a parameter outside its spec is
 * refused before anything is sent (a 400 naming the field).
 */
import type { ProductKind } from './cases.js';

export interface CommandParam {
  name: string;
  type: 'integer' | 'number' | 'boolean' | 'string';
  required: boolean;
  min?: number;
  max?: number;
  /** the allowed values of a string parameter */
  values?: readonly string[];
  label: { zh: string; en: string };
}

export interface CommandSpec {
  method: string;
  label: { zh: string; en: string };
  params: readonly CommandParam[];
}

/** Every connected device answers these (docs/monitoring.md "Remote commands"). */
export const DEFAULT_COMMANDS: readonly CommandSpec[] = [
  { method: 'getDiagnostics', label: { zh: '读取诊断信息', en: 'Read diagnostics' }, params: [] },
  { method: 'getConfig', label: { zh: '读取配置', en: 'Read configuration' }, params: [] },
  {
    method: 'setReportInterval',
    label: { zh: '设置上报间隔', en: 'Set the report interval' },
    params: [{ name: 'seconds', type: 'integer', required: true, min: 1, max: 3600, label: { zh: '间隔（秒）', en: 'Interval (s)' } }],
  },
  {
    method: 'reboot',
    label: { zh: '重启终端', en: 'Reboot the terminal' },
    params: [{ name: 'delaySec', type: 'integer', required: false, min: 0, max: 300, label: { zh: '延时（秒）', en: 'Delay (s)' } }],
  },
];

const FAULT_CODES: CommandSpec[] = [
  { method: 'readFaultCodes', label: { zh: '读取故障码', en: 'Read fault codes' }, params: [] },
  {
    method: 'clearFaultCodes',
    label: { zh: '清除故障码', en: 'Clear fault codes' },
    params: [{ name: 'confirm', type: 'boolean', required: true, label: { zh: '确认清除', en: 'Confirm' } }],
  },
];

/** The commands of a product kind: the default list plus those of its template. */
export const KIND_COMMANDS: Record<ProductKind, readonly CommandSpec[]> = {
  engine: [
    ...DEFAULT_COMMANDS,
    ...FAULT_CODES,
    {
      method: 'runSelfTest',
      label: { zh: '执行自检', en: 'Run a self-test' },
      params: [{ name: 'test', type: 'string', required: true, values: ['sensors', 'injectors', 'cooling'], label: { zh: '自检项目', en: 'Test' } }],
    },
  ],
  hydraulicPump: [
    ...DEFAULT_COMMANDS,
    ...FAULT_CODES,
    {
      method: 'runSelfTest',
      label: { zh: '执行自检', en: 'Run a self-test' },
      params: [{ name: 'test', type: 'string', required: true, values: ['sensors', 'pressureSweep'], label: { zh: '自检项目', en: 'Test' } }],
    },
  ],
  other: DEFAULT_COMMANDS,
};

export const commandsFor = (kind: ProductKind): readonly CommandSpec[] => KIND_COMMANDS[kind];

export interface FieldProblem {
  field: string;
  message: string;
  messageEn: string;
}

/** The parameters checked against the method's spec: the clean parameters, or the problems (field `method` / `params.<name>`). */
export function checkCommand(specs: readonly CommandSpec[], method: string, params: Record<string, unknown>): { ok: true; spec: CommandSpec; params: Record<string, number | boolean | string> } | { ok: false; problems: FieldProblem[] } {
  const spec = specs.find((s) => s.method === method);
  if (!spec) {
    return { ok: false, problems: [{ field: 'method', message: `该设备不接受命令 ${method.slice(0, 64)}（可用：${specs.map((s) => s.method).join('、')}）`, messageEn: `the device does not accept ${method.slice(0, 64)} (allowed: ${specs.map((s) => s.method).join(', ')})` }] };
  }
  const problems: FieldProblem[] = [];
  const out: Record<string, number | boolean | string> = {};
  for (const name of Object.keys(params)) {
    if (!spec.params.some((p) => p.name === name)) problems.push({ field: `params.${name.slice(0, 64)}`, message: `命令 ${method} 没有该参数`, messageEn: `${method} takes no such parameter` });
  }
  for (const p of spec.params) {
    const v = params[p.name];
    const field = `params.${p.name}`;
    if (v === undefined || v === null) {
      if (p.required) problems.push({ field, message: '必填', messageEn: 'is required' });
      continue;
    }
    if (p.type === 'boolean') {
      if (typeof v !== 'boolean') problems.push({ field, message: '应为 true 或 false', messageEn: 'must be true or false' });
      else out[p.name] = v;
    } else if (p.type === 'string') {
      if (typeof v !== 'string' || v.length > 256) problems.push({ field, message: '应为文本（≤256 字符）', messageEn: 'must be text (≤ 256 characters)' });
      else if (p.values && !p.values.includes(v)) problems.push({ field, message: `应为 ${p.values.join('、')} 之一`, messageEn: `must be one of ${p.values.join(', ')}` });
      else out[p.name] = v;
    } else {
      if (typeof v !== 'number' || !Number.isFinite(v) || (p.type === 'integer' && !Number.isInteger(v))) {
        problems.push({ field, message: p.type === 'integer' ? '应为整数' : '应为数值', messageEn: p.type === 'integer' ? 'must be an integer' : 'must be a number' });
      } else if ((p.min !== undefined && v < p.min) || (p.max !== undefined && v > p.max)) {
        problems.push({ field, message: `应在 ${p.min ?? '-∞'}–${p.max ?? '∞'} 之间`, messageEn: `must be between ${p.min ?? '-∞'} and ${p.max ?? '∞'}` });
      } else out[p.name] = v;
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, spec, params: out };
}

export type CommandState = 'sent' | 'replied' | 'failed' | 'timeout';
export const COMMAND_STATES: readonly { value: CommandState; zh: string; en: string }[] = [
  { value: 'sent', zh: '已发送，等待应答', en: 'Sent, awaiting the reply' },
  { value: 'replied', zh: '已应答', en: 'Replied' },
  { value: 'failed', zh: '设备报告失败', en: 'The device reported a failure' },
  { value: 'timeout', zh: '超时未应答', en: 'No reply in time' },
];

/**
 * A device's reply (`…/replies/{requestId}`): `{"ok": true, "result": {…}}` or `{"ok": false, "error": "…"}`.
 * Anything else (not JSON, another shape) is kept as a failure naming why, so the case shows what came back.
 */
export function parseReply(payload: Buffer | string): { state: 'replied' | 'failed'; reply: unknown; error: string | null } {
  const text = payload.toString();
  if (text.length > 16_384) return { state: 'failed', reply: null, error: 'reply over 16 KiB' };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { state: 'failed', reply: { raw: text.slice(0, 512) }, error: 'reply is not JSON' };
  }
  if (!v || typeof v !== 'object' || Array.isArray(v) || typeof (v as { ok?: unknown }).ok !== 'boolean') return { state: 'failed', reply: v, error: 'reply without "ok": true|false' };
  const r = v as { ok: boolean; result?: unknown; error?: unknown };
  return r.ok ? { state: 'replied', reply: r.result ?? null, error: null } : { state: 'failed', reply: r.result ?? null, error: typeof r.error === 'string' ? r.error.slice(0, 500) : 'failed' };
}
