import { randomUUID } from 'node:crypto';
import { chainHash, contentHash, EVENT_CHAIN_GENESIS, type ChainedRow } from '../../../domain/epcis/chain.js';
import { eventHashId } from '../../../domain/epcis/hash-id.js';
import { epcIndexRows, isEventType, normalizeEvent, refIndexRows, type EpcRole, type NormalizedFields } from '../../../domain/epcis/normalize.js';
import { parseEventQuery, type EventQuery } from '../../../domain/epcis/query.js';
import type { StoredEvent } from '../../../domain/epcis/types.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import { DomainError, type FieldIssue } from '../../platform/errors.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import { authorizeCaptureInto, authorizedCaptureEnterprise, epcisEventsPolicy, epcisReadScope } from './epcis.policy.js';
import { authorize } from '../../platform/authorize.js';
import { epcisRepo, type EventRowInsert, type PageKey, type QueryRow, type Scope } from './epcis.repo.js';
import { presentCaptureJob, queryDocument } from './epcis.presenter.js';
import type { CaptureIssue, CaptureJob, ErrorBehaviour } from './epcis.schema.js';
import { EPCIS_CONTEXT, validateEpcis, type SchemaIssue } from './epcis.validator.js';

/**
 * The GS1 EPCIS 2.0 event repository: capture (validate → normalise → store → chain → listeners, in one
 * transaction), query (SimpleEventQuery) and read helpers for the modules built on top of it.
 *
 * Contract for other modules (src/server/modules/trace):
 *   onStored(listener)               listener(tx, events, batch) runs INSIDE the capture transaction, after the
 *                                    new events (including error declarations; never duplicates) are inserted;
 *                                    batch = { enterpriseId, firstSeq, lastSeq, readYourWrites } (seqs of the
 *                                    stream; readYourWrites: the caller reads derived data right after, i.e.
 *                                    captureInTx). A listener that throws rolls the whole capture back.
 *   onCommitted(listener)            listener(enterpriseId) runs AFTER a capture committed new events: /epcis
 *                                    itself, and captureInTx callers through committed() once their transaction
 *                                    has committed (a listener that deferred work in onStored picks it up here).
 *   committed(enterpriseId)          a captureInTx caller's transaction committed new events: run onCommitted.
 *   streamAfter(db, enterpriseId, afterSeq, limit)
 *                                    the stored events after afterSeq of ONE capture, in seq order, with seqs;
 *                                    streamKeysAfter: the same rows' seq, eventID, declaration flag, record time.
 *   streamHeads(db, enterpriseIds)   the last seq of each stream.
 *   captureInTx(tx, ctx, enterpriseId, events, opts?)
 *                                    validate (DomainError 400 naming eventList[i].field) + store + chain +
 *                                    listeners inside the caller's transaction; returns the newly stored events
 *                                    (duplicates of already stored events are skipped). ctx.principal must
 *                                    belong to enterpriseId, or be null (system: demo seeding, imports).
 *   capture(ctx, document, { errorBehaviour })     POST /epcis/capture
 *   captureEvent(ctx, event)                        POST /epcis/events
 *   query(ctx, params)                              GET /epcis/events (raw query-string params)
 *   getEvent(ctx, eventId)                          GET /epcis/events/{eventID}
 *   getCapture(ctx, captureId)                      GET /epcis/capture/{captureID}
 *   eventsByIdentifiers(identifiers, { roles?, enterpriseIds?, db? })
 *                                    internal read (no access check; callers apply their own policy): the
 *                                    visible events carrying any identifier (EPC, parentID, epcClass …) in
 *                                    the given roles (default: all), ordered by eventTime; a declared-erroneous
 *                                    event comes back with errorDeclaration set.
 *   eventsByIds(eventIds, { enterpriseIds?, db? })  internal read by eventID.
 *   readableEnterprises(principal)                  'all' | enterprise ids the principal may read.
 */

