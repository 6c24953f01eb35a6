/**
 * Telemetry payloads (issue 12 "Ingest"): `{"ts": <epoch ms | ISO 8601>, "values": {"<key>": number|boolean|string}}`
 * or an array of such, the same over MQTT and HTTP. Parsing never throws: a bad entry or value is refused with a
 * reason and the rest is kept, so bad input never stops ingestion. Pure: the caller passes the receive time.
 */
import type { Value } from './thing-model.js';

export interface Point {
  /** epoch ms */
  ts: number;
  key: string;
  value: Value;
}

export type PayloadErrorCode = 'MALFORMED_JSON' | 'BAD_SHAPE' | 'BAD_TS' | 'FUTURE_TS' | 'TOO_OLD' | 'BAD_VALUE' | 'TOO_LARGE';

export interface PayloadError {
  code: PayloadErrorCode;
  message: string;
  messageEn: string;
  /** the entry's index in an array payload */
  index?: number;
  key?: string;
}

export interface ParseOptions {
  /** receive time, epoch ms */
  now: number;
  /** a point later than now + this is refused (device clock wrong); default 10 minutes */
  maxFutureMs?: number;
  /** a point older than now − this is refused (beyond raw retention); default 30 days */
  maxAgeMs?: number;
  /** most points in one message; default 10,000 */
  maxPoints?: number;
}

export interface Parsed {
  points: Point[];
  errors: PayloadError[];
}

export const DEFAULT_MAX_FUTURE_MS = 10 * 60_000;
export const MAX_STRING_VALUE = 256;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** epoch ms of a payload timestamp, or null when it is neither epoch ms nor an ISO 8601 date-time with offset. */
export function parseTs(ts: unknown): number | null {
  if (typeof ts === 'number') return Number.isSafeInteger(ts) && ts > 0 ? ts : null;
  if (typeof ts === 'string') {
    if (/^\d{10,15}$/.test(ts)) return Number(ts);
    if (!ISO.test(ts)) return null;
    const t = Date.parse(ts);
    return Number.isFinite(t) ? t : null;
  }
  return null;
}

const err = (code: PayloadErrorCode, message: string, messageEn: string, extra: Partial<PayloadError> = {}): PayloadError => ({ code, message, messageEn, ...extra });

/** Parse a message body (bytes or text as received, or an already-decoded JSON value). */
export function parsePayload(body: string | Uint8Array | unknown, opts: ParseOptions): Parsed {
  let data: unknown = body;
  if (typeof body === 'string' || body instanceof Uint8Array) {
    const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
    try {
      data = JSON.parse(text);
    } catch {
      return { points: [], errors: [err('MALFORMED_JSON', '报文不是合法的 JSON', 'The payload is not valid JSON')] };
    }
  }
  const maxFuture = opts.maxFutureMs ?? DEFAULT_MAX_FUTURE_MS;
  const maxAge = opts.maxAgeMs ?? 30 * 86_400_000;
  const maxPoints = opts.maxPoints ?? 10_000;
  const entries = Array.isArray(data) ? data : [data];
  const many = Array.isArray(data);
  const points: Point[] = [];
  const errors: PayloadError[] = [];
  if (entries.length === 0) errors.push(err('BAD_SHAPE', '报文为空数组', 'The payload is an empty array'));
  entries.forEach((e, i) => {
    const at = many ? { index: i } : {};
    if (!e || typeof e !== 'object' || Array.isArray(e)) {
      errors.push(err('BAD_SHAPE', '每条记录须为 {"ts","values"} 对象', 'Each entry must be an object {"ts","values"}', at));
      return;
    }
    const { ts: rawTs, values } = e as { ts?: unknown; values?: unknown };
    const ts = parseTs(rawTs);
    if (ts === null) {
      errors.push(err('BAD_TS', 'ts 须为毫秒时间戳或带时区的 ISO 8601 时间', 'ts must be epoch milliseconds or an ISO 8601 date-time with an offset', at));
      return;
    }
    if (ts > opts.now + maxFuture) {
      errors.push(err('FUTURE_TS', `ts ${new Date(ts).toISOString()} 晚于当前时间超过 ${maxFuture / 60_000} 分钟（设备时钟有误？）`, `ts ${new Date(ts).toISOString()} is more than ${maxFuture / 60_000} minutes in the future (device clock?)`, at));
      return;
    }
    if (ts < opts.now - maxAge) {
      errors.push(err('TOO_OLD', `ts ${new Date(ts).toISOString()} 早于原始数据保留期`, `ts ${new Date(ts).toISOString()} is older than the raw-data retention`, at));
      return;
    }
    if (!values || typeof values !== 'object' || Array.isArray(values)) {
      errors.push(err('BAD_SHAPE', 'values 须为 {"键": 值} 对象', 'values must be an object {"key": value}', at));
      return;
    }
    for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
      const ok =
        (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean' || (typeof value === 'string' && value.length <= MAX_STRING_VALUE);
      if (!ok) {
        errors.push(err('BAD_VALUE', `${key.slice(0, 64)} 的值须为有限数值、布尔值或不超过 ${MAX_STRING_VALUE} 字符的字符串`, `${key.slice(0, 64)} must be a finite number, a boolean or a string of at most ${MAX_STRING_VALUE} characters`, { ...at, key: key.slice(0, 64) }));
        continue;
      }
      if (points.length >= maxPoints) {
        errors.push(err('TOO_LARGE', `一条报文最多 ${maxPoints} 个数据点`, `At most ${maxPoints} points per message`, at));
        return;
      }
      points.push({ ts, key, value: value as Value });
    }
  });
  return { points, errors };
}
