/**
 * The EPCIS Event Hash ID of CBV 2.0 §8.9: a syntax-independent identifier for an event captured without an
 * eventID, `ni:///sha-256;<hex>?ver=CBV2.0` (RFC 6920 "ni" URI). The pre-hash string concatenates the event's
 * fields in the canonical property order (eventType, eventTime, eventTimeZoneOffset, epcList, parentID,
 * inputEPCList, childEPCs, quantityList, childQuantityList, inputQuantityList, outputEPCList,
 * outputQuantityList, action, transformationID, bizStep, disposition, persistentDisposition, readPoint,
 * bizLocation, bizTransactionList, sourceList, destinationList, sensorElementList, ilmd, user extensions) with
 * these rules: key=value pairs without separators; list names once, list members sorted (case-sensitive,
 * code-point order); a type follows its value before sorting; timestamps in UTC with milliseconds and 'Z';
 * numbers without trailing zeros; standard CBV values as GS1 Web URIs (https://ref.gs1.org/cbv/…); CURIEs
 * expanded; EPC URIs (urn:epc:id / urn:epc:class / urn:epc:idpat) as canonical GS1 Digital Link URIs
 * (https://id.gs1.org/…); Digital Link URIs constrained to id.gs1.org without query string; ILMD and
 * extension elements as {namespace}localName=value, sorted.
 *
 * Pure, no I/O. Verified against the reference implementation's published example (test/domain/epcis-hash-id.test.ts).
 * Known simplifications (documented in docs/epcis.md): the Digital Link conversion covers the EPC schemes
 * sgtin, sscc, sgln, grai, giai, gsrn, gsrnp, gdti, sgcn, ginc, gsin, pgln, cpi, lgtin and sgtin patterns;
 * other URNs are kept as given.
 */
import { createHash } from 'node:crypto';
import { webUri, type VocabularyKind } from './vocabulary-normalize.js';

type Json = Record<string, unknown>;

// ---- GS1 keys -------------------------------------------------------------------------------------------

/** GS1 General Specifications §7.9.1: mod-10 check digit (weights 3,1 from the right). */
export function gs1CheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(digits.length - 1 - i) - 48;
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return String((10 - (sum % 10)) % 10);
}

