/**
 * The SimpleEventQuery parameters of the EPCIS 2.0 REST binding (EPCIS 2.0 §8.2.7.1 and the REST binding's
 * query-schema.json), parsed into a typed filter. Values separated by '|' are ORed; distinct parameters are
 * ANDed; an unknown parameter is refused (§8.2.7.1: "QueryParameterException … if any parameter name is not
 * recognised"). Vocabulary values are compared in their canonical form (normalizeVocabulary). Pure, no I/O.
 */
import type { EpcRole, RefKind } from './normalize.js';
import { EPCIS_EVENT_TYPES, type EpcisEventType } from './types.js';
import { normalizeVocabulary } from './vocabulary-normalize.js';

export interface EpcMatch {
  roles: EpcRole[];
  /** exact identifiers */
  values: string[];
  /** prefixes from EPC pattern URIs (urn:epc:idpat:sgtin:0614141.107346.* → urn:epc:id:sgtin:0614141.107346.) */
  prefixes: string[];
}

export interface RefMatch {
  kind: RefKind;
  type: string;
  values: string[];
}

export interface EventQuery {
  eventTypes?: EpcisEventType[];
  geEventTime?: string;
  ltEventTime?: string;
  geRecordTime?: string;
  ltRecordTime?: string;
  actions?: string[];
  bizSteps?: string[];
  dispositions?: string[];
  readPoints?: string[];
  bizLocations?: string[];
  transformationIds?: string[];
  eventIds?: string[];
  existsErrorDeclaration?: boolean;
  matches: EpcMatch[];
  refs: RefMatch[];
  orderBy: 'eventTime' | 'recordTime';
  orderDirection: 'ASC' | 'DESC';
  perPage: number;
  nextPageToken?: string;
}

export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 1000;

const MATCH_ROLES: Record<string, EpcRole[]> = {
  MATCH_epc: ['epc', 'child'],
  MATCH_parentID: ['parent'],
  MATCH_inputEPC: ['input'],
  MATCH_outputEPC: ['output'],
  MATCH_anyEPC: ['epc', 'parent', 'child', 'input', 'output'],
  MATCH_epcClass: ['quantity', 'child_quantity'],
  MATCH_inputEPCClass: ['input_quantity'],
  MATCH_outputEPCClass: ['output_quantity'],
  MATCH_anyEPCClass: ['quantity', 'child_quantity', 'input_quantity', 'output_quantity'],
};

export type QueryParseResult = { ok: true; query: EventQuery } | { ok: false; param: string; message: string; messageZh: string };

const split = (v: string) => v.split('|').map((s) => s.trim()).filter(Boolean);

/** ISO 8601 with offset; a '+' decoded to ' ' by a sloppy client is repaired. */
function parseTime(v: string): string | null {
  const s = v.trim().replace(' ', '+');
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(s)) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function patternPrefix(v: string): string | null {
  if (!v.startsWith('urn:epc:idpat:')) return null;
  const rest = `urn:epc:id:${v.slice('urn:epc:idpat:'.length)}`;
  const star = rest.indexOf('*');
  return star === -1 ? rest : rest.slice(0, star);
}

export function parseEventQuery(params: Record<string, string | string[] | undefined>): QueryParseResult {
  const q: EventQuery = { matches: [], refs: [], orderBy: 'eventTime', orderDirection: 'ASC', perPage: DEFAULT_PER_PAGE };
  const fail = (param: string, message: string, messageZh: string): QueryParseResult => ({ ok: false, param, message, messageZh });
  for (const [name, raw] of Object.entries(params)) {
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join('|') : raw;
    const values = split(value);
    const time = (): string | QueryParseResult => {
      const t = parseTime(value);
      return t ?? fail(name, `${name} must be an ISO 8601 date-time with offset, e.g. 2026-01-01T00:00:00Z`, `${name} 须为带时区的 ISO 8601 时间，如 2026-01-01T00:00:00Z`);
    };
    switch (name) {
      case 'eventType': {
        const bad = values.find((v) => !(EPCIS_EVENT_TYPES as readonly string[]).includes(v));
        if (bad) return fail(name, `unknown event type ${bad}`, `未知的事件类型 ${bad}`);
        q.eventTypes = values as EpcisEventType[];
        break;
      }
      case 'GE_eventTime':
      case 'LT_eventTime':
      case 'GE_recordTime':
      case 'LT_recordTime': {
        const t = time();
        if (typeof t !== 'string') return t;
        const key = ({ GE_eventTime: 'geEventTime', LT_eventTime: 'ltEventTime', GE_recordTime: 'geRecordTime', LT_recordTime: 'ltRecordTime' } as const)[name];
        q[key] = t;
        break;
      }
      case 'EQ_action': {
        const bad = values.find((v) => !['ADD', 'OBSERVE', 'DELETE'].includes(v));
        if (bad) return fail(name, `action must be ADD, OBSERVE or DELETE, got ${bad}`, `action 须为 ADD、OBSERVE 或 DELETE，实际为 ${bad}`);
        q.actions = values;
        break;
      }
      case 'EQ_bizStep':
        q.bizSteps = values.map((v) => normalizeVocabulary('bizStep', v));
        break;
      case 'EQ_disposition':
        q.dispositions = values.map((v) => normalizeVocabulary('disposition', v));
        break;
      case 'EQ_readPoint':
        q.readPoints = values;
        break;
      case 'EQ_bizLocation':
        q.bizLocations = values;
        break;
      case 'EQ_transformationID':
        q.transformationIds = values;
        break;
      case 'EQ_eventID':
        q.eventIds = values;
        break;
      case 'EXISTS_errorDeclaration':
        q.existsErrorDeclaration = true;
        break;
      case 'orderBy':
        if (value !== 'eventTime' && value !== 'recordTime') return fail(name, 'orderBy must be eventTime or recordTime', 'orderBy 须为 eventTime 或 recordTime');
        q.orderBy = value;
        break;
      case 'orderDirection':
        if (value !== 'ASC' && value !== 'DESC') return fail(name, 'orderDirection must be ASC or DESC', 'orderDirection 须为 ASC 或 DESC');
        q.orderDirection = value;
        break;
      case 'perPage': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1 || n > MAX_PER_PAGE) return fail(name, `perPage must be an integer from 1 to ${MAX_PER_PAGE}`, `perPage 须为 1 至 ${MAX_PER_PAGE} 的整数`);
        q.perPage = n;
        break;
      }
      case 'nextPageToken':
        q.nextPageToken = value;
        break;
      default: {
        if (name in MATCH_ROLES) {
          if (!values.length) return fail(name, `${name} needs at least one value`, `${name} 至少需要一个值`);
          const prefixes = values.map(patternPrefix).filter((p): p is string => p !== null);
          q.matches.push({ roles: MATCH_ROLES[name]!, values: values.filter((v) => !v.startsWith('urn:epc:idpat:')), prefixes });
          break;
        }
        const ref = /^EQ_(bizTransaction|source|destination)_(.+)$/.exec(name);
        if (ref) {
          const kind = ref[1] as RefKind;
          const type = normalizeVocabulary(kind === 'bizTransaction' ? 'bizTransactionType' : 'sourceDestType', ref[2]!);
          if (!values.length) return fail(name, `${name} needs at least one value`, `${name} 至少需要一个值`);
          q.refs.push({ kind, type, values });
          break;
        }
        return fail(name, `unknown query parameter ${name}`, `不支持的查询参数 ${name}`);
      }
    }
  }
  return { ok: true, query: q };
}
