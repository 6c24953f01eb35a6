import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import type { ConditionGrade } from '../../../domain/trading/trade-in.js';
import { searchTextRepo } from '../../platform/search/backfill.js';
import { indexText, queryTerms, tsQuery } from '../../platform/search/segment.js';
import { ilikeEscaped, likeContains } from '../../db/like.js';

/** All SQL on core_postings and core_matches. */
export interface PostingRow {
  id: string;
  kind: 'supply' | 'demand';
  enterprise_id: string | null;
  buyer_org_id: string | null;
  channel: 'enterprise' | 'recycler' | 'dealer';
  name: string;
  model: string | null;
  model_key: string;
  field: string | null;
  quantity: number;
  remaining: number;
  grade: ConditionGrade;
  price_cny: string | null;
  deposit_cny: string | null;
  region_code: string;
  note: string;
  status: 'open' | 'filled' | 'withdrawn';
  created_by: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}
export interface Attestation {
  statement: string;
  document: string | null;
  /** the supplying party and the user who declared */
  partyId: string;
  partyName: string;
  userId: string | null;
  username: string | null;
  at: string;
  /** a supplying enterprise's own named cores (EPCs); once accepted, the units transferred */
  cores?: string[];
  /** the supporting document as an uploaded file (core_exchange_documents of the supplying party) */
  file?: DocumentRow | null;
}
export interface DocumentRow {
  sha256: string;
  name: string;
  mime: string;
  size: number;
}
export interface MatchRow {
  id: string;
  supply_id: string;
  demand_id: string;
  enterprise_id: string;
  quantity: number;
  status: 'proposed' | 'accepted' | 'declined';
  proposed_side: 'supply' | 'demand';
  proposed_by: string | null;
  reason: string;
  attestation: Attestation | null;
  core_epcs: string[];
  receiver_event_ids: string[];
  supplier_event_ids: string[];
  note: string;
  created_at: Date | string;
  decided_by: string | null;
  decided_at: Date | string | null;
}

