import { regionName } from '../../../domain/regions.js';
import { allowedActions } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';
import { matchPolicy, postingPolicy, type MatchSubject, type PostingSubject } from './core-exchange.policy.js';
import type { MatchRow, PostingRow } from './core-exchange.repo.js';
import type { MatchDto, PostingDto } from './core-exchange.schema.js';

const iso = (d: Date | string) => new Date(d).toISOString();
const num = (v: string | null) => (v === null ? null : Number(v));
export const partyIdOf = (r: Pick<PostingRow, 'enterprise_id' | 'buyer_org_id'>) => (r.enterprise_id ?? r.buyer_org_id)!;
export const postingSubject = (r: PostingRow): PostingSubject => ({ partyId: partyIdOf(r), open: r.status === 'open' });
export const matchSubject = (m: Pick<MatchRow, 'proposed_side'>, supply: PostingRow, demand: PostingRow): MatchSubject => ({ supplierId: partyIdOf(supply), receiverId: partyIdOf(demand), proposedSide: m.proposed_side });

/** Names of the posting parties (enterprises and organisations), read before presenting. */
export type PartyNames = (id: string) => string;

export function presentPosting(p: Principal | null, r: PostingRow, name: PartyNames): PostingDto {
  const id = partyIdOf(r);
  return {
    id: r.id,
    kind: r.kind,
    party: { kind: r.enterprise_id ? 'enterprise' : 'organisation', id, name: name(id), channel: r.channel },
    name: r.name,
    model: r.model,
    field: r.field,
    quantity: r.quantity,
    remaining: r.remaining,
    grade: r.grade,
    priceCny: num(r.price_cny),
    depositCny: num(r.deposit_cny),
    regionCode: r.region_code,
    regionName: regionName(r.region_code),
    note: r.note,
    status: r.status,
    createdAt: iso(r.created_at),
    actions: r.status === 'open' ? allowedActions(p, postingPolicy, postingSubject(r), ['withdraw', 'suggest']) : [],
  };
}

export function presentMatch(p: Principal | null, m: MatchRow, supply: PostingRow, demand: PostingRow, name: PartyNames): MatchDto {
  const a = m.attestation;
  return {
    id: m.id,
    status: m.status,
    quantity: m.quantity,
    proposedSide: m.proposed_side,
    supply: presentPosting(p, supply, name),
    demand: presentPosting(p, demand, name),
    reason: m.reason,
    note: m.note,
    attestation: a ? { statement: a.statement, document: a.document, partyName: a.partyName, username: a.username, at: a.at, cores: a.cores ?? [], file: a.file ? { id: a.file.sha256, name: a.file.name, mime: a.file.mime, size: a.file.size } : null } : null,
    transfer: m.status === 'accepted' ? { coreEpcs: m.core_epcs, receiverEventIds: m.receiver_event_ids, supplierEventIds: m.supplier_event_ids } : null,
    createdAt: iso(m.created_at),
    decidedAt: m.decided_at ? iso(m.decided_at) : null,
    actions: m.status === 'proposed' ? allowedActions(p, matchPolicy, matchSubject(m, supply, demand), ['accept', 'decline']) : [],
  };
}

/** Where a notification about a match takes its reader: the match's page (terms, attestation, status and reason). */
export const matchLink = (matchId: string) => `/core-exchange/matches/${matchId}`;
