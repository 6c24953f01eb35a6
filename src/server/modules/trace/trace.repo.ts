import { sql, type SQL } from 'drizzle-orm';
import { preparedQuery, type Db } from '../../db/client.js';
import { bulkInsert, canCopy, copyRows, pgArray, rawQuery, type BulkColumn } from '../../db/bulk.js';
import { SCRAPPED_DISPOSITIONS, type EdgeKind } from '../../../domain/trace/genealogy.js';
import type { ObjectHistory } from '../../../domain/trace/step-rules.js';
import { standardKeySql } from '../../../domain/portal/standard-code.js';
import { transformationLinks } from '../epcis/index.js';
import { ilikeEscaped, likeContains, likeSuffix } from '../../db/like.js';

/**
 * All SQL of the trace module's own tables (trace_enterprises, trace_objects, trace_edges, trace_products,
 * trace_steps, trace_import_jobs, trace_projection). Arrays and row sets are passed as one JSON parameter
 * (jsonb_array_elements_text / jsonb_to_recordset) so the statements are the same on PGlite and PostgreSQL.
 */

export async function q<T>(db: Db, query: SQL): Promise<T[]> {
  const r = await db.execute(query);
  return (r as unknown as { rows: T[] }).rows;
}
const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;
const textArray = (v: readonly string[]) => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(v)}::jsonb))`;
const uuidArray = (v: readonly string[]) => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(v)}::jsonb)::uuid)`;

/** A page of rows (SQL LIMIT/OFFSET); absent: all rows (exports). */
export interface LimitOffset {
  limit: number;
  offset: number;
}
const limitOf = (p?: LimitOffset) => (p ? sql`LIMIT ${p.limit} OFFSET ${p.offset}` : sql``);

/** Which enterprises' rows a caller may read: null = all. */
export type EnterpriseIds = readonly string[] | null;
const scopeOn = (column: SQL, ids: EnterpriseIds) => (ids === null ? sql`true` : sql`${column} = ANY(${uuidArray(ids)})`);
/**
 * The "made of" links of transformation events, read from the event store (issue 10 §5, migration 20261215050000):
 * of the events not listed in trace_edge_events (those keep their trace_edges rows). `side` output: links whose
 * parent matches; input: links whose child matches.
 */
const eventLinks = (side: 'output' | 'input', identifier: (epc: SQL) => SQL) =>
  transformationLinks({ side, identifier, event: (ent, id) => sql`NOT EXISTS (SELECT 1 FROM trace_edge_events t WHERE t.enterprise_id = ${ent} AND t.event_id = ${id})` });
/** The genealogy edges of one key as a relation (enterprise_id, parent_key, child_key, kind, event_id, valid_from, valid_to, erroneous): its edge rows and its event-store links. */
const edgesWhere = (end: 'parent' | 'child', key: SQL) => sql`(
    SELECT enterprise_id, parent_key, child_key, kind, event_id, valid_from, valid_to, erroneous FROM trace_edges WHERE ${sql.raw(end)}_key = ${key}
    UNION ALL
    SELECT l.enterprise_id, l.parent_key, l.child_key, 'transformation'::text, l.event_id, l.valid_from, NULL::timestamptz, l.erroneous
    FROM (${eventLinks(end === 'parent' ? 'output' : 'input', (epc) => sql`${epc} = ${key}`)}) l)`;
/**
 * What a key is, in scope (columns n.enterprise_id, n.kind, n.name; all null when unknown): its object row, or — for a
 * key without one that the genealogy names as a part, i.e. the parent of a disassembly edge or the child of a
 * transformation edge (migration 20261210070000) — a part, with the name its latest naming event gave it.
 */
const nodeOf = (key: SQL, ids: EnterpriseIds) => sql`
  LEFT JOIN LATERAL (
    SELECT COALESCE(o.enterprise_id, pe.enterprise_id, le.enterprise_id) AS enterprise_id,
      COALESCE(o.kind, CASE WHEN pe.enterprise_id IS NOT NULL OR le.enterprise_id IS NOT NULL THEN 'part' END) AS kind, COALESCE(o.name, pe.part_name) AS name
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (SELECT enterprise_id, kind, name FROM trace_objects WHERE key = ${key} AND ${scopeOn(sql`enterprise_id`, ids)} LIMIT 1) o ON true
    LEFT JOIN LATERAL (
      SELECT enterprise_id, part_name FROM trace_edges
      WHERE o.kind IS NULL AND ((parent_key = ${key} AND kind = 'disassembly') OR (child_key = ${key} AND kind = 'transformation')) AND ${scopeOn(sql`enterprise_id`, ids)}
      ORDER BY part_name IS NULL, valid_from DESC LIMIT 1) pe ON true
    -- an input of a reassembly known from the event store only (no name: a named input keeps its edges)
    LEFT JOIN LATERAL (
      SELECT l.enterprise_id FROM (${eventLinks('input', (epc) => sql`${epc} = ${key}`)}) l
      WHERE o.kind IS NULL AND pe.enterprise_id IS NULL AND ${scopeOn(sql`l.enterprise_id`, ids)} LIMIT 1) le ON true
  ) n ON true`;

export interface ObjectUpsert {
  key: string;
  kind: 'core' | 'part' | 'product' | 'lot' | 'other';
  name: string | null;
  first: string;
  last: string;
  stepKind: string | null;
  bizStep: string | null;
  disposition: string | null;
}
export interface EdgeInsert {
  parent: string;
  child: string;
  kind: EdgeKind;
  eventId: string;
  validFrom: string;
  validTo: string | null;
  closedBy: string | null;
  /** the name of the part side (parent of a disassembly edge, child of a transformation edge), when the event names it */
  partName?: string | null;
}
export interface StepInsert {
  key: string;
  eventId: string;
  time: string;
  eventType: string;
  bizStep: string | null;
  disposition: string | null;
  stepKind: string | null;
  details: Record<string, unknown> | null;
}

export interface ProductRow {
  enterprise_id: string;
  code: string;
  epc: string;
  gtin: string | null;
  digital_link: string | null;
  serial: string;
  name: string;
  model: string | null;
  standard_no: string | null;
  warranty_months: number | null;
  production_date: string;
  life: number;
  mass_rate: string | number | null;
  value_rate: string | number | null;
  formula_version: string | null;
  core_mass: number;
  total_mass: number;
  core_value: number;
  total_value: number;
  life_core_keys: string[];
  status: 'issued' | 'revoked' | 'recalled';
  status_reason: string | null;
  state: string | null;
  owner_id: string | null;
  owner_name: string | null;
  possessor_id: string | null;
  possessor_name: string | null;
  installation: Record<string, unknown> | null;
  made_event_id: string;
  made_at: string | Date;
  /** the making event's bizLocation (the site of making, domain/trace/site.ts), or null */
  biz_location: string | null;
}
export type ProductInsert = Omit<ProductRow, 'production_date' | 'made_at' | 'status' | 'status_reason' | 'state' | 'owner_id' | 'owner_name' | 'possessor_id' | 'possessor_name' | 'installation'> & {
  production_date: string;
  made_at: string;
  owner_id: string | null;
  owner_name: string | null;
  /** the public timeline ([day, kind] pairs) when the projector knows it at insert; null: refreshPublicSteps writes it */
  public_steps?: [string, string][] | null;
};
const PRODUCT_COLUMNS = sql.raw(
  `enterprise_id, code, epc, gtin, digital_link, serial, name, model, standard_no, warranty_months, to_char(production_date, 'YYYY-MM-DD') AS production_date, life, mass_rate, value_rate, formula_version, core_mass, total_mass, core_value, total_value, life_core_keys, status, status_reason, state, owner_id, owner_name, possessor_id, possessor_name, installation, made_event_id, made_at, biz_location`,
);

