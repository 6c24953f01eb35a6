import { randomUUID } from 'node:crypto';
import { MAX_TRANSFER_CORES } from '../../../domain/trading/core-exchange.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import { errors } from '../../platform/errors.js';
import { offsetOf, type Page } from '../../platform/paging.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import { matchPolicy, partyOf, postingPolicy, requireParty } from './core-exchange.policy.js';
import { postingNotFound, suggestionsFor } from './core-exchange.postings.js';
import { createDocumentUseCases } from './core-exchange.documents.js';
import { matchLink, matchSubject, partyIdOf, postingSubject, presentMatch } from './core-exchange.presenter.js';
import { coreExchangeRepo as repo, type Attestation, type MatchRow, type PostingRow } from './core-exchange.repo.js';
import type { AttestationInput, ProposeInput } from './core-exchange.schema.js';
import { partyNames, type CoreExchangeDeps } from './core-exchange.service.js';

const matchNotFound = () => errors.notFound('旧件交易匹配', 'Core match');
const closed = (r: PostingRow) => errors.conflict('POSTING_CLOSED', `「${r.name}」已${r.status === 'filled' ? '成交完毕' : '撤回'}`, `"${r.name}" is ${r.status}`, { postingId: r.id, status: r.status });
const decided = (m: MatchRow) => errors.conflict('MATCH_DECIDED', `该匹配已${m.status === 'accepted' ? '确认成交' : '拒绝或撤回'}`, `The match is ${m.status} already`, { status: m.status });
const needAttestation = () =>
  errors.field('attestation.statement', '供应方须声明旧件来源合法合规（规范条件 四(二)）', 'the supplier declares that the cores come from a lawful source (四(二))', 'ATTESTATION_REQUIRED');

/**
 * Matches (issue 13 core exchange items 3–4): one side proposes a pair from its suggestions, the other side accepts —
 * both have then agreed — or declines. The supplier declares the cores' lawful source when it acts (proposes or
 * accepts). Accepting decides on the locked match and postings, records the transfer in the traces and notifies.
 */
