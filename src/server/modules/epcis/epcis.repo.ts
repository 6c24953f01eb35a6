import { canCopy, copyRows, type Cell } from '../../db/bulk.js';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { EpcRole, RefKind } from '../../../domain/epcis/normalize.js';
import type { EventQuery } from '../../../domain/epcis/query.js';
import type { Db } from '../../db/client.js';
import { epcisCaptures, epcisEvents } from '../../db/schema.js';

/**
 * All SQL on the EPCIS tables (epcis_events, epcis_event_epcs, epcis_event_refs, epcis_captures).
 * Bulk writes: on PostgreSQL by COPY (db/bulk.ts); on PGlite through json_to_recordset — ONE parameter per table and
 * statement, whatever the row count, which keeps a 10,000-event capture to a handful of round trips.
 */
export interface EventRowInsert {
  enterprise_id: string;
  seq: number;
  event_id: string;
  is_declaration: boolean;
  event_type: string;
  event_time: string;
  event_time_zone_offset: string;
  record_time: string;
  action: string | null;
  biz_step: string | null;
  disposition: string | null;
  read_point: string | null;
  biz_location: string | null;
  transformation_id: string | null;
  declaration_time: string | null;
  capture_id: string;
  content_hash: string;
  document: unknown;
  doc_context: unknown;
  prev_hash: string;
  hash: string;
}
export interface EpcRowInsert {
  enterprise_id: string;
  seq: number;
  role: EpcRole;
  epc: string;
}
export interface RefRowInsert {
  enterprise_id: string;
  seq: number;
  kind: RefKind;
  type: string;
  value: string;
}

const EVENT_COLUMNS = [
  'enterprise_id', 'seq', 'event_id', 'is_declaration', 'event_type', 'event_time', 'event_time_zone_offset', 'record_time', 'action', 'biz_step',
  'disposition', 'read_point', 'biz_location', 'transformation_id', 'declaration_time', 'capture_id', 'content_hash', 'document', 'doc_context',
  'prev_hash', 'hash',
] as const satisfies readonly (keyof EventRowInsert)[];

const JSON_COLUMNS = new Set<string>(['document', 'doc_context']);

/** A value of an event row as a COPY cell: the jsonb columns as JSON text (a string context too), the rest as is. */
function cellOf(column: string, v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (JSON_COLUMNS.has(column)) return JSON.stringify(v);
  return v as Cell;
}

export type Scope = { kind: 'all' } | { kind: 'enterprises'; ids: string[] };

const rowsOf = <T>(res: unknown): T[] => (res as { rows: T[] }).rows;
/** Advisory lock namespace for appends to one enterprise's event stream (audit uses 727002). */
const STREAM_LOCK = 727003;

export interface QueryRow {
  enterpriseId: string;
  seq: number;
  eventId: string;
  isDeclaration: boolean;
  recordTime: Date;
  eventTime: Date;
  document: Record<string, unknown>;
  docContext: unknown;
  declaration: Record<string, unknown> | null;
}