const PRODUCT_COLUMNS_P = `p.enterprise_id, p.code, p.epc, p.gtin, p.digital_link, p.serial, p.name, p.model, p.standard_no, p.warranty_months, to_char(p.production_date, 'YYYY-MM-DD') AS production_date, p.life, p.mass_rate, p.value_rate, p.formula_version, p.core_mass, p.total_mass, p.core_value, p.total_value, p.life_core_keys, p.status, p.status_reason, p.state, p.owner_id, p.owner_name, p.possessor_id, p.possessor_name, p.installation, p.made_event_id, p.made_at, p.biz_location`;

/** The public verification row: the product, its successor semantics and its public timeline ([day, kind] pairs). */
export type PublicProductRow = Pick<ProductRow, 'enterprise_id' | 'code' | 'name' | 'model' | 'standard_no' | 'warranty_months' | 'production_date' | 'life' | 'mass_rate' | 'value_rate' | 'formula_version' | 'status'> & {
  successor_code: string | null;
  disassembled_at: string | Date | null;
  public_steps: [string, string][];
};

export interface EdgeRow {
  parent_key: string;
  child_key: string;
  kind: EdgeKind;
  event_id: string;
  valid_from: string | Date;
  valid_to: string | Date | null;
  erroneous: boolean;
  depth: number;
}

export interface StepRow {
  enterprise_id: string;
  object_key: string;
  event_id: string;
  event_time: string | Date;
  event_type: string;
  biz_step: string | null;
  disposition: string | null;
  step_kind: string | null;
  details: Record<string, unknown> | null;
  erroneous: boolean;
}

/** The public timeline of product row `p`: its steps and its life cores' (all lives) as [day, kind], erroneous ones left out. */
const PUBLIC_STEPS_OF_P = `SELECT coalesce(jsonb_agg(jsonb_build_array(s.day, s.step_kind) ORDER BY s.t), '[]'::jsonb)
     FROM (SELECT DISTINCT ON (event_id) to_char(event_time AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, step_kind, event_time AS t
           FROM trace_steps WHERE enterprise_id = p.enterprise_id AND object_key = ANY(ARRAY[p.epc] || p.life_core_keys) AND NOT erroneous AND step_kind IS NOT NULL
           ORDER BY event_id, event_time) s`;
/** Public page: ONE row read — the product (latest life) with the timeline the projector keeps on it. */
const PUBLIC_SELECT = `SELECT p.enterprise_id, p.code, p.name, p.model, p.standard_no, p.warranty_months, to_char(p.production_date, 'YYYY-MM-DD') AS production_date,
    p.life, p.mass_rate, p.value_rate, p.formula_version, p.status, p.successor_code, p.disassembled_at, coalesce(p.public_steps, (${PUBLIC_STEPS_OF_P})) AS public_steps`;
const PUBLIC_PRODUCT = (where: string) => `${PUBLIC_SELECT} FROM trace_products p WHERE ${where} ORDER BY p.life DESC LIMIT 1`;
const PUBLIC_PRODUCT_BY_CODE = PUBLIC_PRODUCT('p.code = $1');
const PUBLIC_PRODUCT_BY_EPC = PUBLIC_PRODUCT('(p.epc = $1 OR p.digital_link = $1)');
/** The same row for many codes / EPCs in one statement (concurrent scans batched, see trace.service publicProduct). */
const PUBLIC_PRODUCTS_BY_CODES = `${PUBLIC_SELECT} FROM trace_products p WHERE p.code = ANY($1::text[])`;
const PUBLIC_PRODUCTS_BY_EPCS = `${PUBLIC_SELECT}, p.epc, p.digital_link FROM trace_products p WHERE p.epc = ANY($1::text[]) OR p.digital_link = ANY($1::text[])`;

/** The lifecycle state a product is made in (and replayed from when an event that changed it is declared erroneous). */
export const PRODUCT_STATE_AS_MADE = 'reassembly';
/** status_reason of a product whose reassembly was declared erroneous (revoked for good). */
export const REASSEMBLY_DECLARED_ERRONEOUS = 'reassembly event declared erroneous';

const cols = (spec: string): BulkColumn[] => spec.split(', ').map((c) => ({ name: c.split(' ')[0]!, type: c.split(' ')[1]! }));
const EDGE_COLUMNS = cols('enterprise_id uuid, parent_key text, child_key text, kind text, event_id text, valid_from timestamptz, valid_to timestamptz, closed_by_event_id text, part_name text');
const STEP_COLUMNS = cols('enterprise_id uuid, object_key text, event_id text, event_time timestamptz, event_type text, biz_step text, disposition text, step_kind text, details jsonb');

const PRODUCT_COPY_COLUMNS = ['enterprise_id', 'code', 'epc', 'gtin', 'digital_link', 'serial', 'name', 'model', 'standard_no', 'warranty_months', 'production_date', 'life',
  'mass_rate', 'value_rate', 'formula_version', 'core_mass', 'total_mass', 'core_value', 'total_value', 'life_core_keys', 'state', 'owner_id', 'owner_name', 'possessor_id', 'possessor_name',
  'made_event_id', 'made_at', 'biz_location', 'public_steps'] as const;
/**
 * insertProducts on PostgreSQL: one COPY. (A product's inputs are not copied onto its row: they are its reassembly
 * event's, read from the event store by the product page — migration 20261216010000.)
 * COPY has no ON CONFLICT, so the rows whose (enterprise, epc, life) is taken — by an earlier capture or earlier in
 * these rows — are left out first, as `ON CONFLICT … DO NOTHING` would leave them (the projection of one
 * enterprise runs under its stream lock, so nothing else inserts its products meanwhile).
 */
async function copyProducts(db: Db, rows: ProductInsert[]) {
  const taken = new Set(
    (await rawQuery<{ enterprise_id: string; epc: string; life: number }>(db, 'SELECT enterprise_id, epc, life FROM trace_products WHERE (enterprise_id, epc) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))', [pgArray(rows.map((r) => r.enterprise_id)), pgArray(rows.map((r) => r.epc))])).map(
      (r) => `${r.enterprise_id} ${r.life} ${r.epc}`,
    ),
  );
  const fresh = rows.filter((r) => {
    const k = `${r.enterprise_id} ${r.life} ${r.epc}`;
    return taken.has(k) ? false : (taken.add(k), true);
  });
  await copyRows(db, 'trace_products', PRODUCT_COPY_COLUMNS, fresh.map((r) => [
    r.enterprise_id, r.code, r.epc, r.gtin, r.digital_link, r.serial, r.name, r.model, r.standard_no, r.warranty_months, r.production_date, r.life,
    r.mass_rate, r.value_rate, r.formula_version, r.core_mass, r.total_mass, r.core_value, r.total_value, pgArray(r.life_core_keys), PRODUCT_STATE_AS_MADE,
    r.owner_id, r.owner_name, r.owner_id, r.owner_name, r.made_event_id, r.made_at, r.biz_location, r.public_steps ? JSON.stringify(r.public_steps) : null,
  ]));
}

const OBJECT_ARRAYS = '$2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::text[], $9::text[]';
const objectArrays = (rows: ObjectUpsert[]) => (['key', 'kind', 'name', 'first', 'last', 'stepKind', 'bizStep', 'disposition'] as const).map((c) => pgArray(rows.map((r) => r[c])));
/** How an object row takes in what a capture saw of it (`src` holds the capture's values): kind by rank, first name, earliest first, latest last. */
const mergeObject = (src: string) => `
        kind = CASE WHEN array_position(ARRAY['other','lot','part','core','product'], ${src}.kind) > array_position(ARRAY['other','lot','part','core','product'], o.kind) THEN ${src}.kind ELSE o.kind END,
        name = COALESCE(o.name, ${src}.name),
        first_event_time = LEAST(o.first_event_time, ${src}.first_event_time),
        last_step_kind = CASE WHEN ${src}.last_event_time >= o.last_event_time THEN COALESCE(${src}.last_step_kind, o.last_step_kind) ELSE o.last_step_kind END,
        last_biz_step = CASE WHEN ${src}.last_event_time >= o.last_event_time THEN ${src}.last_biz_step ELSE o.last_biz_step END,
        last_disposition = CASE WHEN ${src}.last_event_time >= o.last_event_time THEN COALESCE(${src}.last_disposition, o.last_disposition) ELSE o.last_disposition END,
        last_event_time = GREATEST(o.last_event_time, ${src}.last_event_time)`;