export function createMatchUseCases(deps: CoreExchangeDeps) {
  const { db, clock, notifications, trace } = deps;
  const documents = createDocumentUseCases(deps);

  /**
   * The supplier's declaration; a supplying enterprise may name its own traced cores (as many as the quantity, checked
   * in its trace); a recycler or dealer has no trace — its cores get their codes at the receiver's intake.
   */
  async function attestationOf(tx: Db, ctx: RequestContext, body: AttestationInput | undefined, supplier: PostingRow, supplierName: string, quantity: number, at: Date): Promise<Attestation> {
    if (!body) throw needAttestation();
    const u = ctx.principal?.kind === 'user' ? ctx.principal : null;
    let cores: string[] | undefined;
    if (body.coreCodes?.length) {
      if (!supplier.enterprise_id) throw errors.field('attestation.coreCodes', '回收商、经销商没有追溯记录：旧件在接收方入库时编码', 'a recycler or dealer keeps no trace: the cores get their codes at the receiver\'s intake');
      if (body.coreCodes.length !== quantity) throw errors.field('attestation.coreCodes', `须列出 ${quantity} 件旧件的编码（本次数量）`, `name ${quantity} cores (the quantity of the match)`);
      cores = await trace.coresToShip(tx, supplier.enterprise_id, body.coreCodes, 'attestation.coreCodes');
    }
    const file = body.documentFile ? await documents.ownDocument(tx, partyIdOf(supplier), body.documentFile) : null;
    return { statement: body.statement, document: body.document ?? null, partyId: partyIdOf(supplier), partyName: supplierName, userId: u?.userId ?? null, username: u?.username ?? null, at: at.toISOString(), ...(cores ? { cores } : {}), file };
  }

  /** The match with its two postings (read or locked), 404 unless the caller is one of its parties. */
  async function load(tx: Db, p: Principal | null, id: string, lock: boolean) {
    const m = await repo.match(tx, id, lock);
    if (!m) throw matchNotFound();
    const rows = lock ? await repo.lockPostings(tx, [m.supply_id, m.demand_id]) : await repo.postings(tx, [m.supply_id, m.demand_id]);
    const supply = rows.find((r) => r.id === m.supply_id)!;
    const demand = rows.find((r) => r.id === m.demand_id)!;
    authorize(p, matchPolicy, 'read', matchSubject(m, supply, demand));
    return { m, supply, demand };
  }
  async function present(p: Principal | null, id: string) {
    const { m, supply, demand } = await load(db, p, id, false);
    return presentMatch(p, m, supply, demand, await partyNames(deps, [supply, demand]));
  }

  return {
    match: present,

    async matches(p: Principal | null, f: { status?: string; postingId?: string }, page: Page) {
      const party = requireParty(p);
      const { rows, total } = await repo.matchPage(db, party.id, f, page.pageSize, offsetOf(page));
      const postings = new Map((await repo.postings(db, [...new Set(rows.flatMap((m) => [m.supply_id, m.demand_id]))])).map((r) => [r.id, r]));
      const names = await partyNames(deps, [...postings.values()]);
      return { items: rows.map((m) => presentMatch(p, m, postings.get(m.supply_id)!, postings.get(m.demand_id)!, names)), total };
    },

    /** One side proposes a pair the rules match; the other side is notified. */
    async propose(ctx: RequestContext, input: ProposeInput) {
      const party = requireParty(ctx.principal);
      const pre = await repo.postings(db, [input.supplyId, input.demandId]);
      const names = await partyNames(deps, pre);
      const id = randomUUID();
      const now = clock.now();
      await db.transaction(async (tx) => {
        const rows = await repo.lockPostings(tx, [input.supplyId, input.demandId]);
        const supply = rows.find((r) => r.id === input.supplyId);
        const demand = rows.find((r) => r.id === input.demandId);
        for (const [r, field] of [[supply, 'supplyId'], [demand, 'demandId']] as const) {
          if (!r) throw postingNotFound();
          authorize(ctx.principal, postingPolicy, 'read', postingSubject(r));
          if (r.kind !== (field === 'supplyId' ? 'supply' : 'demand')) throw errors.field(field, field === 'supplyId' ? '须为旧件供应信息' : '须为旧件需求信息', field === 'supplyId' ? 'must be a supply posting' : 'must be a demand posting');
        }
        const s = supply!;
        const d = demand!;
        authorize(ctx.principal, matchPolicy, 'propose', { supplierId: partyIdOf(s), receiverId: partyIdOf(d), proposedSide: 'demand' });
        const side = partyIdOf(s) === party.id ? 'supply' : 'demand';
        for (const r of [s, d]) if (r.status !== 'open') throw closed(r);
        const fit = suggestionsFor(d, [s])[0];
        if (!fit) throw errors.field('supplyId', '该供应与需求不匹配（型号或领域、等级、数量）', 'the supply does not match the demand (model or field, grade, quantity)', 'NOT_A_MATCH');
        const quantity = input.quantity ?? Math.min(fit.quantity, MAX_TRANSFER_CORES);
        if (quantity > MAX_TRANSFER_CORES) throw errors.field('quantity', `一次匹配最多 ${MAX_TRANSFER_CORES} 件（每件旧件一个追溯编码）`, `at most ${MAX_TRANSFER_CORES} cores per match (one trace code each)`);
        if (quantity > fit.quantity) throw errors.field('quantity', `最多 ${fit.quantity} 件（供应剩余与需求剩余中的较小者）`, `at most ${fit.quantity} (what is offered and still wanted)`);
        const attestation = side === 'supply' ? await attestationOf(tx, ctx, input.attestation, s, names(partyIdOf(s)), quantity, now) : null;
        const ok = await repo.insertMatch(tx, { id, supply_id: s.id, demand_id: d.id, enterprise_id: d.enterprise_id!, quantity, proposed_side: side, proposed_by: ctx.principal?.kind === 'user' ? ctx.principal.userId : null, attestation, note: input.note ?? '' }, now);
        if (!ok) throw errors.conflict('MATCH_EXISTS', '双方之间已有待确认的匹配', 'These two postings have an open proposal already', { supplyId: s.id, demandId: d.id });
        await recordAudit(tx, ctx, { action: 'core_exchange.match_proposed', objectType: 'core_match', objectId: id, enterpriseId: d.enterprise_id, change: { supplyId: s.id, demandId: d.id, quantity, side, attested: !!attestation } });
        const to = side === 'supply' ? d : s;
        await notifications.notify(tx, [{ orgId: partyIdOf(to), kind: 'core_exchange', title: `旧件交易：${names(party.id)} 提出匹配「${s.name}」${quantity} 件，请确认`, titleEn: `Core exchange: ${names(party.id)} proposes ${quantity} × "${s.name}"; please respond`, link: matchLink(id) }]);
      });
      return present(ctx.principal, id);
    },

    /**
     * The other side accepts: on the locked match and postings (N concurrent accepts: one wins, the others find it
     * accepted — 409), the quantities are taken from both postings and the transfer is recorded in the traces.
     */
    async accept(ctx: RequestContext, id: string, body: { attestation?: AttestationInput }) {
      const pre = await repo.match(db, id);
      const prePostings = pre ? await repo.postings(db, [pre.supply_id, pre.demand_id]) : [];
      const names = await partyNames(deps, prePostings);
      const now = clock.now();
      const after: (() => void)[] = [];
      await db.transaction(async (tx) => {
        const { m, supply, demand } = await load(tx, ctx.principal, id, true);
        authorize(ctx.principal, matchPolicy, 'accept', matchSubject(m, supply, demand));
        if (m.status !== 'proposed') throw decided(m);
        for (const r of [supply, demand]) {
          if (r.status !== 'open') throw closed(r);
          if (r.remaining < m.quantity) throw errors.conflict('QUANTITY_EXCEEDED', `「${r.name}」只剩 ${r.remaining} 件`, `"${r.name}" has ${r.remaining} left`, { postingId: r.id, remaining: r.remaining });
        }
        const attestation = m.attestation ?? (await attestationOf(tx, ctx, body.attestation, supply, names(partyIdOf(supply)), m.quantity, now));
        const t = await trace.recordCoreExchange(tx, ctx, {
          receiver: { enterpriseId: demand.enterprise_id!, name: names(demand.enterprise_id!) },
          supplier: { orgId: partyIdOf(supply), name: names(partyIdOf(supply)), enterpriseId: supply.enterprise_id, channel: supply.channel, coreEpcs: attestation.cores ?? null },
          name: supply.name, model: supply.model ?? demand.model, grade: supply.grade, quantity: m.quantity,
          attestation: { statement: attestation.statement, document: attestation.document, partyName: attestation.partyName, username: attestation.username, at: attestation.at, matchId: m.id, supplyId: supply.id, demandId: demand.id }, at: now, requestKey: `core-match:${m.id}`,
        });
        after.push(t.afterCommit);
        const filled: PostingRow[] = [];
        for (const r of [supply, demand]) {
          const remaining = r.remaining - m.quantity;
          await repo.updatePosting(tx, r.id, { remaining, status: remaining === 0 ? 'filled' : 'open' }, now);
          if (remaining === 0) filled.push(r);
        }
        await repo.decide(tx, m.id, { status: 'accepted', decided_by: ctx.principal?.kind === 'user' ? ctx.principal.userId : null, reason: '', attestation: { ...attestation, cores: t.coreEpcs }, core_epcs: t.coreEpcs, receiver_event_ids: t.receiverEventIds, supplier_event_ids: t.supplierEventIds }, now);
        const declined = (await Promise.all(filled.map((r) => repo.declineOpenOf(tx, r.id, '对方的数量已成交完毕', now)))).flat();
        await recordAudit(tx, ctx, { action: 'core_exchange.match_accepted', objectType: 'core_match', objectId: m.id, enterpriseId: m.enterprise_id, change: { quantity: m.quantity, coreEpcs: t.coreEpcs.length, receiverEventIds: t.receiverEventIds, supplierEventIds: t.supplierEventIds, declined: declined.map((x) => x.id) } });
        const proposer = m.proposed_side === 'supply' ? supply : demand;
        const others = await repo.postings(tx, declined.flatMap((x) => [x.supply_id, x.demand_id]).filter((pid) => !filled.some((f) => f.id === pid)));
        await notifications.notify(tx, [
          { orgId: partyIdOf(proposer), kind: 'core_exchange', title: `旧件交易已确认：「${supply.name}」${m.quantity} 件，转移已记入追溯`, titleEn: `Core exchange accepted: ${m.quantity} × "${supply.name}", recorded in the traces`, link: matchLink(m.id) },
          ...others.map((o) => ({ orgId: partyIdOf(o), kind: 'core_exchange', title: `旧件交易匹配已取消：对方数量已成交完毕`, titleEn: 'Core match cancelled: the other side is filled', link: `/core-exchange/${o.id}` })),
        ]);
      });
      after.forEach((f) => f());
      return present(ctx.principal, id);
    },

    /** The other side declines, or the proposer takes it back. */
    async decline(ctx: RequestContext, id: string, body: { reason?: string }) {
      const now = clock.now();
      await db.transaction(async (tx) => {
        const m = await repo.match(tx, id, true);
        if (!m) throw matchNotFound();
        const rows = await repo.postings(tx, [m.supply_id, m.demand_id]);
        const supply = rows.find((r) => r.id === m.supply_id)!;
        const demand = rows.find((r) => r.id === m.demand_id)!;
        authorize(ctx.principal, matchPolicy, 'read', matchSubject(m, supply, demand));
        authorize(ctx.principal, matchPolicy, 'decline', matchSubject(m, supply, demand));
        if (m.status !== 'proposed') throw decided(m);
        await repo.decide(tx, m.id, { status: 'declined', decided_by: ctx.principal?.kind === 'user' ? ctx.principal.userId : null, reason: body.reason ?? '' }, now);
        await recordAudit(tx, ctx, { action: 'core_exchange.match_declined', objectType: 'core_match', objectId: m.id, enterpriseId: m.enterprise_id, change: { reason: body.reason ?? '' } });
        const mine = partyOf(ctx.principal)!.id;
        const to = partyIdOf(supply) === mine ? demand : supply;
        await notifications.notify(tx, [{ orgId: partyIdOf(to), kind: 'core_exchange', title: `旧件交易匹配未成：「${supply.name}」${body.reason ? `（${body.reason}）` : ''}`, titleEn: `Core match declined: "${supply.name}"`, link: matchLink(m.id) }]);
      });
      return present(ctx.principal, id);
    },
  };
}
