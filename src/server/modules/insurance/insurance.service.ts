import { randomUUID } from 'node:crypto';
import { claimPayer, covers, decideClaim, overlaps, termProblem } from '../../../domain/trading/insurance.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import type { Clock } from '../../platform/clock.js';
import { DomainError, errors } from '../../platform/errors.js';
import { offsetOf, type Page } from '../../platform/paging.js';
import type { PublicCache } from '../../platform/public-cache.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import { lockTradeUnits } from '../../platform/trade-unit-lock.js';
import { uniqueOr } from '../../platform/tx.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { insuranceBookOf, insuranceBookPolicy, insurancePolicy } from './insurance.policy.js';
import { p2t, presentClaim, presentPolicy, subjectOfPolicy } from './insurance.presenter.js';
import { insuranceRepo, type ClaimWithPolicy, type PolicyRow, type Scope } from './insurance.repo.js';
import type { RecordPolicyInput } from './insurance.schema.js';

/** What insurance uses of other modules (wired in app.ts). */
export interface InsuranceDeps {
  db: Db;
  clock: Clock;
  publicCache: PublicCache;
  notifications: NotificationService;
  /** registered organisations (buyers module): the insurer by its credit code, names */
  orgs: { byCreditCode(code: string): Promise<{ id: string; orgName: string; kind: 'buyer' | 'insurer' } | undefined>; names(ids: string[]): Promise<Map<string, string>> };
  enterprises: { names(ids: string[]): Promise<Map<string, string>>; idsInAuthority(authorityId: string): Promise<string[]> };
  /** a sale: the order (orders module) and its units (listings module) */
  sales: { order(id: string): Promise<{ enterpriseId: string; buyerOrgId: string; status: string; codes: string[] } | null> };
  /** a lease (leasing module) */
  leases: { lease(id: string): Promise<{ enterpriseId: string; lesseeOrgId: string; status: string; productCode: string } | null> };
  /** the unit's product (trace): name and model of the enterprise's product */
  products: { resolveProductKey(enterpriseId: string, ref: string, field: string): Promise<{ code: string; name: string; model: string | null }> };
}

/** Order states in which the unit is the buyer's or about to be (reserved for it). */
const SOLD_OR_SELLING = new Set(['confirmed', 'paid', 'delivered', 'accepted', 'disputed']);
const LEASED = new Set(['active']);

const yuan = (v: number) => String(Math.round(v * 100) / 100);

/**
 * 保险 (issue 13; 000 三(八)): a quality insurance policy of a unit, recorded by the enterprise at its sale or lease
 * (insurer = a registered organisation of kind insurer; policy number, cover, term, premium); one policy per unit at
 * a time (the unit's trade lock, then the overlap check). A failure after the seller's warranty but inside a policy's
 * term routes its case to the insurer (`routeClaim`, called by the cases module inside the case's transaction); the
 * insurer decides the claim (pending → accepted with an amount within the cover left | rejected). Figures per
 * enterprise: insured units, policies, premiums, claims, amounts paid.
 */