type Json = Record<string, unknown>;
export interface StoredBatch {
  enterpriseId: string;
  firstSeq: number;
  lastSeq: number;
  /** captureInTx: the caller reads what listeners derive right after (lifecycle forms, imports). */
  readYourWrites: boolean;
}
export type StoredListener = (tx: Db, events: StoredEvent[], batch: StoredBatch) => Promise<void>;
export type CommittedListener = (enterpriseId: string) => void;
export type { CaptureIssue, CaptureJob, ErrorBehaviour } from './epcis.schema.js';

/** Advertised in OPTIONS /epcis/capture (GS1-EPCIS-Capture-Limit, GS1-EPCIS-Capture-File-Size-Limit). */
export const CAPTURE_LIMIT = 20_000;
export const CAPTURE_FILE_SIZE_LIMIT = 64 * 1024 * 1024;

/** An event ready to store. contentHash and fields are computed lazily (in the pipelined insert loop). */
interface Prepared {
  index: number;
  eventId: string;
  isDeclaration: boolean;
  document: Json;
  hash?: string;
}
const digestOf = (p: Prepared) => (p.hash ??= contentHash(p.document));

/** Events per INSERT round; the next chunk is prepared in JS while the database stores the previous one. */
const PIPELINE_CHUNK = 2000;

export function epcisProblem(status: number, type: string, zh: string, en: string, details?: unknown) {
  return new DomainError(status, type, zh, en, details);
}