const P_COLS = sql.raw('p.id, p.kind, p.enterprise_id, p.buyer_org_id, p.channel, p.name, p.model, p.model_key, p.field, p.quantity, p.remaining, p.grade, p.price_cny, p.deposit_cny, p.region_code, p.note, p.status, p.created_by, p.created_at, p.updated_at');
const M_COLS = sql.raw('m.id, m.supply_id, m.demand_id, m.enterprise_id, m.quantity, m.status, m.proposed_side, m.proposed_by, m.reason, m.attestation, m.core_epcs, m.receiver_event_ids, m.supplier_event_ids, m.note, m.created_at, m.decided_by, m.decided_at');
const uuidArray = (v: readonly string[]) => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(v)}::jsonb)::uuid)`;
/** The words a posting is found by (name, model, note): the insert and the backfill of old rows write the same. */
const postingWords = (r: Pick<PostingRow, 'name' | 'model' | 'note'>) => indexText(r.name, r.model, r.note);
/**
 * The search backfill's SQL of core_postings (platform/search/backfill.ts): postings posted before their search
 * column (migration 20261215020000), or all of them after the segmenter changed, get the words insertPosting
 * writes, where name, model and note are still the ones read.
 */
export const postingSearchTexts = searchTextRepo<Pick<PostingRow, 'name' | 'model' | 'note'>>({
  table: 'core_postings',
  text: { name: 'x.name', model: 'x.model', note: 'x.note' },
  words: (rows) => rows.map(postingWords),
});
const ownedBy = (partyId: string) => sql`(p.enterprise_id = ${partyId} OR p.buyer_org_id = ${partyId})`;

export interface PostingFilter {
  kind?: 'supply' | 'demand';
  q?: string;
  field?: string;
  region?: string;
  /** the caller's party: its own postings in every state */
  mine?: string;
}

export const coreExchangeRepo = {
  async insertPosting(db: Db, r: Omit<PostingRow, 'created_at' | 'updated_at' | 'status' | 'remaining'>, at: Date) {
    await db.execute(sql`INSERT INTO core_postings (id, kind, enterprise_id, buyer_org_id, channel, name, model, model_key, field, quantity, remaining, grade, price_cny, deposit_cny, region_code, note, created_by, created_at, updated_at, search_tsv)
      VALUES (${r.id}, ${r.kind}, ${r.enterprise_id}, ${r.buyer_org_id}, ${r.channel}, ${r.name}, ${r.model}, ${r.model_key}, ${r.field}, ${r.quantity}, ${r.quantity}, ${r.grade}, ${r.price_cny}, ${r.deposit_cny}, ${r.region_code}, ${r.note}, ${r.created_by}, ${at.toISOString()}, ${at.toISOString()},
        to_tsvector('simple', ${postingWords(r)}))`);
  },
  async posting(db: Db, id: string): Promise<PostingRow | undefined> {
    return (await rowsOf<PostingRow>(db, sql`SELECT ${P_COLS} FROM core_postings p WHERE p.id = ${id}`))[0];
  },
  async postings(db: Db, ids: readonly string[]): Promise<PostingRow[]> {
    if (!ids.length) return [];
    return rowsOf<PostingRow>(db, sql`SELECT ${P_COLS} FROM core_postings p WHERE p.id = ANY(${uuidArray(ids)})`);
  },
  /** SELECT … FOR UPDATE of the postings, in id order (two transfers over one posting serialise, never deadlock). */
  async lockPostings(db: Db, ids: readonly string[]): Promise<PostingRow[]> {
    return rowsOf<PostingRow>(db, sql`SELECT ${P_COLS} FROM core_postings p WHERE p.id = ANY(${uuidArray([...new Set(ids)].sort())}) ORDER BY p.id FOR UPDATE`);
  },
  async page(db: Db, f: PostingFilter, limit: number, offset: number): Promise<{ rows: PostingRow[]; total: number }> {
    const where: SQL[] = [f.mine ? ownedBy(f.mine) : sql`p.status = 'open'`];
    if (f.kind) where.push(sql`p.kind = ${f.kind}`);
    if (f.field) where.push(sql`p.field = ${f.field}`);
    if (f.region) where.push(sql`p.region_code LIKE ${`${f.region.length === 2 ? f.region : f.region}%`}`);
    // q: the words of name, model or note (jieba, like the listings: "发动机 再制造" finds "再制造柴油发动机总成"; the
    // last word also as a prefix: "WP12" finds "WP12.430E"), a part of the model, or the model compared as the rules
    // compare it; rows written before the search column keep substring matching of the name
    const tq = f.q ? tsQuery(queryTerms(f.q), { prefixLast: true }) : null;
    if (f.q) {
      const like = likeContains(f.q);
      const key = f.q.toLowerCase().replace(/[\s\-_.·]/g, '');
      where.push(sql`(${tq ? sql`p.search_tsv @@ to_tsquery('simple', ${tq}) OR ` : sql``}${ilikeEscaped(sql`p.model`, like)} OR (p.search_tsv = ''::tsvector AND ${ilikeEscaped(sql`p.name`, like)})${key ? sql` OR p.model_key = ${key}` : sql``})`);
    }
    const order = tq ? sql`ts_rank(p.search_tsv, to_tsquery('simple', ${tq})) DESC, p.created_at DESC, p.id` : sql`p.created_at DESC, p.id`;
    const rows = await rowsOf<PostingRow & { total: number }>(db, sql`SELECT ${P_COLS}, count(*) OVER ()::int AS total FROM core_postings p WHERE ${sql.join(where, sql` AND `)} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`);
    return { rows, total: rows[0]?.total ?? 0 };
  },
  /**
   * The open postings of the other kind that could match one posting (the domain rules decide): the same model key,
   * or, where a demand names no model, the same field; at most `limit`, newest first.
   */
  async candidates(db: Db, of: PostingRow, limit = 500): Promise<PostingRow[]> {
    const other = of.kind === 'supply' ? 'demand' : 'supply';
    const fit =
      of.kind === 'demand'
        ? of.model_key ? sql`p.model_key = ${of.model_key}` : sql`p.field = ${of.field}`
        : sql`(p.model_key = ${of.model_key} AND p.model_key <> '') OR (p.model_key = '' AND p.field = ${of.field})`;
    return rowsOf<PostingRow>(db, sql`SELECT ${P_COLS} FROM core_postings p WHERE p.kind = ${other} AND p.status = 'open' AND p.remaining > 0 AND (${fit}) ORDER BY p.created_at DESC, p.id LIMIT ${limit}`);
  },
  async updatePosting(db: Db, id: string, patch: { remaining?: number; status: PostingRow['status'] }, at: Date) {
    await db.execute(sql`UPDATE core_postings SET remaining = coalesce(${patch.remaining ?? null}::int, remaining), status = ${patch.status}, updated_at = ${at.toISOString()} WHERE id = ${id}`);
  },

  // ---------------------------------------------------------------------------------------------- documents
  /** A party's uploaded document (a repeat upload of the same bytes keeps the first name). */
  async insertDocument(db: Db, partyId: string, d: DocumentRow, by: string | null, at: Date) {
    await db.execute(sql`INSERT INTO core_exchange_documents (party_id, sha256, file_name, mime, size, uploaded_by, created_at)
      VALUES (${partyId}, ${d.sha256}, ${d.name}, ${d.mime}, ${d.size}, ${by}, ${at.toISOString()}) ON CONFLICT DO NOTHING`);
  },
  async document(db: Db, partyId: string, sha256: string): Promise<DocumentRow | undefined> {
    return (await rowsOf<DocumentRow>(db, sql`SELECT trim(sha256) AS sha256, file_name AS name, mime, size FROM core_exchange_documents WHERE party_id = ${partyId} AND sha256 = ${sha256}`))[0];
  },

  // ---------------------------------------------------------------------------------------------- matches
  /** INSERT … ON CONFLICT DO NOTHING: false when the pair has an open proposal already. */
  async insertMatch(db: Db, m: Pick<MatchRow, 'id' | 'supply_id' | 'demand_id' | 'enterprise_id' | 'quantity' | 'proposed_side' | 'proposed_by' | 'attestation' | 'note'>, at: Date): Promise<boolean> {
    const r = await rowsOf<{ id: string }>(db, sql`INSERT INTO core_matches (id, supply_id, demand_id, enterprise_id, quantity, proposed_side, proposed_by, attestation, note, created_at)
      VALUES (${m.id}, ${m.supply_id}, ${m.demand_id}, ${m.enterprise_id}, ${m.quantity}, ${m.proposed_side}, ${m.proposed_by}, ${m.attestation ? JSON.stringify(m.attestation) : null}::jsonb, ${m.note}, ${at.toISOString()})
      ON CONFLICT DO NOTHING RETURNING id`);
    return r.length === 1;
  },
  async match(db: Db, id: string, lock = false): Promise<MatchRow | undefined> {
    const q = sql`SELECT ${M_COLS} FROM core_matches m WHERE m.id = ${id}`;
    return (await rowsOf<MatchRow>(db, lock ? sql`${q} FOR UPDATE` : q))[0];
  },
  /** Open proposals between the pairs (supply, demand). */
  async openMatches(db: Db, postingId: string): Promise<MatchRow[]> {
    return rowsOf<MatchRow>(db, sql`SELECT ${M_COLS} FROM core_matches m WHERE m.status = 'proposed' AND (m.supply_id = ${postingId} OR m.demand_id = ${postingId})`);
  },
  async decide(db: Db, id: string, patch: Pick<MatchRow, 'status' | 'decided_by' | 'reason'> & Partial<Pick<MatchRow, 'attestation' | 'core_epcs' | 'receiver_event_ids' | 'supplier_event_ids'>>, at: Date) {
    await db.execute(sql`UPDATE core_matches SET status = ${patch.status}, decided_by = ${patch.decided_by}, decided_at = ${at.toISOString()}, reason = ${patch.reason},
      attestation = coalesce(${patch.attestation ? JSON.stringify(patch.attestation) : null}::jsonb, attestation),
      core_epcs = coalesce(${patch.core_epcs ? JSON.stringify(patch.core_epcs) : null}::jsonb, core_epcs),
      receiver_event_ids = coalesce(${patch.receiver_event_ids ? JSON.stringify(patch.receiver_event_ids) : null}::jsonb, receiver_event_ids),
      supplier_event_ids = coalesce(${patch.supplier_event_ids ? JSON.stringify(patch.supplier_event_ids) : null}::jsonb, supplier_event_ids)
      WHERE id = ${id}`);
  },
  /** Proposals left open on a posting that is withdrawn or filled: declined with the reason. */
  async declineOpenOf(db: Db, postingId: string, reason: string, at: Date): Promise<MatchRow[]> {
    return rowsOf<MatchRow>(db, sql`UPDATE core_matches m SET status = 'declined', reason = ${reason}, decided_at = ${at.toISOString()} WHERE m.status = 'proposed' AND (m.supply_id = ${postingId} OR m.demand_id = ${postingId}) RETURNING ${M_COLS}`);
  },
  /** The matches a party is in (as supplier or receiver), newest first. */
  async matchPage(db: Db, partyId: string, f: { status?: string; postingId?: string }, limit: number, offset: number): Promise<{ rows: MatchRow[]; total: number }> {
    const where: SQL[] = [sql`(${ownedBy(partyId)})`];
    if (f.status) where.push(sql`m.status = ${f.status}`);
    if (f.postingId) where.push(sql`(m.supply_id = ${f.postingId} OR m.demand_id = ${f.postingId})`);
    const rows = await rowsOf<MatchRow & { total: number }>(db, sql`SELECT ${M_COLS}, count(*) OVER ()::int AS total FROM core_matches m
      JOIN core_postings p ON p.id IN (m.supply_id, m.demand_id)
      WHERE ${sql.join(where, sql` AND `)} ORDER BY m.created_at DESC, m.id LIMIT ${limit} OFFSET ${offset}`);
    return { rows, total: rows[0]?.total ?? 0 };
  },
};