export function createInsuranceService(deps: InsuranceDeps) {
  const { db, clock, publicCache, notifications, orgs, enterprises } = deps;
  const notFound = () => errors.notFound('保单', 'Insurance policy');
  const claimNotFound = () => errors.notFound('保险理赔', 'Insurance claim');

  /** The lists' scope: the caller's book, once the policy let it list. */
  function scopeOf(p: Principal | null): Scope {
    const book = insuranceBookOf(p);
    authorize(p, insuranceBookPolicy, 'list', book);
    return book && 'all' in book ? 'all' : (book as Exclude<Scope, 'all'>);
  }

  async function names(rows: { enterprise_id: string; insurer_org_id: string; holder_org_id: string }[]) {
    const [e, o] = await Promise.all([enterprises.names([...new Set(rows.map((r) => r.enterprise_id))]), orgs.names([...new Set(rows.flatMap((r) => [r.insurer_org_id, r.holder_org_id]))])]);
    return { enterprise: (id: string) => e.get(id) ?? '', org: (id: string) => o.get(id) ?? '' };
  }

  const service = {
    async record(ctx: RequestContext, input: RecordPolicyInput) {
      const book = insuranceBookOf(ctx.principal);
      authorize(ctx.principal, insuranceBookPolicy, 'record', book);
      const { enterpriseId } = book as { enterpriseId: string };
      const term = { startsOn: input.startsOn, endsOn: input.endsOn };
      const bad = termProblem(term);
      if (bad) throw errors.field(bad.field, bad.zh, bad.en);
      // the sale or lease the policy goes with: the enterprise's own (else 400 naming the field, never another's data)
      let holderOrgId: string;
      let code: string;
      if (input.orderId) {
        const o = await deps.sales.order(input.orderId);
        if (!o || o.enterpriseId !== enterpriseId) throw errors.field('orderId', '本企业没有该订单', 'no such order of your enterprise');
        if (!SOLD_OR_SELLING.has(o.status)) throw errors.field('orderId', `订单状态为 ${o.status}，确认后才能登记保险`, `the order is ${o.status}; insurance is recorded once it is confirmed`);
        if (!o.codes.includes(input.productCode!)) throw errors.field('productCode', '该产品不在此订单中', 'this unit is not in the order');
        holderOrgId = o.buyerOrgId;
        code = input.productCode!;
      } else {
        const l = await deps.leases.lease(input.leaseId!);
        if (!l || l.enterpriseId !== enterpriseId) throw errors.field('leaseId', '本企业没有该租赁合同', 'no such lease of your enterprise');
        if (!LEASED.has(l.status)) throw errors.field('leaseId', `租赁合同状态为 ${l.status}，只能为执行中的租赁登记保险`, `the lease is ${l.status}; insurance is recorded for an active lease`);
        if (input.productCode && input.productCode !== l.productCode) throw errors.field('productCode', '该产品不是此租赁合同的租赁物', 'this unit is not the leased unit');
        holderOrgId = l.lesseeOrgId;
        code = l.productCode;
      }
      const insurer = await orgs.byCreditCode(input.insurerCreditCode);
      if (!insurer || insurer.kind !== 'insurer') throw errors.field('insurerCreditCode', '该统一社会信用代码不是平台上登记的保险机构', 'not an insurer registered on the platform');
      const product = await deps.products.resolveProductKey(enterpriseId, code, 'productCode');
      const id = randomUUID();
      const now = clock.now();
      const taken = () => errors.conflict('POLICY_NUMBER_TAKEN', `保单号 ${input.policyNumber} 已登记`, `Policy number ${input.policyNumber} is recorded already`, [{ field: 'policyNumber', message: '已登记', messageEn: 'recorded already' }]);
      await uniqueOr(
        () =>
          db.transaction(async (tx) => {
            // one policy per unit at a time: two recordings of one unit serialise on its trade lock, then the overlap is read
            await lockTradeUnits(tx, enterpriseId, [product.code]);
            const clash = (await insuranceRepo.ofUnit(tx, enterpriseId, product.code)).find((p) => overlaps(p2t(p), term));
            if (clash) {
              throw errors.conflict('UNIT_ALREADY_INSURED', `该产品在 ${clash.starts_on} 至 ${clash.ends_on} 已有保单 ${clash.policy_number}`, `The unit has policy ${clash.policy_number} for ${clash.starts_on} – ${clash.ends_on}`, [{ field: 'startsOn', message: '与已有保单期限重叠', messageEn: 'overlaps an existing policy' }]);
            }
            await insuranceRepo.insert(tx, {
              enterprise_id: enterpriseId, id, product_code: product.code, product_name: product.name, model: product.model, insurer_org_id: insurer.id, holder_org_id: holderOrgId,
              order_id: input.orderId ?? null, lease_id: input.leaseId ?? null, policy_number: input.policyNumber, cover_cny: yuan(input.coverCny), coverage: input.coverage ?? '',
              premium_cny: yuan(input.premiumCny), starts_on: input.startsOn, ends_on: input.endsOn, created_by: ctx.principal?.kind === 'user' ? ctx.principal.userId : null,
            }, now);
            await recordAudit(tx, ctx, { action: 'insurance.policy_recorded', objectType: 'insurance_policy', objectId: id, enterpriseId, change: { ...input, productCode: product.code, insurerOrgId: insurer.id } });
            await notifications.notify(tx, [
              { orgId: insurer.id, kind: 'insurance', title: `新承保登记：${product.name} ${product.code}（保单 ${input.policyNumber}）`, titleEn: `New policy recorded: ${product.code} (policy ${input.policyNumber})`, link: '/insurance' },
              { orgId: holderOrgId, kind: 'insurance', title: `产品质量保险已登记：${product.name} ${product.code}`, titleEn: `Quality insurance recorded: ${product.code}`, link: '/insurance' },
            ]);
          }),
        taken,
      );
      publicCache.invalidate('listings'); // the unit's public insurance shows on its listing
      return service.detail(ctx.principal, id);
    },

    async detail(p: Principal | null, id: string) {
      const row = await insuranceRepo.get(db, id);
      if (!row) throw notFound();
      authorize(p, insurancePolicy, 'read', subjectOfPolicy(row));
      return (await service.present([row]))[0]!;
    },

    async list(p: Principal | null, f: { productCode?: string }, page: Page) {
      const scope = scopeOf(p);
      const { rows, total } = await insuranceRepo.page(db, scope, f, page.pageSize, offsetOf(page));
      return { items: await service.present(rows), total };
    },

    async present(rows: PolicyRow[]) {
      const [n, sums] = await Promise.all([names(rows), insuranceRepo.claimSums(db, rows.map((r) => r.id))]);
      const today = clock.today();
      return rows.map((r) => presentPolicy(r, n, sums.get(r.id), today));
    },

    /** The public answer's cache key: per day too, since `active` changes at midnight (Asia/Shanghai). */
    publicKey: (code: string) => `insurance:${clock.today()}:${code}`,
    /** The public view of a unit's insurance (its listing, its verification): insurer, number, cover, term — no holder, no premium. */
    async publicOfUnit(code: string) {
      const rows = await insuranceRepo.byCode(db, code);
      const n = await orgs.names([...new Set(rows.map((r) => r.insurer_org_id))]);
      const today = clock.today();
      const policies = rows.map((r) => ({ insurerName: n.get(r.insurer_org_id) ?? '', policyNumber: r.policy_number, coverCny: Number(r.cover_cny), coverage: r.coverage, startsOn: r.starts_on, endsOn: r.ends_on, active: covers(p2t(r), today) }));
      return { code, insured: policies.some((x) => x.active), policies };
    },

    /**
     * The cases module's hook, INSIDE the case's opening transaction (a case out of the seller's warranty): when a
     * policy of the unit covers the day, a claim is routed to its insurer (one per case) and the insurer's id comes
     * back so the case notifies it; null otherwise.
     */
    async routeClaim(tx: Db, c: { enterpriseId: string; caseId: string; number: string; productCode: string; title: string; description: string | null; openedAt: Date; today: string; warrantyUntil: string | null }) {
      const policies = await insuranceRepo.ofUnit(tx, c.enterpriseId, c.productCode);
      const payer = claimPayer(c.today, c.warrantyUntil, policies.map((p) => ({ id: p.id, ...p2t(p) })));
      if (payer.kind !== 'insurer') return null;
      const policy = policies.find((p) => p.id === payer.policyId)!;
      await insuranceRepo.insertClaim(tx, { enterprise_id: c.enterpriseId, case_id: c.caseId, policy_id: policy.id, insurer_org_id: policy.insurer_org_id, case_number: c.number, product_code: c.productCode, title: c.title, description: c.description, opened_at: c.openedAt, warranty_until: c.warrantyUntil });
      await recordAudit(tx, null, { action: 'insurance.claim_routed', objectType: 'insurance_claim', objectId: c.caseId, enterpriseId: c.enterpriseId, change: { caseNumber: c.number, policyId: policy.id, policyNumber: policy.policy_number, insurerOrgId: policy.insurer_org_id } });
      return { orgId: policy.insurer_org_id, policyNumber: policy.policy_number };
    },

    async claims(p: Principal | null, f: { status?: string }, page: Page) {
      const scope = scopeOf(p);
      const { rows, total } = await insuranceRepo.claimPage(db, scope, f, page.pageSize, offsetOf(page));
      return { items: await presentClaims(p, rows), total };
    },

    async claim(p: Principal | null, caseId: string) {
      const c = await insuranceRepo.claim(db, caseId);
      if (!c) throw claimNotFound();
      authorize(p, insurancePolicy, 'read', subjectOfPolicy(c));
      return (await presentClaims(p, [c]))[0]!;
    },

    /** The insurer decides: ONE transaction — claim row locked → policy → state → the policy row locked (cover left) → write + audit + notices. */
    async decide(ctx: RequestContext, caseId: string, input: { decision: 'accepted' | 'rejected'; amountCny?: number; reason: string }) {
      const enterpriseId = await db.transaction(async (tx) => {
        const c = await insuranceRepo.claim(tx, caseId, true);
        if (!c) throw claimNotFound();
        const s = subjectOfPolicy(c);
        authorize(ctx.principal, insurancePolicy, 'read', s);
        authorize(ctx.principal, insurancePolicy, 'decide', s);
        await insuranceRepo.lockPolicy(tx, c.enterprise_id, c.policy_id); // claims of one policy are decided one after the other
        const left = Number(c.cover_cny) - (await insuranceRepo.paidOnPolicy(tx, c.enterprise_id, c.policy_id));
        const d = decideClaim(c.status, input.decision, input.amountCny, left);
        if (!d.ok) {
          if (d.status === 409) throw errors.conflict(d.code, d.zh, d.en, { status: c.status });
          throw new DomainError(400, d.code, `${d.field}：${d.zh}`, `${d.field}: ${d.en}`, [{ field: d.field!, message: d.zh, messageEn: d.en }]);
        }
        await insuranceRepo.decide(tx, c, { status: d.next, amount_cny: d.next === 'accepted' ? yuan(input.amountCny!) : null, reason: input.reason, decided_by: ctx.principal?.kind === 'user' ? ctx.principal.userId : null }, clock.now());
        await recordAudit(tx, ctx, { action: `insurance.claim_${d.next}`, objectType: 'insurance_claim', objectId: caseId, enterpriseId: c.enterprise_id, change: input });
        const title = d.next === 'accepted' ? [`保险理赔已赔付：工单 ${c.case_number}，${yuan(input.amountCny!)} 元`, `Insurance claim paid: case ${c.case_number}, ¥${yuan(input.amountCny!)}`] : [`保险理赔被拒赔：工单 ${c.case_number}`, `Insurance claim rejected: case ${c.case_number}`];
        await notifications.notify(tx, [c.enterprise_id, c.holder_org_id].map((orgId) => ({ orgId, kind: 'insurance', title: title[0]!, titleEn: title[1]!, link: '/insurance' })));
        return c.enterprise_id;
      });
      void enterpriseId;
      return service.claim(ctx.principal, caseId);
    },

    /** Insured units and claims per enterprise: an enterprise its own, an authority its jurisdiction's, an insurer those it insures, MIIT all. */
    async figures(p: Principal | null) {
      const book = insuranceBookOf(p);
      authorize(p, insuranceBookPolicy, 'figures', book);
      let f: { enterpriseIds: string[] | null; insurerOrgId?: string };
      if (!book || 'all' in book) f = { enterpriseIds: null };
      else if ('authorityId' in book) f = { enterpriseIds: await enterprises.idsInAuthority(book.authorityId) };
      else if ('enterpriseId' in book) f = { enterpriseIds: [book.enterpriseId] };
      else f = { enterpriseIds: null, insurerOrgId: book.orgId };
      const today = clock.today();
      const rows = await insuranceRepo.figures(db, f, today);
      const n = await enterprises.names(rows.map((r) => r.enterprise_id));
      return {
        asOf: today,
        items: rows.map((r) => ({
          enterpriseId: r.enterprise_id, enterpriseName: n.get(r.enterprise_id) ?? '', insuredUnits: r.insured_units, policies: r.policies, premiumCny: Number(r.premium), coverCny: Number(r.cover),
          claims: r.claims, claimsPending: r.pending, claimsAccepted: r.accepted, paidCny: Number(r.paid),
        })),
      };
    },
  };

  async function presentClaims(p: Principal | null, rows: ClaimWithPolicy[]) {
    const n = await names(rows);
    return rows.map((c) => presentClaim(p, c, n));
  }

  return service;
}


export type InsuranceService = ReturnType<typeof createInsuranceService>;