const jsonList = (values: string[]) => sql`(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

function scopeSql(scope: Scope): SQL {
  if (scope.kind === 'all') return sql`true`;
  if (!scope.ids.length) return sql`false`;
  return sql`e.enterprise_id IN (SELECT x::uuid FROM jsonb_array_elements_text(${JSON.stringify(scope.ids)}::jsonb) AS t(x))`;
}

/** Rows visible as events: originals, and declarations whose original is not (or not yet) stored. */
const VISIBLE = sql`(NOT e.is_declaration OR NOT EXISTS (SELECT 1 FROM epcis_events o WHERE o.enterprise_id = e.enterprise_id AND o.event_id = e.event_id AND NOT o.is_declaration))`;

const SELECT_EVENTS = sql`SELECT e.enterprise_id AS "enterpriseId", e.seq::float8 AS seq, e.event_id AS "eventId", e.is_declaration AS "isDeclaration",
    e.record_time AS "recordTime", e.event_time AS "eventTime", e.document, e.doc_context AS "docContext", d.document AS declaration
  FROM epcis_events e
  LEFT JOIN epcis_events d ON d.enterprise_id = e.enterprise_id AND d.event_id = e.event_id AND d.is_declaration AND NOT e.is_declaration`;

export interface PageKey {
  t: string;
  e: string;
  s: number;
}

export const epcisRepo = {
  async lockStream(tx: Db, enterpriseId: string) {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${STREAM_LOCK}, hashtext(${enterpriseId}))`);
  },

  async lastLink(tx: Db, enterpriseId: string): Promise<{ seq: number; hash: string } | null> {
    const r = rowsOf<{ seq: number; hash: string }>(
      await tx.execute(sql`SELECT seq::float8 AS seq, hash FROM epcis_events WHERE enterprise_id = ${enterpriseId} ORDER BY seq DESC LIMIT 1`),
    );
    return r[0] ?? null;
  },

  async existing(tx: Db, enterpriseId: string, eventIds: string[]) {
    if (!eventIds.length) return [];
    return rowsOf<{ eventId: string; isDeclaration: boolean; contentHash: string }>(
      await tx.execute(
        sql`SELECT event_id AS "eventId", is_declaration AS "isDeclaration", content_hash AS "contentHash" FROM epcis_events
            WHERE enterprise_id = ${enterpriseId} AND event_id IN ${jsonList([...new Set(eventIds)])}`,
      ),
    );
  },

  /**
   * One chunk of a capture: the events, their identifier rows and their reference rows. The rows are handed to the
   * connection at once, so the service prepares the next chunk while the database stores this one.
   */
  async insertChunk(tx: Db, events: EventRowInsert[], epcs: EpcRowInsert[], refs: RefRowInsert[]) {
    if (!canCopy(tx)) return epcisRepo.insertChunkAsJson(tx, events, epcs, refs);
    // PostgreSQL: three COPYs on the transaction's connection (issue 10 §5: COPY rather than a JSON recordset)
    await copyRows(tx, 'epcis_events', EVENT_COLUMNS, events.map((e) => EVENT_COLUMNS.map((c) => cellOf(c, e[c]))));
    await copyRows(tx, 'epcis_event_epcs', ['enterprise_id', 'seq', 'role', 'epc'], epcs.map((e) => [e.enterprise_id, e.seq, e.role, e.epc]));
    await copyRows(tx, 'epcis_event_refs', ['enterprise_id', 'seq', 'kind', 'type', 'value'], refs.map((r) => [r.enterprise_id, r.seq, r.kind, r.type, r.value]));
  },

  /** The same chunk as ONE statement (data-modifying CTEs over json_to_recordset): PGlite, which has no COPY stream. */
  async insertChunkAsJson(tx: Db, events: EventRowInsert[], epcs: EpcRowInsert[], refs: RefRowInsert[]) {
    await tx.execute(sql`WITH ev AS (
        INSERT INTO epcis_events (enterprise_id, seq, event_id, is_declaration, event_type, event_time, event_time_zone_offset,
          record_time, action, biz_step, disposition, read_point, biz_location, transformation_id, declaration_time, capture_id, content_hash,
          document, doc_context, prev_hash, hash)
        SELECT * FROM json_to_recordset(${JSON.stringify(events)}::json) AS r(enterprise_id uuid, seq bigint, event_id text,
          is_declaration boolean, event_type text, event_time timestamptz, event_time_zone_offset text, record_time timestamptz, action text,
          biz_step text, disposition text, read_point text, biz_location text, transformation_id text, declaration_time timestamptz,
          capture_id uuid, content_hash text, document jsonb, doc_context jsonb, prev_hash text, hash text)),
      ep AS (
        INSERT INTO epcis_event_epcs (enterprise_id, seq, role, epc)
        SELECT * FROM json_to_recordset(${JSON.stringify(epcs)}::json) AS r(enterprise_id uuid, seq bigint, role text, epc text))
      INSERT INTO epcis_event_refs (enterprise_id, seq, kind, type, value)
      SELECT * FROM json_to_recordset(${JSON.stringify(refs)}::json) AS r(enterprise_id uuid, seq bigint, kind text, type text, value text)`);
  },

  async insertCapture(tx: Db, row: typeof epcisCaptures.$inferInsert) {
    await tx.insert(epcisCaptures).values(row);
  },

  async getCapture(db: Db, scope: Scope, id: string) {
    const where = scope.kind === 'all' ? eq(epcisCaptures.id, id) : and(eq(epcisCaptures.id, id), scope.ids.length ? sql`${epcisCaptures.enterpriseId}::text IN ${jsonList(scope.ids)}` : sql`false`);
    const [row] = await db.select().from(epcisCaptures).where(where).limit(1);
    return row ?? null;
  },

  /** One page of a SimpleEventQuery (perPage + 1 rows are read to know whether a next page exists). */
  async query(db: Db, scope: Scope, q: EventQuery, after: PageKey | null): Promise<QueryRow[]> {
    const conds: SQL[] = [VISIBLE, scopeSql(scope)];
    const inList = (col: SQL, values: string[] | undefined) => {
      if (values) conds.push(sql`${col} IN ${jsonList(values)}`);
    };
    inList(sql`e.event_type`, q.eventTypes);
    inList(sql`e.action`, q.actions);
    inList(sql`e.biz_step`, q.bizSteps);
    inList(sql`e.disposition`, q.dispositions);
    inList(sql`e.read_point`, q.readPoints);
    inList(sql`e.biz_location`, q.bizLocations);
    inList(sql`e.transformation_id`, q.transformationIds);
    inList(sql`e.event_id`, q.eventIds);
    if (q.geEventTime) conds.push(sql`e.event_time >= ${q.geEventTime}::timestamptz`);
    if (q.ltEventTime) conds.push(sql`e.event_time < ${q.ltEventTime}::timestamptz`);
    if (q.geRecordTime) conds.push(sql`e.record_time >= ${q.geRecordTime}::timestamptz`);
    if (q.ltRecordTime) conds.push(sql`e.record_time < ${q.ltRecordTime}::timestamptz`);
    if (q.existsErrorDeclaration) conds.push(sql`(e.is_declaration OR d.seq IS NOT NULL)`);
    for (const m of q.matches) {
      const alts: SQL[] = [];
      if (m.values.length) alts.push(sql`x.epc IN ${jsonList(m.values)}`);
      for (const p of m.prefixes) alts.push(sql`starts_with(x.epc, ${p})`);
      if (!alts.length) alts.push(sql`false`);
      conds.push(sql`EXISTS (SELECT 1 FROM epcis_event_epcs x WHERE x.enterprise_id = e.enterprise_id AND x.seq = e.seq
        AND x.role IN ${jsonList(m.roles)} AND (${sql.join(alts, sql` OR `)}))`);
    }
    for (const r of q.refs) {
      conds.push(sql`EXISTS (SELECT 1 FROM epcis_event_refs x WHERE x.enterprise_id = e.enterprise_id AND x.seq = e.seq
        AND x.kind = ${r.kind} AND x.type = ${r.type} AND x.value IN ${jsonList(r.values)})`);
    }
    const col = q.orderBy === 'recordTime' ? sql`e.record_time` : sql`e.event_time`;
    const dir = q.orderDirection === 'DESC' ? sql`DESC` : sql`ASC`;
    if (after) {
      conds.push(
        q.orderDirection === 'DESC'
          ? sql`(${col}, e.enterprise_id, e.seq) < (${after.t}::timestamptz, ${after.e}::uuid, ${after.s})`
          : sql`(${col}, e.enterprise_id, e.seq) > (${after.t}::timestamptz, ${after.e}::uuid, ${after.s})`,
      );
    }
    return rowsOf<QueryRow>(
      await db.execute(sql`${SELECT_EVENTS} WHERE ${sql.join(conds, sql` AND `)}
        ORDER BY ${col} ${dir}, e.enterprise_id ${dir}, e.seq ${dir} LIMIT ${q.perPage + 1}`),
    );
  },

  /** Events carrying any of the identifiers in any of the roles (for the trace module), by event time. */
  async byIdentifiers(db: Db, scope: Scope, identifiers: string[], roles: EpcRole[]): Promise<QueryRow[]> {
    if (!identifiers.length) return [];
    return rowsOf<QueryRow>(
      await db.execute(sql`${SELECT_EVENTS} WHERE ${VISIBLE} AND ${scopeSql(scope)} AND EXISTS (SELECT 1 FROM epcis_event_epcs x
          WHERE x.enterprise_id = e.enterprise_id AND x.seq = e.seq AND x.role IN ${jsonList(roles)} AND x.epc IN ${jsonList(identifiers)})
        ORDER BY e.event_time, e.enterprise_id, e.seq`),
    );
  },

  /**
   * The stream of one enterprise after `afterSeq`, in seq order: the rows of ONE capture (the one that stored
   * afterSeq + 1), at most `limit`. For projections that follow the stream (the trace module's cursor).
   */
  async streamAfter(db: Db, enterpriseId: string, afterSeq: number, limit: number, withDocuments = true) {
    return rowsOf<{ seq: number; event_id: string; is_declaration: boolean; record_time: string | Date; document: Record<string, unknown> }>(
      await db.execute(sql`SELECT e.seq::float8 AS seq, e.event_id, e.is_declaration, e.record_time${withDocuments ? sql`, e.document` : sql``} FROM epcis_events e
        WHERE e.enterprise_id = ${enterpriseId} AND e.seq > ${afterSeq}
          AND e.capture_id = (SELECT f.capture_id FROM epcis_events f WHERE f.enterprise_id = ${enterpriseId} AND f.seq = ${afterSeq + 1})
        ORDER BY e.seq LIMIT ${limit}`),
    );
  },

  /** The last seq of each enterprise's stream (0 when it has none). */
  async streamHeads(db: Db, enterpriseIds: string[]): Promise<Map<string, number>> {
    if (!enterpriseIds.length) return new Map();
    const rows = rowsOf<{ id: string; head: number }>(
      await db.execute(sql`SELECT t.id::text AS id, COALESCE((SELECT max(e.seq) FROM epcis_events e WHERE e.enterprise_id = t.id), 0)::float8 AS head
        FROM jsonb_array_elements_text(${JSON.stringify(enterpriseIds)}::jsonb) AS t0(v), LATERAL (SELECT t0.v::uuid AS id) t`),
    );
    return new Map(rows.map((r) => [r.id, r.head]));
  },

  /** The chain rows of all enterprises in (enterprise_id, seq) order, paged. */
  async chainPage(db: Db, after: { enterpriseId: string; seq: number } | null, limit: number) {
    const where = after
      ? sql`(${epcisEvents.enterpriseId}, ${epcisEvents.seq}) > (${after.enterpriseId}::uuid, ${after.seq})`
      : undefined;
    return db.select().from(epcisEvents).where(where).orderBy(asc(epcisEvents.enterpriseId), asc(epcisEvents.seq)).limit(limit);
  },

};