const DL = 'https://id.gs1.org';
const enc = (s: string) => encodeURIComponent(decodeURIComponent(s)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Tag Data Standard §6 EPC URI → canonical GS1 Digital Link URI, or null when the scheme is not covered. */
export function epcUriToDigitalLink(uri: string): string | null {
  const m = /^urn:epc:(id|class|idpat):([a-z]+):(.*)$/.exec(uri);
  if (!m) return null;
  const [, kind, scheme, rest] = m as unknown as [string, string, string, string];
  const parts = rest.split('.');
  const gtin = (cp: string, itemRef: string) => {
    const body = itemRef.slice(0, 1) + cp + itemRef.slice(1);
    return body + gs1CheckDigit(body);
  };
  const gln = (cp: string, loc: string) => cp + loc + gs1CheckDigit(cp + loc);
  if (kind === 'id') {
    switch (scheme) {
      case 'sgtin':
        return parts.length === 3 ? `${DL}/01/${gtin(parts[0]!, parts[1]!)}/21/${enc(parts[2]!)}` : null;
      case 'sscc': {
        if (parts.length !== 2) return null;
        const body = parts[1]!.slice(0, 1) + parts[0]! + parts[1]!.slice(1);
        return `${DL}/00/${body}${gs1CheckDigit(body)}`;
      }
      case 'sgln': {
        if (parts.length !== 3) return null;
        const g = gln(parts[0]!, parts[1]!);
        return parts[2] === '0' || parts[2] === '' ? `${DL}/414/${g}` : `${DL}/414/${g}/254/${enc(parts[2]!)}`;
      }
      case 'pgln':
        return parts.length === 2 ? `${DL}/417/${gln(parts[0]!, parts[1]!)}` : null;
      case 'grai': {
        if (parts.length !== 3) return null;
        const body = '0' + parts[0]! + parts[1]!;
        return `${DL}/8003/${body}${gs1CheckDigit(body)}${enc(parts[2]!)}`;
      }
      case 'giai':
        return parts.length === 2 ? `${DL}/8004/${parts[0]!}${enc(parts[1]!)}` : null;
      case 'gsrn':
      case 'gsrnp': {
        if (parts.length !== 2) return null;
        const body = parts[0]! + parts[1]!;
        return `${DL}/${scheme === 'gsrn' ? '8018' : '8017'}/${body}${gs1CheckDigit(body)}`;
      }
      case 'gdti':
      case 'sgcn': {
        if (parts.length !== 3) return null;
        const body = parts[0]! + parts[1]!;
        return `${DL}/${scheme === 'gdti' ? '253' : '255'}/${body}${gs1CheckDigit(body)}${enc(parts[2]!)}`;
      }
      case 'ginc':
        return parts.length === 2 ? `${DL}/401/${parts[0]!}${enc(parts[1]!)}` : null;
      case 'gsin': {
        if (parts.length !== 2) return null;
        const body = parts[0]! + parts[1]!;
        return `${DL}/402/${body}${gs1CheckDigit(body)}`;
      }
      case 'cpi':
        return parts.length === 3 ? `${DL}/8010/${parts[0]!}${enc(parts[1]!)}/8011/${parts[2]!}` : null;
      default:
        return null;
    }
  }
  if (kind === 'class' && scheme === 'lgtin' && parts.length === 3) return `${DL}/01/${gtin(parts[0]!, parts[1]!)}/10/${enc(parts[2]!)}`;
  if ((kind === 'idpat' && scheme === 'sgtin' && parts.length === 3 && parts[2] === '*') || (kind === 'class' && scheme === 'sgtin' && parts.length === 2)) {
    return `${DL}/01/${gtin(parts[0]!, parts[1]!)}`;
  }
  return null;
}

/** AIs a constrained Digital Link URI keeps (CBV 2.0 §8.9 rule 18). */
const KEPT_PATHS: string[][] = [['00'], ['01', '21'], ['01', '10'], ['01', '235'], ['01'], ['253'], ['255'], ['401'], ['402'], ['414', '254'], ['414'], ['417'], ['8003'], ['8004'], ['8006', '21'], ['8006', '10'], ['8006'], ['8010', '8011'], ['8010'], ['8017'], ['8018']];

function constrainDigitalLink(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  const segs = url.pathname.split('/').filter(Boolean);
  // find the primary key AI in the path (a custom domain may carry a path prefix)
  for (let i = 0; i + 1 < segs.length; i += 1) {
    const ai = segs[i]!;
    const path = KEPT_PATHS.find((p) => p[0] === ai && p.every((k, j) => segs[i + 2 * j] === k && segs[i + 2 * j + 1] !== undefined));
    if (!path) continue;
    const out: string[] = [];
    path.forEach((k, j) => out.push(k, segs[i + 2 * j + 1]!));
    let key = out[1]!;
    if (ai === '01' && /^\d{8,14}$/.test(key)) key = key.padStart(14, '0');
    out[1] = key;
    return `${DL}/${out.join('/')}`;
  }
  return null;
}

/** An identifier as it enters the pre-hash string (rules 17, 18). */
export function canonicalIdentifier(v: string): string {
  const s = v.trim();
  if (s.startsWith('urn:epc:')) return epcUriToDigitalLink(s) ?? s;
  if (/^https?:\/\//.test(s) && /\/(00|01|253|255|401|402|414|417|8003|8004|8006|8010|8017|8018)\//.test(s)) return constrainDigitalLink(s) ?? s;
  return s;
}

// ---- values ---------------------------------------------------------------------------------------------

/** Rules 8, 9: UTC, milliseconds (rounded half up from the 4th decimal), 'Z'. */
export function canonicalTime(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/i.exec(value.trim());
  if (!m) return value.trim();
  const frac = m[2] ?? '';
  let ms = Number((frac + '000').slice(0, 3));
  if (frac.length > 3 && Number(frac[3]) >= 5) ms += 1;
  const base = Date.parse(`${m[1]}.000${m[3]!.toUpperCase() === 'Z' ? 'Z' : m[3]}`);
  return new Date(base + ms).toISOString();
}

/** Rule 6: numbers without trailing zeros. */
export function canonicalNumber(n: unknown): string {
  if (typeof n === 'number') return String(n);
  const s = String(n).trim();
  return /^-?\d+(\.\d+)?$/.test(s) ? String(Number(s)) : s;
}

const CURIE_BASES: Record<string, string> = { gs1: 'https://gs1.org/voc/', cbv: 'https://ref.gs1.org/cbv/', epcis: 'https://ref.gs1.org/epcis/' };

/** Rule 15: expand CURIEs with the standard prefixes and those declared in the @context. */
function expandCurie(v: string, ns: Record<string, string>): string {
  const m = /^([A-Za-z][\w.-]*):(?!\/\/)(.*)$/.exec(v);
  if (!m || m[1] === 'urn' || m[1] === 'http' || m[1] === 'https' || m[1] === 'geo' || m[1] === 'ni' || m[1] === 'did') return v;
  const base = ns[m[1]!] ?? CURIE_BASES[m[1]!];
  return base ? base + m[2] : v;
}

function vocab(kind: VocabularyKind, v: unknown, ns: Record<string, string>): string {
  return expandCurie(webUri(kind, String(v)), ns);
}

// ---- pre-hash -------------------------------------------------------------------------------------------

/** Namespaces declared in @context objects (document and event level). */
export function contextNamespaces(...contexts: unknown[]): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (c: unknown) => {
    if (Array.isArray(c)) c.forEach(visit);
    else if (c && typeof c === 'object') for (const [k, v] of Object.entries(c as Json)) if (typeof v === 'string') out[k] = v;
  };
  contexts.forEach(visit);
  return out;
}

const STANDARD_FIELDS = new Set([
  '@context', 'type', 'eventID', 'eventTime', 'eventTimeZoneOffset', 'recordTime', 'errorDeclaration', 'certificationInfo',
  'epcList', 'parentID', 'inputEPCList', 'childEPCs', 'quantityList', 'childQuantityList', 'inputQuantityList', 'outputEPCList',
  'outputQuantityList', 'action', 'transformationID', 'bizStep', 'disposition', 'persistentDisposition', 'readPoint', 'bizLocation',
  'bizTransactionList', 'sourceList', 'destinationList', 'sensorElementList', 'ilmd',
]);

const sortJoin = (items: string[]) => [...items].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join('');

/** Extension / ILMD element: {namespace}local=value; nested objects give their children sorted after the key. */
function extensionString(key: string, value: unknown, ns: Record<string, string>): string {
  const expanded = expandCurie(key, ns);
  let name = expanded;
  const cut = Math.max(expanded.lastIndexOf('#'), expanded.lastIndexOf('/'));
  if (cut > 0 && cut < expanded.length - 1) name = `{${expanded.slice(0, cut + 1)}}${expanded.slice(cut + 1)}`;
  if (Array.isArray(value)) return sortJoin(value.map((v) => extensionString(key, v, ns)));
  if (value && typeof value === 'object') {
    return name + sortJoin(Object.entries(value as Json).filter(([k]) => !k.startsWith('@')).map(([k, v]) => extensionString(k, v, ns)));
  }
  return `${name}=${typeof value === 'number' ? canonicalNumber(value) : String(value).trim()}`;
}

function quantityString(q: Json): string {
  let s = `epcClass=${canonicalIdentifier(String(q.epcClass))}`;
  if (q.quantity !== undefined) s += `quantity=${canonicalNumber(q.quantity)}`;
  if (q.uom !== undefined) s += `uom=${String(q.uom).trim()}`;
  return s;
}

const SENSOR_META = ['time', 'startTime', 'endTime', 'deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'bizRules'];
const SENSOR_REPORT = ['type', 'exception', 'deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'time', 'microorganism', 'chemicalSubstance', 'value', 'component', 'stringValue', 'booleanValue', 'hexBinaryValue', 'uriValue', 'minValue', 'maxValue', 'meanValue', 'sDev', 'percRank', 'percValue', 'uom', 'coordinateReferenceSystem'];
const TIME_KEYS = new Set(['time', 'startTime', 'endTime']);
const GS1_VOC_KEYS = new Set(['type', 'exception', 'component']);

function sensorPart(obj: Json, keys: string[], ns: Record<string, string>): string {
  let s = '';
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined || v === null) continue;
    let out: string;
    if (TIME_KEYS.has(k)) out = canonicalTime(String(v));
    else if (typeof v === 'number') out = canonicalNumber(v);
    else if (GS1_VOC_KEYS.has(k) && typeof v === 'string' && !v.includes(':')) out = `https://gs1.org/voc/${v}`;
    else if (typeof v === 'string') out = canonicalIdentifier(expandCurie(v, ns));
    else out = String(v);
    s += `${k}=${out}`;
  }
  const ext = Object.entries(obj).filter(([k]) => !keys.includes(k) && !k.startsWith('@'));
  return s + sortJoin(ext.map(([k, v]) => extensionString(k, v, ns)));
}

/** The canonical pre-hash string of an event (CBV 2.0 §8.9). `documentContext`: the enclosing document's @context. */
export function eventPreHashString(event: Json, documentContext?: unknown): string {
  const ns = contextNamespaces(documentContext, event['@context']);
  const parts: string[] = [];
  const add = (k: string, v: unknown) => {
    if (v !== undefined && v !== null) parts.push(`${k}=${String(v).trim()}`);
  };
  const ids = (k: string, list: unknown, item = 'epc') => {
    if (Array.isArray(list) && list.length) parts.push(k + sortJoin(list.map((e) => `${item}=${canonicalIdentifier(String(e))}`)));
  };
  const qty = (k: string, list: unknown) => {
    if (Array.isArray(list) && list.length) parts.push(k + sortJoin((list as Json[]).map(quantityString)));
  };
  add('eventType', event.type);
  if (event.eventTime !== undefined) add('eventTime', canonicalTime(String(event.eventTime)));
  add('eventTimeZoneOffset', event.eventTimeZoneOffset);
  ids('epcList', event.epcList);
  if (typeof event.parentID === 'string') add('parentID', canonicalIdentifier(event.parentID));
  ids('inputEPCList', event.inputEPCList);
  ids('childEPCs', event.childEPCs);
  qty('quantityList', event.quantityList);
  qty('childQuantityList', event.childQuantityList);
  qty('inputQuantityList', event.inputQuantityList);
  ids('outputEPCList', event.outputEPCList);
  qty('outputQuantityList', event.outputQuantityList);
  add('action', event.action);
  add('transformationID', typeof event.transformationID === 'string' ? canonicalIdentifier(event.transformationID) : undefined);
  if (event.bizStep !== undefined) add('bizStep', vocab('bizStep', event.bizStep, ns));
  if (event.disposition !== undefined) add('disposition', vocab('disposition', event.disposition, ns));
  const pd = event.persistentDisposition as Json | undefined;
  if (pd && typeof pd === 'object') {
    let s = 'persistentDisposition';
    for (const k of ['set', 'unset']) {
      const l = pd[k];
      if (Array.isArray(l) && l.length) s += sortJoin(l.map((d) => `${k}=${vocab('disposition', d, ns)}`));
    }
    parts.push(s);
  }
  for (const k of ['readPoint', 'bizLocation'] as const) {
    const loc = event[k] as Json | undefined;
    if (loc && typeof loc === 'object' && typeof loc.id === 'string') {
      const ext = Object.entries(loc).filter(([key]) => key !== 'id' && !key.startsWith('@'));
      parts.push(`${k}id=${canonicalIdentifier(loc.id)}` + sortJoin(ext.map(([key, v]) => extensionString(key, v, ns))));
    }
  }
  const typed = (listKey: string, list: unknown, idKey: string, kind: VocabularyKind) => {
    if (!Array.isArray(list) || !list.length) return;
    parts.push(
      listKey +
        sortJoin(
          (list as Json[]).map((e) => `${idKey}=${canonicalIdentifier(String(e[idKey]))}` + (e.type !== undefined ? `type=${vocab(kind, e.type, ns)}` : '')),
        ),
    );
  };
  typed('bizTransactionList', event.bizTransactionList, 'bizTransaction', 'bizTransactionType');
  typed('sourceList', event.sourceList, 'source', 'sourceDestType');
  typed('destinationList', event.destinationList, 'destination', 'sourceDestType');
  if (Array.isArray(event.sensorElementList) && event.sensorElementList.length) {
    parts.push(
      'sensorElementList' +
        sortJoin(
          (event.sensorElementList as Json[]).map((el) => {
            let s = 'sensorElement';
            if (el.sensorMetadata && typeof el.sensorMetadata === 'object') s += 'sensorMetadata' + sensorPart(el.sensorMetadata as Json, SENSOR_META, ns);
            if (Array.isArray(el.sensorReport)) s += sortJoin((el.sensorReport as Json[]).map((r) => 'sensorReport' + sensorPart(r, SENSOR_REPORT, ns)));
            const ext = Object.entries(el).filter(([k]) => k !== 'sensorMetadata' && k !== 'sensorReport' && !k.startsWith('@'));
            return s + sortJoin(ext.map(([k, v]) => extensionString(k, v, ns)));
          }),
        ),
    );
  }
  if (event.ilmd && typeof event.ilmd === 'object') {
    const ilmd = Object.entries(event.ilmd as Json).filter(([k]) => !k.startsWith('@'));
    if (ilmd.length) parts.push('ilmd' + sortJoin(ilmd.map(([k, v]) => extensionString(k, v, ns))));
  }
  const ext = Object.entries(event).filter(([k]) => !STANDARD_FIELDS.has(k) && !k.startsWith('@'));
  if (ext.length) parts.push(sortJoin(ext.map(([k, v]) => extensionString(k, v, ns))));
  return parts.join('');
}

export const HASH_ID_VERSION = 'CBV2.0';

/** `ni:///sha-256;<hex>?ver=CBV2.0` for an event without eventID. */
export function eventHashId(event: Json, documentContext?: unknown): string {
  const digest = createHash('sha256').update(eventPreHashString(event, documentContext), 'utf8').digest('hex');
  return `ni:///sha-256;${digest}?ver=${HASH_ID_VERSION}`;
}
