import { randomUUID } from 'node:crypto';
import { matchesFor, modelKey, type CoreDemand, type CoreMatch, type CoreSupply } from '../../../domain/trading/core-exchange.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import { errors } from '../../platform/errors.js';
import { offsetOf, type Page } from '../../platform/paging.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import { postingPolicy, requireParty } from './core-exchange.policy.js';
import { matchLink, partyIdOf, postingSubject, presentPosting } from './core-exchange.presenter.js';
import { coreExchangeRepo as repo, type PostingFilter, type PostingRow } from './core-exchange.repo.js';
import type { PostInput } from './core-exchange.schema.js';
import { partyNames, type CoreExchangeDeps } from './core-exchange.service.js';

const yuan = (v: number | undefined) => (v === undefined ? null : String(Math.round(v * 100) / 100));
export const postingNotFound = () => errors.notFound('旧件供需信息', 'Core posting');
const toSupply = (r: PostingRow): CoreSupply => ({ id: r.id, partyId: partyIdOf(r), model: r.model, field: r.field, quantity: r.remaining, grade: r.grade });
const toDemand = (r: PostingRow): CoreDemand => ({ id: r.id, partyId: partyIdOf(r), model: r.model, field: r.field, quantity: r.remaining, minGrade: r.grade });

/** The suggestions for one posting by the domain rules: a demand's fitting supplies, or the demands a supply fits. */
export function suggestionsFor(of: PostingRow, candidates: readonly PostingRow[]): CoreMatch[] {
  if (of.kind === 'demand') return matchesFor(toDemand(of), candidates.map(toSupply));
  return candidates.flatMap((d) => matchesFor(toDemand(d), [toSupply(of)])).sort((a, b) => b.score - a.score || b.quantity - a.quantity || a.demandId.localeCompare(b.demandId));
}

/** Posting supply and demand, the lists, withdrawal and the suggestions (issue 13 core exchange items 1–2). */
export function createPostingUseCases(deps: CoreExchangeDeps) {
  const { db, clock, notifications } = deps;

  async function visible(p: Principal | null, id: string) {
    const r = await repo.posting(db, id);
    if (!r) throw postingNotFound();
    authorize(p, postingPolicy, 'read', postingSubject(r));
    return r;
  }

  async function detail(p: Principal | null, id: string) {
    const r = await visible(p, id);
    return presentPosting(p, r, await partyNames(deps, [r]));
  }

  return {
    detail,

    async post(ctx: RequestContext, input: PostInput) {
      const party = requireParty(ctx.principal);
      if (input.kind === 'demand' && party.kind !== 'enterprise') throw errors.field('kind', '旧件需求由再制造企业发布（旧件记入其追溯）', 'a demand is posted by a remanufacturing enterprise (the cores go into its trace)');
      const id = randomUUID();
      const now = clock.now();
      const row = {
        id, kind: input.kind, enterprise_id: party.kind === 'enterprise' ? party.id : null, buyer_org_id: party.kind === 'organisation' ? party.id : null,
        channel: party.kind === 'enterprise' ? ('enterprise' as const) : (input.channel ?? 'recycler'), name: input.name, model: input.model ?? null, model_key: modelKey(input.model),
        field: input.field ?? null, quantity: input.quantity, grade: input.grade, price_cny: yuan(input.priceCny), deposit_cny: yuan(input.depositCny), region_code: input.regionCode,
        note: input.note ?? '', created_by: ctx.principal?.kind === 'user' ? ctx.principal.userId : null,
      };
      await db.transaction(async (tx) => {
        await repo.insertPosting(tx, row, now);
        await recordAudit(tx, ctx, { action: `core_exchange.${input.kind}_posted`, objectType: 'core_posting', objectId: id, enterpriseId: row.enterprise_id, change: { ...input, party: party.id } });
      });
      const r = (await repo.posting(db, id))!;
      return presentPosting(ctx.principal, r, await partyNames(deps, [r]));
    },

    async list(p: Principal | null, f: Omit<PostingFilter, 'mine'> & { mine?: boolean }, page: Page) {
      const party = requireParty(p);
      const { rows, total } = await repo.page(db, { ...f, mine: f.mine ? party.id : undefined }, page.pageSize, offsetOf(page));
      const names = await partyNames(deps, rows);
      return { items: rows.map((r) => presentPosting(p, r, names)), total };
    },

    /** Withdraw: the own party, while open; its open proposals are declined and their other parties told. */
    async withdraw(ctx: RequestContext, id: string) {
      const now = clock.now();
      await db.transaction(async (tx) => {
        const [r] = await repo.lockPostings(tx, [id]);
        if (!r) throw postingNotFound();
        authorize(ctx.principal, postingPolicy, 'read', postingSubject(r));
        authorize(ctx.principal, postingPolicy, 'withdraw', postingSubject(r));
        if (r.status !== 'open') throw errors.conflict('POSTING_CLOSED', `该信息已${r.status === 'filled' ? '成交完毕' : '撤回'}`, `The posting is ${r.status}`, { status: r.status });
        await repo.updatePosting(tx, id, { status: 'withdrawn' }, now);
        const declined = await repo.declineOpenOf(tx, id, '对方已撤回供需信息', now);
        await recordAudit(tx, ctx, { action: 'core_exchange.withdrawn', objectType: 'core_posting', objectId: id, enterpriseId: r.enterprise_id, change: { declinedMatches: declined.map((m) => m.id) } });
        // each declined proposal's other party, pointed at that match (where it reads why it ended)
        const otherOf = (m: (typeof declined)[number]) => (m.supply_id === id ? m.demand_id : m.supply_id);
        const others = new Map((await repo.postings(tx, declined.map(otherOf))).map((o) => [o.id, o]));
        await notifications.notify(
          tx,
          declined.flatMap((m) => {
            const o = others.get(otherOf(m));
            return o ? [{ orgId: partyIdOf(o), kind: 'core_exchange' as const, title: `旧件交易匹配已取消：对方撤回了「${r.name}」`, titleEn: `Core match cancelled: the other party withdrew "${r.name}"`, link: matchLink(m.id) }] : [];
          }),
        );
      });
      return detail(ctx.principal, id);
    },

    /** The matches of one posting by the domain rules, best first, each with its reason (the own party only). */
    async suggestions(p: Principal | null, id: string) {
      const r = await visible(p, id);
      authorize(p, postingPolicy, 'suggest', postingSubject(r));
      if (r.status !== 'open') return { items: [], total: 0 };
      const candidates = await repo.candidates(db, r);
      const found = suggestionsFor(r, candidates).slice(0, 50);
      const byId = new Map([r, ...candidates].map((x) => [x.id, x]));
      const open = new Map((await repo.openMatches(db, r.id)).map((m) => [`${m.supply_id}/${m.demand_id}`, m.id]));
      const names = await partyNames(deps, [...byId.values()]);
      const items = found.map((m) => ({
        supply: presentPosting(p, byId.get(m.supplyId)!, names),
        demand: presentPosting(p, byId.get(m.demandId)!, names),
        quantity: m.quantity,
        score: m.score,
        reason: m.reason,
        matchId: open.get(`${m.supplyId}/${m.demandId}`) ?? null,
      }));
      return { items, total: items.length };
    },
  };
}