const issueField = (i: { pointer: string }) =>
  i.pointer
    .replace(/^\/epcisBody\/eventList\/(\d+)/, 'eventList[$1]')
    .replace(/^\//, '')
    .replace(/\/(\d+)(?=\/|$)/g, '[$1]')
    .replace(/\//g, '.') || '(document)';

function issuesError(issues: CaptureIssue[]): DomainError {
  const fields: FieldIssue[] = issues.slice(0, 50).map((i) => ({ field: issueField(i), message: i.messageZh, messageEn: i.message }));
  const more = issues.length > 50 ? ` (+${issues.length - 50} more)` : '';
  return new DomainError(
    400,
    'ValidationException',
    `EPCIS 文档校验失败：${fields.map((f) => `${f.field}：${f.message}`).join('；')}${more}`,
    `EPCIS validation failed: ${fields.map((f) => `${f.field}: ${f.messageEn}`).join('; ')}${more}`,
    fields,
  );
}

const fromSchema = (s: SchemaIssue): CaptureIssue => ({ eventIndex: s.eventIndex, pointer: s.pointer, message: s.message, messageZh: s.messageZh });

/** Stored event → the StoredEvent of the contract. */
function toStored(enterpriseId: string, eventId: string, recordTime: string, fields: NormalizedFields): StoredEvent {
  return { enterpriseId, eventId, recordTime, ...fields };
}

function rowToStored(r: QueryRow): StoredEvent {
  const fields = normalizeEvent(r.document);
  const stored = toStored(r.enterpriseId, r.eventId, new Date(r.recordTime).toISOString(), fields);
  if (r.declaration) stored.errorDeclaration = normalizeEvent(r.declaration).errorDeclaration;
  return stored;
}

function encodeToken(key: PageKey, q: EventQuery): string {
  const { nextPageToken: _t, ...rest } = q;
  return Buffer.from(JSON.stringify({ ...key, h: contentHash(rest).slice(0, 16) })).toString('base64url');
}
function decodeToken(token: string, q: EventQuery): PageKey {
  try {
    const v = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as PageKey & { h: string };
    const { nextPageToken: _t, ...rest } = q;
    if (typeof v.t !== 'string' || typeof v.e !== 'string' || typeof v.s !== 'number' || v.h !== contentHash(rest).slice(0, 16)) throw new Error('mismatch');
    return { t: v.t, e: v.e, s: v.s };
  } catch {
    throw epcisProblem(400, 'QueryParameterException', 'nextPageToken 无效，或与本次查询的其他参数不一致', 'nextPageToken is invalid or belongs to a query with other parameters', [
      { field: 'nextPageToken', message: '无效', messageEn: 'invalid' },
    ]);
  }
}

export function createEpcisService({ db, clock, enterprises }: { db: Db; clock: Clock; enterprises: Pick<EnterpriseService, 'idsInAuthority'> }) {
  const listeners: StoredListener[] = [];
  const committedListeners: CommittedListener[] = [];

  /** Validate a list of events as the eventList of a document; issues carry the event index. */
  function validateEvents(events: unknown[], documentContext: unknown): CaptureIssue[] {
    const res = validateEpcis({
      '@context': documentContext ?? EPCIS_CONTEXT,
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: clock.now().toISOString(),
      epcisBody: { eventList: events },
    });
    return res.ok ? [] : res.issues.map(fromSchema);
  }

  function prepare(events: Json[], indexes: number[], documentContext: unknown): Prepared[] {
    return events.map((raw, k) => {
      const { recordTime: _ignored, ...document } = raw;
      const eventId = typeof document.eventID === 'string' ? document.eventID : eventHashId(document, documentContext);
      return { index: indexes[k]!, eventId, isDeclaration: !!document.errorDeclaration, document };
    });
  }

  /**
   * Store prepared (valid) events in the caller's transaction: lock the stream, drop duplicates, refuse
   * eventID conflicts (rollback: throw; proceed: report and skip), chain, insert, run listeners.
   */
  async function storeInTx(
    tx: Db,
    enterpriseId: string,
    captureId: string,
    prepared: Prepared[],
    documentContext: unknown,
    behaviour: ErrorBehaviour,
    readYourWrites: boolean,
  ): Promise<{ stored: StoredEvent[]; duplicates: number; conflicts: CaptureIssue[] }> {
    await epcisRepo.lockStream(tx, enterpriseId);
    const existing = await epcisRepo.existing(tx, enterpriseId, prepared.map((p) => p.eventId));
    const seen = new Map<string, string | Prepared>(existing.map((e) => [`${e.isDeclaration ? 'D' : 'E'}${e.eventId}`, e.contentHash.trim()]));
    const conflicts: CaptureIssue[] = [];
    const fresh: Prepared[] = [];
    let duplicates = 0;
    for (const p of prepared) {
      const key = `${p.isDeclaration ? 'D' : 'E'}${p.eventId}`;
      const prior = seen.get(key);
      if (prior === undefined) {
        seen.set(key, p);
        fresh.push(p);
      } else if ((typeof prior === 'string' ? prior : digestOf(prior)) === digestOf(p)) {
        duplicates++;
      } else {
        conflicts.push({
          eventIndex: p.index,
          eventId: p.eventId,
          pointer: `/epcisBody/eventList/${p.index}/eventID`,
          message: `eventID ${p.eventId} was already captured with different content (events are immutable; correct with an errorDeclaration)`,
          messageZh: `eventID ${p.eventId} 已以不同内容采集过（事件不可修改，更正请使用 errorDeclaration）`,
        });
      }
    }
    if (conflicts.length && behaviour === 'rollback') {
      throw new DomainError(409, 'ValidationException', conflicts.map((c) => c.messageZh).join('；'), conflicts.map((c) => c.message).join('; '), conflicts.map((c) => ({ field: issueField(c), message: c.messageZh, messageEn: c.message })));
    }
    const recordTime = clock.now().toISOString();
    const last = await epcisRepo.lastLink(tx, enterpriseId);
    let seq = last?.seq ?? 0;
    const firstSeq = seq + 1;
    let prev = last?.hash.trim() ?? EVENT_CHAIN_GENESIS;
    const ctxValue = documentContext ?? null;
    const stored: StoredEvent[] = [];
    // Pipelined, one statement in flight: chunk k is stored (one INSERT statement with CTEs) while JS
    // normalises, hashes and chains chunk k + 1. The in-flight promise gets a handler at once; awaiting it
    // rethrows a failure, which rolls the caller's transaction back.
    let inflight: Promise<void> | null = null;
    for (let i = 0; i < fresh.length; i += PIPELINE_CHUNK) {
      const eventRows: EventRowInsert[] = [];
      const epcRows: { enterprise_id: string; seq: number; role: EpcRole; epc: string }[] = [];
      const refRows: { enterprise_id: string; seq: number; kind: 'bizTransaction' | 'source' | 'destination'; type: string; value: string }[] = [];
      for (const p of fresh.slice(i, i + PIPELINE_CHUNK)) {
        seq += 1;
        const f = normalizeEvent(p.document);
        const row: ChainedRow = {
          enterpriseId,
          seq,
          eventId: p.eventId,
          isDeclaration: p.isDeclaration,
          eventType: f.type,
          eventTime: f.eventTime,
          eventTimeZoneOffset: f.eventTimeZoneOffset,
          recordTime,
          action: f.action,
          bizStep: f.bizStep,
          disposition: f.disposition,
          readPoint: f.readPoint,
          bizLocation: f.bizLocation,
          transformationId: f.transformationID,
          declarationTime: f.errorDeclaration ? f.errorDeclaration.declarationTime : null,
          captureId,
          contentHash: digestOf(p),
          docContext: ctxValue,
          prevHash: prev,
        };
        const hash = chainHash(row);
        prev = hash;
        eventRows.push({
          enterprise_id: enterpriseId, seq, event_id: p.eventId, is_declaration: p.isDeclaration, event_type: f.type, event_time: f.eventTime,
          event_time_zone_offset: f.eventTimeZoneOffset, record_time: recordTime, action: f.action, biz_step: f.bizStep, disposition: f.disposition,
          read_point: f.readPoint, biz_location: f.bizLocation, transformation_id: f.transformationID, declaration_time: row.declarationTime,
          capture_id: captureId, content_hash: row.contentHash, document: p.document, doc_context: ctxValue, prev_hash: row.prevHash, hash,
        });
        for (const e of epcIndexRows(f)) epcRows.push({ enterprise_id: enterpriseId, seq, role: e.role, epc: e.epc });
        for (const r of refIndexRows(f)) refRows.push({ enterprise_id: enterpriseId, seq, kind: r.kind, type: r.type, value: r.value });
        stored.push(toStored(enterpriseId, p.eventId, recordTime, f));
      }
      if (inflight) await inflight;
      inflight = epcisRepo.insertChunk(tx, eventRows, epcRows, refRows);
      inflight.catch(() => undefined);
      await new Promise<void>((r) => setImmediate(r)); // let the driver send it before the next chunk's JS work
    }
    if (inflight) await inflight;
    if (stored.length) for (const l of listeners) await l(tx, stored, { enterpriseId, firstSeq, lastSeq: seq, readYourWrites });
    return { stored, duplicates, conflicts };
  }

  async function readScope(p: Principal | null): Promise<Scope> {
    const s = epcisReadScope(p);
    authorize(p, epcisEventsPolicy, 'read', s);
    switch (s.kind) {
      case 'all':
        return { kind: 'all' };
      case 'enterprise':
        return { kind: 'enterprises', ids: [s.enterpriseId] };
      case 'authority':
        // the jurisdiction's ids in one narrow query (not the presented enterprise list)
        return { kind: 'enterprises', ids: await enterprises.idsInAuthority(s.authorityId) };
      default:
        return { kind: 'enterprises', ids: [] }; // (none: refused by the policy above)
    }
  }

  function requireCaptureEnterprise(ctx: RequestContext): string {
    return authorizedCaptureEnterprise(ctx.principal);
  }

  function notifyCommitted(enterpriseId: string) {
    for (const l of committedListeners) l(enterpriseId);
  }

  async function runCapture(ctx: RequestContext, enterpriseId: string, events: Json[], documentContext: unknown, behaviour: ErrorBehaviour, issues: CaptureIssue[]) {
    const bad = new Set(issues.map((i) => i.eventIndex));
    const keep = events.map((_, i) => i).filter((i) => !bad.has(i));
    const prepared = prepare(keep.map((i) => events[i]!), keep, documentContext);
    const captureId = randomUUID();
    const createdAt = clock.now();
    const result = await db.transaction(async (tx) => {
      const r = await storeInTx(tx, enterpriseId, captureId, prepared, documentContext, behaviour, false);
      const allIssues = [...issues, ...r.conflicts];
      await epcisRepo.insertCapture(tx, {
        enterpriseId, id: captureId, createdAt, finishedAt: clock.now(), running: false, success: allIssues.length === 0,
        errorBehaviour: behaviour, eventCount: events.length, storedCount: r.stored.length, duplicateCount: r.duplicates, errors: allIssues,
      });
      // one audit row per capture (not per event): who captured how much into which stream
      await recordAudit(tx, ctx, {
        action: 'epcis.captured', objectType: 'epcis_capture', objectId: captureId, enterpriseId,
        change: { behaviour, eventCount: events.length, stored: r.stored.length, duplicates: r.duplicates, errors: allIssues.length, firstEventId: r.stored[0]?.eventId ?? null },
      });
      return { ...r, issues: allIssues };
    });
    if (result.stored.length) notifyCommitted(enterpriseId);
    return { captureId, eventCount: events.length, stored: result.stored, duplicates: result.duplicates, errors: result.issues };
  }

  return {
    /** After a captureInTx caller's transaction committed new events: the onCommitted listeners run. */
    committed(enterpriseId: string): void {
      notifyCommitted(enterpriseId);
    },

    onStored(listener: StoredListener): void {
      listeners.push(listener);
    },

    onCommitted(listener: CommittedListener): void {
      committedListeners.push(listener);
    },

    /** The stored events after afterSeq, of ONE capture (the one holding afterSeq + 1), in seq order. */
    async streamAfter(dbOrTx: Db, enterpriseId: string, afterSeq: number, limit: number): Promise<{ seq: number; event: StoredEvent }[]> {
      const rows = await epcisRepo.streamAfter(dbOrTx, enterpriseId, afterSeq, limit);
      return rows.map((r) => ({ seq: r.seq, event: toStored(enterpriseId, r.event_id, new Date(r.record_time).toISOString(), normalizeEvent(r.document)) }));
    },

    /** The same rows as streamAfter without the documents: seq, eventID, declaration flag, record time. */
    async streamKeysAfter(dbOrTx: Db, enterpriseId: string, afterSeq: number, limit: number): Promise<{ seq: number; eventId: string; isDeclaration: boolean; recordTime: string }[]> {
      const rows = await epcisRepo.streamAfter(dbOrTx, enterpriseId, afterSeq, limit, false);
      return rows.map((r) => ({ seq: r.seq, eventId: r.event_id, isDeclaration: r.is_declaration, recordTime: new Date(r.record_time).toISOString() }));
    },

    /**
     * The enterprise's stream lock (transaction-scoped; every capture takes it first). A module that decides on the
     * projection of the stream before capturing (trace steps, status changes) takes it at the start of its transaction.
     */
    async lockStream(tx: Db, enterpriseId: string): Promise<void> {
      await epcisRepo.lockStream(tx, enterpriseId);
    },

    /** Which of these eventIDs the enterprise's stream holds (read under its lock: a repeat's check). */
    async existingEventIds(tx: Db, enterpriseId: string, eventIds: string[]): Promise<string[]> {
      return (await epcisRepo.existing(tx, enterpriseId, eventIds)).map((e) => e.eventId);
    },

    async streamHeads(dbOrTx: Db, enterpriseIds: string[]): Promise<Map<string, number>> {
      return epcisRepo.streamHeads(dbOrTx, enterpriseIds);
    },

    async captureInTx(tx: Db, ctx: RequestContext, enterpriseId: string, events: unknown[], opts: { documentContext?: unknown } = {}): Promise<StoredEvent[]> {
      authorizeCaptureInto(ctx.principal, enterpriseId);
      const issues = validateEvents(events, opts.documentContext);
      if (issues.length) throw issuesError(issues);
      const prepared = prepare(events as Json[], events.map((_, i) => i), opts.documentContext);
      const captureId = randomUUID();
      const r = await storeInTx(tx, enterpriseId, captureId, prepared, opts.documentContext, 'rollback', true);
      await epcisRepo.insertCapture(tx, {
        enterpriseId, id: captureId, createdAt: clock.now(), finishedAt: clock.now(), running: false, success: true, errorBehaviour: 'rollback',
        eventCount: events.length, storedCount: r.stored.length, duplicateCount: r.duplicates, errors: [],
      });
      return r.stored;
    },

    /** POST /epcis/capture: an EPCISDocument, synchronously validated and stored. */
    async capture(ctx: RequestContext, document: unknown, { errorBehaviour = 'rollback' }: { errorBehaviour?: ErrorBehaviour } = {}) {
      const enterpriseId = requireCaptureEnterprise(ctx);
      const doc = document as Json | null;
      if (!doc || typeof doc !== 'object' || Array.isArray(doc) || (doc.type !== 'EPCISDocument' && doc.type !== 'EPCISQueryDocument')) {
        throw issuesError([{ eventIndex: null, pointer: '/type', message: 'the body must be an EPCISDocument (type "EPCISDocument")', messageZh: '请求体须为 EPCISDocument（type 为 "EPCISDocument"）' }]);
      }
      // An EPCISQueryDocument (another repository's query result) is accepted too: its events are captured.
      const body = doc.epcisBody as Json | undefined;
      const list = doc.type === 'EPCISDocument' ? body?.eventList : ((body?.queryResults as Json | undefined)?.resultsBody as Json | undefined)?.eventList;
      if (Array.isArray(list) && list.length > CAPTURE_LIMIT) {
        throw epcisProblem(413, 'CaptureLimitExceededException', `文档包含 ${list.length} 个事件，超过单次采集上限 ${CAPTURE_LIMIT}`, `The document holds ${list.length} events, more than the capture limit of ${CAPTURE_LIMIT}`);
      }
      const res = validateEpcis(doc);
      const issues = res.ok ? [] : res.issues.map(fromSchema);
      if (issues.length && (errorBehaviour === 'rollback' || issues.some((i) => i.eventIndex === null))) throw issuesError(issues);
      return runCapture(ctx, enterpriseId, (list ?? []) as Json[], doc['@context'], errorBehaviour, issues);
    },

    /** POST /epcis/events: one event (with its own @context). */
    async captureEvent(ctx: RequestContext, event: unknown) {
      const enterpriseId = requireCaptureEnterprise(ctx);
      const e = event as Json | null;
      if (!e || typeof e !== 'object' || Array.isArray(e) || !isEventType(e.type)) {
        throw issuesError([{ eventIndex: null, pointer: '/type', message: 'the body must be one EPCIS event (type ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent or AssociationEvent)', messageZh: '请求体须为单个 EPCIS 事件（type 为 ObjectEvent、AggregationEvent、TransactionEvent、TransformationEvent 或 AssociationEvent）' }]);
      }
      const res = validateEpcis(e);
      if (!res.ok) throw issuesError(res.issues.map(fromSchema));
      const r = await runCapture(ctx, enterpriseId, [e], e['@context'], 'rollback', []);
      const eventId = r.stored[0]?.eventId ?? (typeof e.eventID === 'string' ? e.eventID : eventHashId(e, e['@context']));
      return { ...r, eventId };
    },

    async getCapture(ctx: RequestContext, captureId: string): Promise<CaptureJob> {
      const scope = await readScope(ctx.principal);
      const notFound = epcisProblem(404, 'NoSuchResourceException', '采集任务不存在或无权访问', 'Capture job not found');
      if (!/^[0-9a-f-]{36}$/i.test(captureId)) throw notFound;
      const row = await epcisRepo.getCapture(db, scope, captureId);
      if (!row) throw notFound;
      return presentCaptureJob(row);
    },

    /** GET /epcis/events: one page of an EPCISQueryDocument and the token of the next page, if any. */
    async query(ctx: RequestContext, params: Record<string, string | string[] | undefined>) {
      const parsed = parseEventQuery(params);
      if (!parsed.ok) {
        throw epcisProblem(400, 'QueryParameterException', `查询参数 ${parsed.param} 无效：${parsed.messageZh}`, `Invalid query parameter ${parsed.param}: ${parsed.message}`, [
          { field: parsed.param, message: parsed.messageZh, messageEn: parsed.message },
        ]);
      }
      const q = parsed.query;
      const scope = await readScope(ctx.principal);
      const after = q.nextPageToken ? decodeToken(q.nextPageToken, q) : null;
      const rows = await epcisRepo.query(db, scope, q, after);
      const page = rows.slice(0, q.perPage);
      let nextPageToken: string | null = null;
      if (rows.length > q.perPage) {
        const lastRow = page[page.length - 1]!;
        const t = new Date(q.orderBy === 'recordTime' ? lastRow.recordTime : lastRow.eventTime).toISOString();
        nextPageToken = encodeToken({ t, e: lastRow.enterpriseId, s: lastRow.seq }, q);
      }
      return { document: queryDocument(page, clock), nextPageToken, perPage: q.perPage };
    },

    /** GET /epcis/events/{eventID}. */
    async getEvent(ctx: RequestContext, eventId: string) {
      const scope = await readScope(ctx.principal);
      const rows = await epcisRepo.query(db, scope, { eventIds: [eventId], matches: [], refs: [], orderBy: 'eventTime', orderDirection: 'ASC', perPage: 100 }, null);
      if (!rows.length) throw epcisProblem(404, 'NoSuchResourceException', `事件 ${eventId} 不存在或无权访问`, `Event ${eventId} not found`);
      return queryDocument(rows, clock);
    },

    async eventsByIdentifiers(identifiers: string[], opts: { roles?: EpcRole[]; enterpriseIds?: string[]; db?: Db } = {}): Promise<StoredEvent[]> {
      const roles = opts.roles ?? (['epc', 'parent', 'child', 'input', 'output', 'quantity', 'child_quantity', 'input_quantity', 'output_quantity'] as EpcRole[]);
      const scope: Scope = opts.enterpriseIds ? { kind: 'enterprises', ids: opts.enterpriseIds } : { kind: 'all' };
      return (await epcisRepo.byIdentifiers(opts.db ?? db, scope, identifiers, roles)).map(rowToStored);
    },

    async eventsByIds(eventIds: string[], opts: { enterpriseIds?: string[]; db?: Db } = {}): Promise<StoredEvent[]> {
      if (!eventIds.length) return [];
      const scope: Scope = opts.enterpriseIds ? { kind: 'enterprises', ids: opts.enterpriseIds } : { kind: 'all' };
      const rows = await epcisRepo.query(opts.db ?? db, scope, { eventIds, matches: [], refs: [], orderBy: 'eventTime', orderDirection: 'ASC', perPage: Math.max(eventIds.length * 2, 10) }, null);
      return rows.map(rowToStored);
    },

    async readableEnterprises(p: Principal | null): Promise<'all' | string[]> {
      const s = await readScope(p);
      return s.kind === 'all' ? 'all' : s.ids;
    },
  };
}

export type EpcisService = ReturnType<typeof createEpcisService>;
