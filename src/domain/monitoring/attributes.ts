/**
 * Device attributes (issue 12 "Ingest": `…/attributes`, the device's latest state — firmware version, configuration,
 * location). Payload: a flat JSON object `{"<lowerCamelCase key>": string | number | boolean | null}`; null deletes
 * nothing, it records "unknown". Pure, never throws: a bad key or value is refused with a reason, the rest is kept.
 */
import type { PayloadError } from './payload.js';

export type AttributeValue = string | number | boolean | null;

export const MAX_ATTRIBUTES = 100;
const KEY = /^[a-z][A-Za-z0-9]{0,63}$/;

export function parseAttributes(body: string | Uint8Array): { attributes: Record<string, AttributeValue>; errors: PayloadError[] } {
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { attributes: {}, errors: [{ code: 'MALFORMED_JSON', message: '报文不是合法的 JSON', messageEn: 'The payload is not valid JSON' }] };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { attributes: {}, errors: [{ code: 'BAD_SHAPE', message: '属性报文须为 {"键": 值} 对象', messageEn: 'Attributes must be an object {"key": value}' }] };
  }
  const attributes: Record<string, AttributeValue> = {};
  const errors: PayloadError[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const k = key.slice(0, 64);
    if (!KEY.test(key)) {
      errors.push({ code: 'BAD_VALUE', message: `属性名 ${k} 须为小驼峰英文（至多 64 字符）`, messageEn: `Attribute name ${k} must be lowerCamelCase English (at most 64 characters)`, key: k });
      continue;
    }
    const ok = value === null || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.length <= 256);
    if (!ok) {
      errors.push({ code: 'BAD_VALUE', message: `属性 ${k} 的值须为数值、布尔值、null 或不超过 256 字符的字符串`, messageEn: `Attribute ${k} must be a number, a boolean, null or a string of at most 256 characters`, key: k });
      continue;
    }
    if (Object.keys(attributes).length >= MAX_ATTRIBUTES) {
      errors.push({ code: 'TOO_LARGE', message: `一条属性报文最多 ${MAX_ATTRIBUTES} 个属性`, messageEn: `At most ${MAX_ATTRIBUTES} attributes per message` });
      break;
    }
    attributes[key] = value as AttributeValue;
  }
  return { attributes, errors };
}