export const traceRepo = {
  // ---------------------------------------------------------------- enterprises (prefix, serials)
  async prefixOf(db: Db, enterpriseId: string): Promise<string | null> {
    const [r] = await q<{ prefix: string }>(db, sql`SELECT prefix FROM trace_enterprises WHERE enterprise_id = ${enterpriseId}`);
    return r?.prefix ?? null;
  },
  async enterpriseOfPrefix(db: Db, prefix: string): Promise<string | null> {
    const [r] = await q<{ enterprise_id: string }>(db, sql`SELECT enterprise_id FROM trace_enterprises WHERE prefix = ${prefix}`);
    return r?.enterprise_id ?? null;
  },
  async prefixTaken(db: Db, prefix: string): Promise<boolean> {
    const [r] = await q<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM trace_enterprises WHERE prefix = ${prefix}`);
    return (r?.n ?? 0) > 0;
  },
  async insertPrefix(db: Db, enterpriseId: string, prefix: string) {
    await db.execute(sql`INSERT INTO trace_enterprises (enterprise_id, prefix) VALUES (${enterpriseId}, ${prefix}) ON CONFLICT (enterprise_id) DO NOTHING`);
  },
  /** Reserve n consecutive serials; returns the first. */
  async takeSerials(db: Db, enterpriseId: string, n: number): Promise<number> {
    const [r] = await q<{ first: string | number }>(
      db,
      sql`UPDATE trace_enterprises SET next_serial = next_serial + ${n} WHERE enterprise_id = ${enterpriseId} RETURNING next_serial - ${n} AS first`,
    );
    if (!r) throw new Error(`no trace prefix for enterprise ${enterpriseId}`);
    return Number(r.first);
  },

  // ---------------------------------------------------------------- projection writes
  /** Upserts the objects; returns those that are cores or products after it, and those that existed before (with whether the row is new). */
  async upsertObjects(db: Db, enterpriseId: string, rows: ObjectUpsert[]): Promise<{ key: string; kind: string; inserted: boolean }[]> {
    if (!rows.length) return [];
    // column arrays (unnest), not a JSON document: nothing to build or parse per row
    return rawQuery<{ key: string; kind: string; inserted: boolean }>(
      db,
      `WITH u AS (
      INSERT INTO trace_objects AS o (enterprise_id, key, kind, name, first_event_time, last_event_time, last_step_kind, last_biz_step, last_disposition)
      SELECT $1::uuid, r.* FROM unnest(${OBJECT_ARRAYS}) AS r
      ON CONFLICT (enterprise_id, key) DO UPDATE SET ${mergeObject('EXCLUDED')}
      RETURNING o.key, o.kind, (xmax = 0) AS inserted)
      SELECT key, kind, inserted FROM u WHERE kind IN ('core', 'product') OR NOT inserted`,
      [enterpriseId, ...objectArrays(rows)],
    );
  },
  /**
   * Objects named only as parts (taken out of a core, or put into a product) get no row of their own — their edges
   * describe them (migration 20261210070000) — but a key that already has a row (a product reused as an input, a
   * part observed earlier) has it brought up to date like an upsert would. Returns the rows that existed.
   */
  async updateExistingObjects(db: Db, enterpriseId: string, all: ObjectUpsert[]): Promise<{ key: string; kind: string; inserted: boolean }[]> {
    if (!all.length) return [];
    // which have rows (usually none): one array of keys to probe, then the values of those only
    const existing = new Set((await rawQuery<{ key: string }>(db, 'SELECT key FROM trace_objects WHERE enterprise_id = $1::uuid AND key = ANY($2::text[])', [enterpriseId, pgArray(all.map((r) => r.key))])).map((r) => r.key));
    const rows = all.filter((r) => existing.has(r.key));
    if (!rows.length) return [];
    return rawQuery<{ key: string; kind: string; inserted: boolean }>(
      db,
      `UPDATE trace_objects AS o SET ${mergeObject('r')}
      FROM unnest(${OBJECT_ARRAYS}) AS r(key, kind, name, first_event_time, last_event_time, last_step_kind, last_biz_step, last_disposition)
      WHERE o.enterprise_id = $1::uuid AND o.key = r.key
      RETURNING o.key, o.kind, false AS inserted`,
      [enterpriseId, ...objectArrays(rows)],
    );
  },
  async insertEdges(db: Db, enterpriseId: string, rows: EdgeInsert[]) {
    await bulkInsert(db, 'trace_edges', EDGE_COLUMNS, rows.map((r) => [enterpriseId, r.parent, r.child, r.kind, r.eventId, r.validFrom, r.validTo, r.closedBy, r.partName ?? null]));
  },
  /** Transformation events whose links are their edges (not read from the event store; migration 20261215050000). */
  async insertEdgeEvents(db: Db, enterpriseId: string, eventIds: string[]) {
    if (!eventIds.length) return;
    await rawQuery(db, 'INSERT INTO trace_edge_events (enterprise_id, event_id) SELECT $1::uuid, unnest($2::text[]) ON CONFLICT DO NOTHING', [enterpriseId, pgArray([...new Set(eventIds)])]);
  },
  /** Aggregation DELETE: close the open edges of parent (→ the given children, or all); returns the children closed. */
  async closeAggregation(db: Db, enterpriseId: string, parent: string, children: string[] | null, at: string, eventId: string): Promise<string[]> {
    const rows = await q<{ child_key: string }>(
      db,
      sql`UPDATE trace_edges SET valid_to = ${at}::timestamptz, closed_by_event_id = ${eventId}
          WHERE enterprise_id = ${enterpriseId} AND parent_key = ${parent} AND kind = 'aggregation' AND valid_to IS NULL AND NOT erroneous
            AND valid_from <= ${at}::timestamptz ${children ? sql`AND child_key = ANY(${textArray(children)})` : sql``}
          RETURNING child_key`,
    );
    return rows.map((r) => r.child_key);
  },
  async insertSteps(db: Db, enterpriseId: string, rows: StepInsert[]) {
    const text = new Map<object, string>(); // an event's details are shared by its objects: serialised once
    const detailsOf = (d: Record<string, unknown> | null) => (d === null ? null : (text.get(d) ?? text.set(d, JSON.stringify(d)).get(d)!));
    await bulkInsert(db, 'trace_steps', STEP_COLUMNS, rows.map((r) => [enterpriseId, r.key, r.eventId, r.time, r.eventType, r.bizStep, r.disposition, r.stepKind, detailsOf(r.details)]));
  },
  /** An error declaration: flag what the event produced and undo the aggregation windows it closed. */
  async declareErroneous(db: Db, enterpriseId: string, eventId: string) {
    await db.execute(sql`UPDATE trace_edges SET erroneous = true WHERE enterprise_id = ${enterpriseId} AND event_id = ${eventId}`);
    await db.execute(sql`UPDATE trace_edges SET valid_to = NULL, closed_by_event_id = NULL WHERE enterprise_id = ${enterpriseId} AND closed_by_event_id = ${eventId}`);
    await db.execute(sql`UPDATE trace_steps SET erroneous = true WHERE enterprise_id = ${enterpriseId} AND event_id = ${eventId}`);
    await db.execute(
      sql`UPDATE trace_products SET status = 'revoked', status_reason = ${REASSEMBLY_DECLARED_ERRONEOUS}, updated_at = now() WHERE enterprise_id = ${enterpriseId} AND made_event_id = ${eventId}`,
    );
  },
  async updateProduct(db: Db, enterpriseId: string, code: string, patch: Partial<Pick<ProductRow, 'status' | 'status_reason' | 'state' | 'owner_id' | 'owner_name' | 'possessor_id' | 'possessor_name' | 'installation'>>) {
    const sets: SQL[] = [];
    const col: Record<string, string> = {
      status: 'status', status_reason: 'status_reason', state: 'state', owner_id: 'owner_id', owner_name: 'owner_name',
      possessor_id: 'possessor_id', possessor_name: 'possessor_name',
    };
    for (const [k, v] of Object.entries(patch)) {
      if (k === 'installation') sets.push(sql`installation = ${v === null ? null : JSON.stringify(v)}::jsonb`);
      else if (col[k]) sets.push(sql`${sql.raw(col[k]!)} = ${v as string | null}`);
    }
    if (!sets.length) return;
    await db.execute(sql`UPDATE trace_products SET ${sql.join(sets, sql`, `)}, updated_at = now() WHERE enterprise_id = ${enterpriseId} AND code = ${code}`);
  },

  // ---------------------------------------------------------------- set-based projection writes (one statement per kind of write and capture)
  /**
   * Aggregation DELETEs of one capture, each on a DIFFERENT parent (the caller falls back to closeAggregation
   * one by one otherwise), in one UPDATE: closes the open edges of each parent (→ its children, or all when
   * `all`); returns the (parent, child) pairs closed.
   */
  async closeAggregations(db: Db, enterpriseId: string, items: { parent: string; all: boolean; children: string[]; at: string; eventId: string }[]): Promise<{ parent_key: string; child_key: string }[]> {
    if (!items.length) return [];
    return q<{ parent_key: string; child_key: string }>(
      db,
      sql`UPDATE trace_edges e SET valid_to = d.at::timestamptz, closed_by_event_id = d."eventId"
          FROM jsonb_to_recordset(${json(items)}) AS d(parent text, "all" boolean, children jsonb, at text, "eventId" text)
          WHERE e.enterprise_id = ${enterpriseId} AND e.parent_key = d.parent AND e.kind = 'aggregation' AND e.valid_to IS NULL AND NOT e.erroneous
            -- the parents again as an array: an index condition whatever the planner thinks of the row counts
            AND e.parent_key = ANY(${textArray([...new Set(items.map((i) => i.parent))])})
            AND e.valid_from <= d.at::timestamptz AND (d."all" OR e.child_key = ANY(ARRAY(SELECT jsonb_array_elements_text(d.children))))
          RETURNING e.parent_key, e.child_key`,
    );
  },
  /** Error declarations: flag what the events produced and undo the aggregation windows they closed (as declareErroneous, for many). */
  async declareErroneousMany(db: Db, enterpriseId: string, eventIds: string[]): Promise<string[]> {
    if (!eventIds.length) return [];
    const ids = textArray(eventIds);
    await db.execute(sql`UPDATE trace_edges SET erroneous = true WHERE enterprise_id = ${enterpriseId} AND event_id = ANY(${ids})`);
    await db.execute(sql`UPDATE trace_edges SET valid_to = NULL, closed_by_event_id = NULL WHERE enterprise_id = ${enterpriseId} AND closed_by_event_id = ANY(${ids})`);
    const keys = await q<{ object_key: string }>(db, sql`UPDATE trace_steps SET erroneous = true WHERE enterprise_id = ${enterpriseId} AND event_id = ANY(${ids}) RETURNING object_key`);
    const revoked = await q<{ code: string }>(
      db,
      sql`UPDATE trace_products SET status = 'revoked', status_reason = ${REASSEMBLY_DECLARED_ERRONEOUS}, updated_at = now() WHERE enterprise_id = ${enterpriseId} AND made_event_id = ANY(${ids}) RETURNING code`,
    );
    // a declared disassembly did not happen; a declared reassembly made no successor (the next one made counts)
    await db.execute(sql`UPDATE trace_products SET disassembled_at = NULL, disassembled_by_event_id = NULL, updated_at = now() WHERE enterprise_id = ${enterpriseId} AND disassembled_by_event_id = ANY(${ids})`);
    if (revoked.length) {
      await db.execute(sql`
        UPDATE trace_products p SET updated_at = now(), successor_code = (
          SELECT s.code FROM trace_products s
          WHERE s.enterprise_id = p.enterprise_id AND p.epc = ANY(s.life_core_keys) AND s.life > p.life AND s.made_at >= p.made_at AND s.status_reason IS DISTINCT FROM ${REASSEMBLY_DECLARED_ERRONEOUS}
          ORDER BY s.made_at, s.code LIMIT 1)
        WHERE p.enterprise_id = ${enterpriseId} AND p.successor_code = ANY(${textArray(revoked.map((r) => r.code))})`);
    }
    return [...new Set(keys.map((k) => k.object_key))];
  },
  /** (part, core) pairs: the cores the given parts were disassembled from (non-erroneous disassembly edges). */
  async coresOfParts(db: Db, enterpriseId: string, parts: string[]): Promise<{ part: string; core: string }[]> {
    if (!parts.length) return [];
    return rawQuery<{ part: string; core: string }>(
      db,
      `SELECT DISTINCT parent_key AS part, child_key AS core FROM trace_edges WHERE enterprise_id = $1::uuid AND kind = 'disassembly' AND NOT erroneous AND parent_key = ANY($2::text[])`,
      [enterpriseId, pgArray(parts)],
    );
  },
  /** Latest life of each of these EPCs that is a product (one enterprise). */
  async latestLives(db: Db, enterpriseId: string, epcs: string[]): Promise<{ epc: string; life: number }[]> {
    if (!epcs.length) return [];
    return q<{ epc: string; life: number }>(db, sql`SELECT epc, max(life)::int AS life FROM trace_products WHERE enterprise_id = ${enterpriseId} AND epc = ANY(${textArray(epcs)}) GROUP BY epc`);
  },
  /** Many products at once (COPY on PostgreSQL, one INSERT per 2,000 elsewhere); an existing (enterprise, epc, life) is left alone. */
  async insertProducts(db: Db, rows: ProductInsert[]) {
    if (!rows.length) return;
    if (canCopy(db)) return copyProducts(db, rows);
    for (let i = 0; i < rows.length; i += 2000) {
      await db.execute(sql`
        INSERT INTO trace_products (enterprise_id, code, epc, gtin, digital_link, serial, name, model, standard_no, warranty_months, production_date, life,
          mass_rate, value_rate, formula_version, core_mass, total_mass, core_value, total_value, life_core_keys, state, owner_id, owner_name, possessor_id, possessor_name, made_event_id, made_at, biz_location, public_steps)
        SELECT r.enterprise_id, r.code, r.epc, r.gtin, r.digital_link, r.serial, r.name, r.model, r.standard_no, r.warranty_months, r.production_date::date, r.life,
          r.mass_rate, r.value_rate, r.formula_version, r.core_mass, r.total_mass, r.core_value, r.total_value, ARRAY(SELECT jsonb_array_elements_text(r.life_core_keys)),
          ${PRODUCT_STATE_AS_MADE}, r.owner_id, r.owner_name, r.owner_id, r.owner_name, r.made_event_id, r.made_at::timestamptz, r.biz_location, r.public_steps
        FROM jsonb_to_recordset(${json(rows.slice(i, i + 2000))}) AS r(enterprise_id uuid, code text, epc text, gtin text, digital_link text, serial text, name text, model text,
          standard_no text, warranty_months integer, production_date text, life integer, mass_rate numeric, value_rate numeric, formula_version text, core_mass float8, total_mass float8,
          core_value float8, total_value float8, life_core_keys jsonb, owner_id text, owner_name text, made_event_id text, made_at text, biz_location text, public_steps jsonb)
        ON CONFLICT (enterprise_id, epc, life) DO NOTHING`);
    }
  },
  /** Many product patches in one UPDATE: a column is set only when its key is in the row's patch (as updateProduct). */
  async updateProducts(db: Db, enterpriseId: string, patches: { code: string; patch: Partial<Pick<ProductRow, 'status' | 'status_reason' | 'state' | 'owner_id' | 'owner_name' | 'possessor_id' | 'possessor_name' | 'installation'>> }[]) {
    const rows = patches.filter((p) => Object.keys(p.patch).length);
    if (!rows.length) return;
    const set = (c: string) => sql.raw(`${c} = CASE WHEN d.patch ? '${c}' THEN d.patch->>'${c}' ELSE p.${c} END`);
    await db.execute(sql`
      UPDATE trace_products p SET ${sql.join(['status', 'status_reason', 'state', 'owner_id', 'owner_name', 'possessor_id', 'possessor_name'].map(set), sql`, `)},
        installation = CASE WHEN d.patch ? 'installation' THEN NULLIF(d.patch->'installation', 'null'::jsonb) ELSE p.installation END,
        updated_at = now()
      FROM jsonb_to_recordset(${JSON.stringify(rows, (_k, v) => (v === undefined ? null : v))}::jsonb) AS d(code text, patch jsonb)
      WHERE p.enterprise_id = ${enterpriseId} AND p.code = d.code`);
  },

  // ---------------------------------------------------------------- successor semantics, public timeline
  /** Units taken in as cores and disassembled (first disassembly after the product was made). */
  async markDisassembled(db: Db, enterpriseId: string, items: { key: string; at: string; eventId: string }[]) {
    if (!items.length) return;
    await db.execute(sql`
      UPDATE trace_products p SET disassembled_at = d.at::timestamptz, disassembled_by_event_id = d."eventId", updated_at = now()
      FROM (SELECT DISTINCT ON (key) key, at, "eventId" FROM jsonb_to_recordset(${json(items)}) AS r(key text, at text, "eventId" text) ORDER BY key, at::timestamptz) d
      WHERE p.enterprise_id = ${enterpriseId} AND p.epc = d.key AND p.made_at <= d.at::timestamptz AND p.disassembled_at IS NULL`);
  },
  /** New products are the successors of the earlier-life products among their life cores (the first made wins). */
  async setSuccessors(db: Db, enterpriseId: string, made: { code: string; life: number; madeAt: string; keys: string[] }[]) {
    const rows = made.filter((m) => m.keys.length);
    if (!rows.length) return;
    await db.execute(sql`
      UPDATE trace_products p SET successor_code = x.code, updated_at = now()
      FROM (SELECT DISTINCT ON (t.epc) t.epc, t.code, t.life, t.made_at FROM (
              SELECT d.code, d.life, d."madeAt"::timestamptz AS made_at, jsonb_array_elements_text(d.keys) AS epc
              FROM jsonb_to_recordset(${json(rows)}) AS d(code text, life integer, "madeAt" text, keys jsonb)) t
            ORDER BY t.epc, t.made_at, t.code) x
      WHERE p.enterprise_id = ${enterpriseId} AND p.epc = x.epc AND p.life < x.life AND p.made_at <= x.made_at AND p.successor_code IS NULL`);
  },
  /**
   * The public timeline kept on the product row (date + kind of the non-erroneous steps of the product and of its
   * life cores): of the given products, of products whose EPC is one of productKeys, and of products with one of
   * coreKeys among their life cores.
   */
  async refreshPublicSteps(db: Db, enterpriseId: string, sel: { codes?: string[]; productKeys?: string[]; coreKeys?: string[] }) {
    const conds: SQL[] = [];
    if (sel.codes?.length) conds.push(sql`p.code = ANY(${textArray(sel.codes)})`);
    if (sel.productKeys?.length) conds.push(sql`p.epc = ANY(${textArray(sel.productKeys)})`);
    if (sel.coreKeys?.length) conds.push(sql`p.life_core_keys && ${textArray(sel.coreKeys)}`);
    if (!conds.length) return;
    await db.execute(sql`
      UPDATE trace_products p SET public_steps = (${sql.raw(PUBLIC_STEPS_OF_P)})
      WHERE p.enterprise_id = ${enterpriseId} AND (${sql.join(conds, sql` OR `)})`);
  },

  // ---------------------------------------------------------------- reads
  /** Latest-life product rows of these EPCs (one enterprise). */
  async productsByEpcs(db: Db, enterpriseId: string, epcs: string[]): Promise<ProductRow[]> {
    if (!epcs.length) return [];
    return q<ProductRow>(
      db,
      sql`SELECT DISTINCT ON (epc) ${PRODUCT_COLUMNS} FROM trace_products WHERE enterprise_id = ${enterpriseId} AND epc = ANY(${textArray(epcs)}) ORDER BY epc, life DESC`,
    );
  },
  /** The current code of each product's unit: its successors followed to the last (cycle-safe, ≤ 50 lives). */
  async currentCodes(db: Db, products: { enterpriseId: string; code: string }[]): Promise<Map<string, string>> {
    if (!products.length) return new Map();
    const rows = await q<{ start: string; code: string }>(
      db,
      sql`WITH RECURSIVE c(start, enterprise_id, code, n) AS (
            SELECT d.code, d."enterpriseId"::uuid, d.code, 0 FROM jsonb_to_recordset(${json(products)}) AS d("enterpriseId" text, code text)
            UNION ALL
            SELECT c.start, c.enterprise_id, p.successor_code, c.n + 1 FROM c JOIN trace_products p ON p.enterprise_id = c.enterprise_id AND p.code = c.code
            WHERE p.successor_code IS NOT NULL AND c.n < 50
          )
          SELECT DISTINCT ON (start) start, code FROM c ORDER BY start, n DESC`,
    );
    return new Map(rows.map((r) => [r.start, r.code]));
  },
  async productsByCodes(db: Db, codes: string[], ids: EnterpriseIds): Promise<ProductRow[]> {
    if (!codes.length) return [];
    return q<ProductRow>(db, sql`SELECT ${PRODUCT_COLUMNS} FROM trace_products WHERE code = ANY(${textArray(codes)}) AND ${scopeOn(sql`enterprise_id`, ids)}`);
  },
  /** The product's stored status, read under the enterprise's stream lock (the caller holds it: status changes are serialised). */
  async productStatus(db: Db, enterpriseId: string, code: string): Promise<{ status: ProductRow['status'] } | null> {
    const [r] = await q<{ status: ProductRow['status'] }>(db, sql`SELECT status FROM trace_products WHERE enterprise_id = ${enterpriseId} AND code = ${code}`);
    return r ?? null;
  },
  /** The earlier lives of a product: products among its life cores, recursively (one recursive query). */
  async earlierLives(db: Db, enterpriseId: string, code: string): Promise<ProductRow[]> {
    return q<ProductRow>(
      db,
      sql`WITH RECURSIVE l(code, life, keys) AS (
            SELECT code, life, life_core_keys FROM trace_products WHERE enterprise_id = ${enterpriseId} AND code = ${code}
            UNION
            SELECT p.code, p.life, p.life_core_keys FROM l JOIN trace_products p ON p.enterprise_id = ${enterpriseId} AND p.epc = ANY(l.keys) AND p.life < l.life
          )
          SELECT ${sql.raw(PRODUCT_COLUMNS_P)} FROM trace_products p WHERE p.enterprise_id = ${enterpriseId} AND p.code IN (SELECT code FROM l) ORDER BY p.life`,
    );
  },
  /** Cores the given parts were disassembled from (non-erroneous disassembly edges). */
  async coresOf(db: Db, enterpriseId: string, parts: string[]): Promise<string[]> {
    if (!parts.length) return [];
    const rows = await q<{ k: string }>(
      db,
      sql`SELECT DISTINCT child_key AS k FROM trace_edges WHERE enterprise_id = ${enterpriseId} AND kind = 'disassembly' AND NOT erroneous AND parent_key = ANY(${textArray(parts)})`,
    );
    return rows.map((r) => r.k);
  },
  /** A product by platform code, EPC or Digital Link (latest life), within the given enterprises. */
  async findProduct(db: Db, ref: { code?: string; epc?: string }, ids: EnterpriseIds): Promise<ProductRow | null> {
    const where = ref.code ? sql`code = ${ref.code}` : sql`(epc = ${ref.epc!} OR digital_link = ${ref.epc!})`;
    const [r] = await q<ProductRow>(db, sql`SELECT ${PRODUCT_COLUMNS} FROM trace_products WHERE ${where} AND ${scopeOn(sql`enterprise_id`, ids)} ORDER BY life DESC LIMIT 1`);
    return r ?? null;
  },
  async listProducts(db: Db, ids: EnterpriseIds, f: { q?: string; status?: string }, page: number, pageSize: number) {
    const like = f.q ? likeContains(f.q) : null;
    const where = sql`${scopeOn(sql`enterprise_id`, ids)}
      ${like ? sql`AND (${sql.join(['code', 'name', 'model', 'serial', 'epc'].map((c) => ilikeEscaped(sql.raw(c), like)), sql` OR `)})` : sql``}
      ${f.status ? sql`AND status = ${f.status}` : sql``}`;
    const [rows, [total]] = await Promise.all([
      q<ProductRow>(db, sql`SELECT ${PRODUCT_COLUMNS} FROM trace_products WHERE ${where} ORDER BY made_at DESC, code LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`),
      q<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM trace_products WHERE ${where}`),
    ]);
    return { rows, total: total?.n ?? 0 };
  },
  /**
   * What a recall can start from, found by what people know (issue 16 item 10): a lot number (the tail of an LGTIN
   * class, e.g. PR2026A), a serial (the tail of an EPC), a part or core name, a product code; in scope. At most 50.
   */
  async recallTargets(db: Db, text: string, ids: EnterpriseIds): Promise<{ key: string; kind: string; name: string | null; product_code: string | null; exact: boolean }[]> {
    const keyMatches = (key: SQL) => sql`(${key} = ${text} OR ${ilikeEscaped(key, likeSuffix(`.${text}`))} OR ${ilikeEscaped(key, likeSuffix(`:${text}`))})`;
    // object rows, and parts known only from their edges (the part side of disassembly and transformation edges)
    return q(
      db,
      sql`WITH hits AS (
            SELECT o.enterprise_id, o.key, o.kind, o.name FROM trace_objects o WHERE ${scopeOn(sql`o.enterprise_id`, ids)} AND o.kind IN ('lot', 'core', 'part', 'product')
            UNION ALL
            (SELECT DISTINCT ON (x.enterprise_id, x.key) x.enterprise_id, x.key, 'part'::text, x.part_name FROM (
              SELECT enterprise_id, parent_key AS key, part_name, valid_from FROM trace_edges WHERE kind = 'disassembly' AND ${scopeOn(sql`enterprise_id`, ids)}
              UNION ALL
              SELECT enterprise_id, child_key, part_name, valid_from FROM trace_edges WHERE kind = 'transformation' AND ${scopeOn(sql`enterprise_id`, ids)}
              UNION ALL
              SELECT l.enterprise_id, l.child_key, NULL, l.valid_from FROM (${eventLinks('input', keyMatches)}) l WHERE ${scopeOn(sql`l.enterprise_id`, ids)}
            ) x
            WHERE (${keyMatches(sql`x.key`)} OR ${ilikeEscaped(sql`x.part_name`, likeContains(text))})
              AND NOT EXISTS (SELECT 1 FROM trace_objects o WHERE o.enterprise_id = x.enterprise_id AND o.key = x.key)
            ORDER BY x.enterprise_id, x.key, x.part_name IS NULL, x.valid_from DESC)
          )
          SELECT DISTINCT ON (h.key) h.key, h.kind, h.name, p.code AS product_code, (${keyMatches(sql`h.key`)} OR p.code = upper(${text})) AS exact
          FROM hits h
          LEFT JOIN trace_products p ON p.enterprise_id = h.enterprise_id AND (p.epc = h.key OR p.digital_link = h.key)
          WHERE ${keyMatches(sql`h.key`)} OR ${ilikeEscaped(sql`h.name`, likeContains(text))} OR p.code = upper(${text})
          ORDER BY h.key, p.life DESC NULLS LAST
          LIMIT 50`,
    );
  },
  async productsByEpcsScoped(db: Db, epcs: string[], ids: EnterpriseIds): Promise<ProductRow[]> {
    if (!epcs.length) return [];
    return q<ProductRow>(db, sql`SELECT ${PRODUCT_COLUMNS} FROM trace_products WHERE epc = ANY(${textArray(epcs)}) AND ${scopeOn(sql`enterprise_id`, ids)} ORDER BY epc, life`);
  },
  /** Trace nodes in one query: each key's object row (or, for a part known only from the genealogy, its edges) and its latest-life product (if it is one). */
  async nodes(db: Db, keys: string[], ids: EnterpriseIds) {
    if (!keys.length) return [];
    return q<{ key: string; kind: string | null; name: string | null; code: string | null; product_name: string | null; life: number | null }>(
      db,
      sql`SELECT k.key, n.kind, n.name, p.code, p.name AS product_name, p.life
          FROM unnest(${textArray(keys)}) AS k(key)
          ${nodeOf(sql`k.key`, ids)}
          LEFT JOIN LATERAL (SELECT code, name, life FROM trace_products WHERE epc = k.key AND ${scopeOn(sql`enterprise_id`, ids)} ORDER BY life DESC LIMIT 1) p ON true`,
    );
  },
  /** The objects among these keys (one row each): object rows, and parts known from their edges. */
  async objects(db: Db, keys: string[], ids: EnterpriseIds) {
    if (!keys.length) return [];
    return q<{ enterprise_id: string; key: string; kind: string; name: string | null }>(
      db,
      sql`SELECT n.enterprise_id, k.key, n.kind, n.name FROM unnest(${textArray(keys)}) AS k(key) ${nodeOf(sql`k.key`, ids)} WHERE n.kind IS NOT NULL`,
    );
  },
  async objectExists(db: Db, key: string, ids: EnterpriseIds): Promise<boolean> {
    const [r] = await q<{ found: boolean }>(
      db,
      sql`SELECT EXISTS (SELECT 1 FROM trace_objects WHERE key = ${key} AND ${scopeOn(sql`enterprise_id`, ids)})
            OR EXISTS (SELECT 1 FROM trace_edges WHERE parent_key = ${key} AND ${scopeOn(sql`enterprise_id`, ids)})
            OR EXISTS (SELECT 1 FROM trace_edges WHERE child_key = ${key} AND ${scopeOn(sql`enterprise_id`, ids)})
            OR EXISTS (SELECT 1 FROM (${eventLinks('input', (epc) => sql`${epc} = ${key}`)}) l WHERE ${scopeOn(sql`l.enterprise_id`, ids)})
            OR EXISTS (SELECT 1 FROM (${eventLinks('output', (epc) => sql`${epc} = ${key}`)}) l WHERE ${scopeOn(sql`l.enterprise_id`, ids)}) AS found`,
    );
    return Boolean(r?.found);
  },
  /**
   * What the step rules (src/domain/trace/step-rules.ts) need of each key's history, from the genealogy edges
   * (erroneous events excluded): its last disassembly as a core, its last use as an input of a product, and the
   * last time it came out of a core. Read under the enterprise's stream lock.
   */
  async objectHistory(db: Db, enterpriseId: string, keys: string[]): Promise<Map<string, ObjectHistory>> {
    if (!keys.length) return new Map();
    const rows = await q<{ key: string; disassembled_at: string | Date | null; consumed_at: string | Date | null; released_at: string | Date | null }>(
      db,
      sql`SELECT k.key,
            (SELECT max(valid_from) FROM trace_edges WHERE enterprise_id = ${enterpriseId} AND child_key = k.key AND kind = 'disassembly' AND NOT erroneous) AS disassembled_at,
            (SELECT max(valid_from) FROM ${edgesWhere('child', sql`k.key`)} c WHERE enterprise_id = ${enterpriseId} AND kind = 'transformation' AND NOT erroneous) AS consumed_at,
            (SELECT max(valid_from) FROM trace_edges WHERE enterprise_id = ${enterpriseId} AND parent_key = k.key AND kind = 'disassembly' AND NOT erroneous) AS released_at
          FROM unnest(${textArray(keys)}) AS k(key)`,
    );
    const d = (v: string | Date | null) => (v === null ? null : new Date(v));
    return new Map(rows.map((r) => [r.key, { disassembledAt: d(r.disassembled_at), consumedAt: d(r.consumed_at), releasedAt: d(r.released_at) }]));
  },
  async objectInEnterprise(db: Db, enterpriseId: string, key: string) {
    const [r] = await q<{ kind: string | null; name: string | null; last_step_kind: string | null }>(
      db,
      sql`SELECT n.kind, n.name, o.last_step_kind FROM (SELECT ${key}::text AS key) k ${nodeOf(sql`k.key`, [enterpriseId])}
          LEFT JOIN trace_objects o ON o.enterprise_id = ${enterpriseId} AND o.key = k.key`,
    );
    return r?.kind ? r : null;
  },

  /**
   * The genealogy walk (rules in src/domain/trace/genealogy.ts) as one recursive CTE; returns every edge
   * followed with the depth of the node it was followed from, plus edges beyond `depth` (depth = maxDepth)
   * which only signal truncation.
   */
  async walk(db: Db, root: string, direction: 'up' | 'down', at: Date, maxDepth: number, ids: EnterpriseIds, includeScrapped = false): Promise<EdgeRow[]> {
    // The planner's row estimates for the event-store links (set-returning JSON functions: 100 rows each) push the
    // statement's cost past jit_above_cost: JIT compilation then took ~200 ms of a walk that runs in a few (bench/trace-genealogy.ts).
    return db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL jit = off`);
      return traceRepo.walkStatement(tx, root, direction, at, maxDepth, ids, includeScrapped);
    });
  },
  async walkStatement(db: Db, root: string, direction: 'up' | 'down', at: Date, maxDepth: number, ids: EnterpriseIds, includeScrapped: boolean): Promise<EdgeRow[]> {
    const scope = scopeOn(sql`e.enterprise_id`, ids);
    const atIso = at.toISOString();
    // scrapped/destroyed objects are not reached (nor walked through) unless asked for: one primary-key probe per edge
    const notScrapped = (key: SQL) =>
      includeScrapped ? sql`true` : sql`NOT EXISTS (SELECT 1 FROM trace_objects o WHERE o.enterprise_id = e.enterprise_id AND o.key = ${key} AND o.last_disposition IN (${sql.raw(SCRAPPED_DISPOSITIONS.map((d) => `'${d}'`).join(', '))}))`;
    if (direction === 'up') {
      // from a core reached by disassembly only its own disassembly provenance: its composition holds the part's siblings
      const cond = sql`NOT e.erroneous AND e.valid_from <= w.as_of AND (e.kind <> 'aggregation' OR e.valid_to IS NULL OR e.valid_to >= w.as_of)
        AND (NOT w.via_dis OR e.kind = 'disassembly') AND ${scope} AND ${notScrapped(sql`e.child_key`)}`;
      return q<EdgeRow>(
        db,
        sql`WITH RECURSIVE w(key, as_of, depth, via_dis) AS (
              SELECT ${root}::text, ${atIso}::timestamptz, 0, false
              UNION
              SELECT e.child_key, CASE WHEN e.kind = 'aggregation' THEN w.as_of ELSE e.valid_from END, w.depth + 1, e.kind = 'disassembly'
              FROM w CROSS JOIN LATERAL ${edgesWhere('parent', sql`w.key`)} e
              WHERE w.depth < ${maxDepth} AND ${cond}
            )
            SELECT DISTINCT e.parent_key, e.child_key, e.kind, e.event_id, e.valid_from, e.valid_to, e.erroneous, w.depth
            FROM w CROSS JOIN LATERAL ${edgesWhere('parent', sql`w.key`)} e WHERE w.depth <= ${maxDepth} AND ${cond}`,
      );
    }
    const cond = sql`NOT e.erroneous AND e.valid_from >= w.as_of AND e.valid_from <= ${atIso}::timestamptz
      AND (e.kind <> 'disassembly' OR w.via_dis) AND (e.kind <> 'aggregation' OR e.valid_to IS NULL OR e.valid_to > ${atIso}::timestamptz) AND ${scope} AND ${notScrapped(sql`e.parent_key`)}`;
    return q<EdgeRow>(
      db,
      sql`WITH RECURSIVE w(key, as_of, depth, via_dis) AS (
            SELECT ${root}::text, '-infinity'::timestamptz, 0, true
            UNION
            SELECT e.parent_key, e.valid_from, w.depth + 1, e.kind = 'disassembly'
            FROM w CROSS JOIN LATERAL ${edgesWhere('child', sql`w.key`)} e
            WHERE w.depth < ${maxDepth} AND ${cond}
          )
          SELECT DISTINCT e.parent_key, e.child_key, e.kind, e.event_id, e.valid_from, e.valid_to, e.erroneous, w.depth
          FROM w CROSS JOIN LATERAL ${edgesWhere('child', sql`w.key`)} e WHERE w.depth <= ${maxDepth} AND ${cond}`,
    );
  },

  async stepsOf(db: Db, enterpriseId: string, keys: string[]): Promise<StepRow[]> {
    if (!keys.length) return [];
    return q<StepRow>(
      db,
      sql`SELECT enterprise_id, object_key, event_id, event_time, event_type, biz_step, disposition, step_kind, details, erroneous
          FROM trace_steps WHERE enterprise_id = ${enterpriseId} AND object_key = ANY(${textArray(keys)}) ORDER BY event_time, id`,
    );
  },
  /**
   * Public page in ONE indexed query: the product (by code, or EPC/Digital Link; latest life) with its steps
   * (its own and its cores' of this and earlier lives) as date + kind only, erroneous steps left out.
   */
  async publicProduct(db: Db, ref: { code?: string; epc?: string }): Promise<PublicProductRow | null> {
    // The scanning hot path: a named prepared statement (planned once per connection), by code or by EPC/DL.
    const [r] = ref.code
      ? await preparedQuery<PublicProductRow>(db, 'trace_public_row_by_code', PUBLIC_PRODUCT_BY_CODE, [ref.code])
      : await preparedQuery<PublicProductRow>(db, 'trace_public_row_by_epc', PUBLIC_PRODUCT_BY_EPC, [ref.epc!]);
    return r ?? null;
  },
  /**
   * The public rows of many references in at most two statements: `codes[i]` / `epcs[i]` → the row (latest life) or
   * null, in order. One indexed statement for a batch of concurrent scans instead of one per scan.
   */
  /**
   * The products (name and model, units counted once per code) of the given enterprises whose label names one of
   * the standard keys (domain/portal/standard-code.ts; index trace_products_standard_key_idx). Public facts only.
   */
  async productsByStandard(db: Db, keys: readonly string[], enterpriseIds: readonly string[], limit: number) {
    if (!keys.length || !enterpriseIds.length) return [];
    return q<{ enterprise_id: string; name: string; model: string | null; standard_no: string; units: number }>(
      db,
      sql`SELECT enterprise_id, name, model, min(standard_no) AS standard_no, count(DISTINCT code)::int AS units
          FROM trace_products
          WHERE standard_no IS NOT NULL AND ${sql.raw(standardKeySql('standard_no'))} = ANY(${textArray(keys)}) AND enterprise_id = ANY(${uuidArray(enterpriseIds)})
          GROUP BY enterprise_id, name, model ORDER BY enterprise_id, name, model LIMIT ${limit}`,
    );
  },
  async publicProducts(db: Db, refs: { code?: string; epc?: string }[]): Promise<(PublicProductRow | null)[]> {
    // a batch of scans: plain loops and two maps by the raw reference (no key strings built per row and per reference)
    const codes: string[] = [];
    const epcs: string[] = [];
    for (const r of refs) {
      if (r.code) codes.push(r.code);
      else if (r.epc) epcs.push(r.epc);
    }
    const [byCode, byEpc] = await Promise.all([
      codes.length ? preparedQuery<PublicProductRow>(db, 'trace_public_rows_by_codes', PUBLIC_PRODUCTS_BY_CODES, [codes]) : [],
      epcs.length ? preparedQuery<PublicProductRow & { epc: string; digital_link: string | null }>(db, 'trace_public_rows_by_epcs', PUBLIC_PRODUCTS_BY_EPCS, [epcs]) : [],
    ]);
    const code = new Map<string, PublicProductRow>();
    const epc = new Map<string, PublicProductRow>();
    const keep = (m: Map<string, PublicProductRow>, key: string, row: PublicProductRow) => {
      const had = m.get(key);
      if (!had || row.life > had.life) m.set(key, row);
    };
    for (const row of byCode) keep(code, row.code, row);
    for (const { epc: e, digital_link, ...row } of byEpc) {
      keep(epc, e, row);
      if (digital_link) keep(epc, digital_link, row);
    }
    return refs.map((r) => (r.code ? code.get(r.code) : r.epc ? epc.get(r.epc) : undefined) ?? null);
  },
  /**
   * Products a party owns or possesses now (issue 12 "access follows the trace"): the projector's owner_id /
   * possessor_id, by the partial indexes of migration 20261207030000. At most `limit` rows.
   */
  async productsHeldBy(db: Db, partyId: string, limit: number): Promise<{ enterprise_id: string; code: string; owner: boolean; possessor: boolean }[]> {
    return q(
      db,
      sql`SELECT enterprise_id, code, owner_id = ${partyId} AS owner, possessor_id = ${partyId} AS possessor FROM trace_products
          WHERE (owner_id = ${partyId} AND owner_id LIKE 'urn:reman-platform:party:%') OR (possessor_id = ${partyId} AND possessor_id LIKE 'urn:reman-platform:party:%')
          ORDER BY enterprise_id, code LIMIT ${limit}`,
    );
  },
  async stepsInPeriod(db: Db, enterpriseId: string, kinds: string[], from: Date, to: Date, page?: LimitOffset): Promise<(StepRow & { object_name: string | null })[]> {
    return q(
      db,
      sql`SELECT s.enterprise_id, s.object_key, s.event_id, s.event_time, s.event_type, s.biz_step, s.disposition, s.step_kind, s.details, s.erroneous, o.name AS object_name
          FROM trace_steps s LEFT JOIN trace_objects o ON o.enterprise_id = s.enterprise_id AND o.key = s.object_key
          WHERE s.enterprise_id = ${enterpriseId} AND s.step_kind = ANY(${textArray(kinds)}) AND NOT s.erroneous
            AND s.event_time >= ${from.toISOString()}::timestamptz AND s.event_time < ${to.toISOString()}::timestamptz
          ORDER BY s.event_time, s.id ${limitOf(page)}`,
    );
  },
  async countStepsInPeriod(db: Db, enterpriseId: string, kinds: string[], from: Date, to: Date): Promise<number> {
    const [r] = await q<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM trace_steps s WHERE s.enterprise_id = ${enterpriseId} AND s.step_kind = ANY(${textArray(kinds)}) AND NOT s.erroneous
            AND s.event_time >= ${from.toISOString()}::timestamptz AND s.event_time < ${to.toISOString()}::timestamptz`,
    );
    return r?.n ?? 0;
  },
  async productsInPeriod(db: Db, enterpriseId: string, from: string, to: string, page?: LimitOffset): Promise<ProductRow[]> {
    return q<ProductRow>(
      db,
      sql`SELECT ${PRODUCT_COLUMNS} FROM trace_products WHERE enterprise_id = ${enterpriseId} AND production_date >= ${from}::date AND production_date <= ${to}::date ORDER BY production_date, code ${limitOf(page)}`,
    );
  },
  async countProductsInPeriod(db: Db, enterpriseId: string, from: string, to: string): Promise<number> {
    const [r] = await q<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM trace_products WHERE enterprise_id = ${enterpriseId} AND production_date >= ${from}::date AND production_date <= ${to}::date`);
    return r?.n ?? 0;
  },
  async ratesByEnterprise(db: Db, year: number, ids: EnterpriseIds) {
    return q<{ enterprise_id: string; formula_version: string | null; products: number; core_mass: number; total_mass: number; core_value: number; total_value: number }>(
      db,
      sql`SELECT enterprise_id, formula_version, count(*)::int AS products, sum(core_mass)::float8 AS core_mass, sum(total_mass)::float8 AS total_mass,
                 sum(core_value)::float8 AS core_value, sum(total_value)::float8 AS total_value
          FROM trace_products WHERE production_date >= make_date(${year}, 1, 1) AND production_date < make_date(${year + 1}, 1, 1)
            AND status <> 'revoked' AND ${scopeOn(sql`enterprise_id`, ids)}
          GROUP BY enterprise_id, formula_version`,
    );
  },

  // ---------------------------------------------------------------- import jobs
  // ---- projection cursor (trace_projection) ----
  /** The cursor of one stream (created at 0 when missing); `lock` takes the row lock that serialises projectors. */
  async projectionCursor(db: Db, enterpriseId: string, lock: boolean): Promise<number> {
    const read = () => q<{ s: number }>(db, sql`SELECT projected_seq::float8 AS s FROM trace_projection WHERE enterprise_id = ${enterpriseId} ${lock ? sql`FOR UPDATE` : sql``}`);
    let r = await read();
    if (!r.length) {
      await db.execute(sql`INSERT INTO trace_projection (enterprise_id) VALUES (${enterpriseId}) ON CONFLICT (enterprise_id) DO NOTHING`);
      r = await read();
    }
    return r[0]!.s;
  },
  async advanceProjection(db: Db, enterpriseId: string, seq: number) {
    await db.execute(sql`UPDATE trace_projection SET projected_seq = ${seq}, updated_at = now(), last_error = NULL, failed_at = NULL WHERE enterprise_id = ${enterpriseId}`);
  },
  async projectionFailed(db: Db, enterpriseId: string, message: string) {
    await db.execute(sql`UPDATE trace_projection SET last_error = ${message.slice(0, 2000)}, failed_at = now() WHERE enterprise_id = ${enterpriseId}`);
  },
  async projectionCursors(db: Db, ids: EnterpriseIds): Promise<{ enterprise_id: string; projected_seq: number; updated_at: Date; last_error: string | null; failed_at: Date | null }[]> {
    return q(db, sql`SELECT enterprise_id::text, projected_seq::float8 AS projected_seq, updated_at, last_error, failed_at FROM trace_projection
      ${ids ? sql`WHERE enterprise_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)` : sql``} ORDER BY enterprise_id`);
  },

  async insertJob(db: Db, j: { enterpriseId: string; id: string; step: string; fileName: string; total: number; createdBy: string | null }) {
    await db.execute(sql`INSERT INTO trace_import_jobs (enterprise_id, id, step, file_name, status, total, created_by) VALUES (${j.enterpriseId}, ${j.id}, ${j.step}, ${j.fileName}, 'running', ${j.total}, ${j.createdBy})`);
  },
  async finishJob(db: Db, enterpriseId: string, id: string, status: 'succeeded' | 'failed', processed: number, errs: unknown[]) {
    await db.execute(sql`UPDATE trace_import_jobs SET status = ${status}, processed = ${processed}, errors = ${json(errs)}, finished_at = now() WHERE enterprise_id = ${enterpriseId} AND id = ${id}`);
  },
  /** A dead import job retried by the operator runs again. */
  async reopenJob(db: Db, enterpriseId: string, id: string) {
    await db.execute(sql`UPDATE trace_import_jobs SET status = 'running', processed = 0, errors = '[]'::jsonb, finished_at = NULL WHERE enterprise_id = ${enterpriseId} AND id = ${id}`);
  },
  async job(db: Db, id: string, ids: EnterpriseIds) {
    const [r] = await q<{ enterprise_id: string; id: string; step: string; file_name: string; status: 'running' | 'succeeded' | 'failed'; processed: number; total: number; errors: unknown[]; created_at: string | Date; finished_at: string | Date | null }>(
      db,
      sql`SELECT enterprise_id, id, step, file_name, status, processed, total, errors, created_at, finished_at FROM trace_import_jobs WHERE id = ${id} AND ${scopeOn(sql`enterprise_id`, ids)}`,
    );
    return r ?? null;
  },
};
