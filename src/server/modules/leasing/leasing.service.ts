import { randomUUID } from 'node:crypto';
import { addMonths, nextLeaseStatus, purchaseBalance, rentSchedule, usageRent, type LeaseEvent } from '../../../domain/trading/lease.js';
import { partyUri } from '../../../domain/trace/lifecycle.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import type { Clock } from '../../platform/clock.js';
import { DomainError, errors } from '../../platform/errors.js';
import { offsetOf, type Page } from '../../platform/paging.js';
import { lockTradeUnits } from '../../platform/trade-unit-lock.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { presentPublic, type TraceService } from '../trace/index.js';
import { leaseBookOf, leaseBookPolicy, leasePolicy, type LeaseStep, type LeaseSubject } from './leasing.policy.js';
import { leaseRepo, type LeasePatch, type LeaseRow, type RentRow } from './leasing.repo.js';
import type { CreateLeaseInput } from './leasing.schema.js';

/** What leasing uses of the buyers module: organisations by credit code, names. */
export interface OrgsForLeasing {
  byCreditCode(creditCode: string): Promise<{ id: string; orgName: string } | undefined>;
  names(ids: string[]): Promise<Map<string, string>>;
}
export interface LeasingDeps {
  db: Db;
  clock: Clock;
  trace: Pick<TraceService, 'recordTransfer' | 'publicProduct' | 'resolveProductKey'>;
  orgs: OrgsForLeasing;
  enterprises: { names(ids: string[]): Promise<Map<string, string>> };
  notifications: NotificationService;
  /** latest running hours of a unit from monitoring (its device), null when none reports them */
  runHours: (productCode: string) => Promise<number | null>;
  /** a unit on the market (listed, available or reserved) is not leased — read inside the lease's transaction, after the unit's trade lock */
  listings: { unitOnMarket(tx: Db, enterpriseId: string, code: string): Promise<boolean> };
}

export const subjectOf = (l: LeaseRow): LeaseSubject => ({ enterpriseId: l.enterprise_id, lesseeOrgId: l.lessee_org_id, financierOrgId: l.financier_org_id, status: l.status });
const n = (v: string | null) => (v === null ? null : Number(v));
const fen = (v: number) => Math.round(v * 100) / 100;
const enterpriseOf = (p: Principal | null) => (p?.kind === 'user' && (p.role === 'enterprise_admin' || p.role === 'enterprise_staff') ? p.enterpriseId : null);

/** Rents paid so far and the amount due for rent `r` (the last rent of a 以租代购 lease carries the purchase balance). */
export function amountDue(l: LeaseRow, rents: RentRow[], r: RentRow): { rent: number; balance: number } {
  const rent = n(r.amount_cny) ?? 0;
  const last = r.seq === l.months;
  if (!last || !l.purchase_price_cny) return { rent, balance: 0 };
  const paid = rents.filter((x) => x.status === 'paid').reduce((s, x) => s + Number(x.paid_cny ?? 0), 0);
  return { rent, balance: purchaseBalance(Number(l.purchase_price_cny), paid + rent) };
}

/**
 * Leasing and 以租代购 (issue 13 "Leasing"). Every step: ONE transaction locking the lease row → authorize → the state
 * machine (domain/trading/lease.ts) → write + audit (+ the trace event in the same transaction) → after commit the
 * trace's listeners. The start writes possession to the lessee in the lessor's trace (devices' access follows the
 * trace's possessor); a 以租代购 lease's last payment writes the ownership transfer; the return writes the possession
 * back (re-lease) or a core intake (the unit's next life).
 */
export function createLeasingService(deps: LeasingDeps) {
  const { db, clock, trace, orgs, enterprises, notifications } = deps;
  const notFound = () => errors.notFound('租赁合同', 'Lease');

  async function step(ctx: RequestContext, id: string, action: LeaseStep, change: Record<string, unknown>, write: (tx: Db, l: LeaseRow, after: (() => void)[]) => Promise<LeasePatch>) {
    const after: (() => void)[] = [];
    await db.transaction(async (tx) => {
      const l = await leaseRepo.lock(tx, id);
      if (!l) throw notFound();
      authorize(ctx.principal, leasePolicy, 'read', subjectOf(l));
      authorize(ctx.principal, leasePolicy, action, subjectOf(l));
      const patch = await write(tx, l, after);
      await leaseRepo.update(tx, l, patch, clock.now());
      await recordAudit(tx, ctx, { action: `lease.${action}`, objectType: 'lease', objectId: l.id, enterpriseId: l.enterprise_id, change: { from: l.status, to: patch.status ?? l.status, ...change } });
      const link = `/leases/${l.id}`;
      await notifications.notify(tx, [
        { orgId: l.enterprise_id, kind: `lease.${action}`, title: `租赁合同 ${l.id.slice(0, 8)}：${action}`, titleEn: `Lease ${l.id.slice(0, 8)}: ${action}`, link },
        { orgId: l.lessee_org_id, kind: `lease.${action}`, title: `租赁合同 ${l.id.slice(0, 8)}：${action}`, titleEn: `Lease ${l.id.slice(0, 8)}: ${action}`, link },
      ]);
    });
    for (const f of after) f();
    return service.detail(ctx.principal, id);
  }
  const transition = (l: LeaseRow, e: LeaseEvent) => {
    const t = nextLeaseStatus(l.status, e, !!l.purchase_price_cny);
    if (!t.ok) throw errors.conflict('ILLEGAL_TRANSITION', t.message, t.messageEn, { status: l.status });
    return t.next;
  };
  const org = async (code: string, field: string) => {
    const o = await orgs.byCreditCode(code);
    if (!o) throw errors.field(field, '没有以该统一社会信用代码注册的机构', 'no registered organisation has this credit code');
    return o;
  };

  /** Names and the monitored reading are read BEFORE the step's transaction (PGlite has one connection). */
  async function pre(id: string) {
    const l = await leaseRepo.get(db, id);
    if (!l) return { lessee: '', self: '', monitored: null as number | null };
    const [o, e, monitored] = await Promise.all([orgs.names([l.lessee_org_id]), enterprises.names([l.enterprise_id]), l.billing === 'usage' ? deps.runHours(l.product_code) : Promise.resolve(null)]);
    return { lessee: o.get(l.lessee_org_id) ?? '', self: e.get(l.enterprise_id) ?? '', monitored };
  }

  const service = {
    names: async (l: LeaseRow[]) => {
      const [e, o] = await Promise.all([enterprises.names([...new Set(l.map((x) => x.enterprise_id))]), orgs.names([...new Set(l.flatMap((x) => [x.lessee_org_id, ...(x.financier_org_id ? [x.financier_org_id] : [])]))])]);
      return { enterprise: (id: string) => e.get(id) ?? '', org: (id: string) => o.get(id) ?? '' };
    },
    rentsOf: (ids: string[]) => leaseRepo.rents(db, ids),
    /** Market statistics: leases started in [from, to) per lessor enterprise (dates YYYY-MM-DD; ids null: all). */
    aggregates: (enterpriseIds: string[] | null, from: string, to: string) => leaseRepo.aggregates(db, enterpriseIds, from, to),
    clock,

    /** The lessor enterprise leases one of its units: the schedule is written and possession passes to the lessee. */
    async create(ctx: RequestContext, input: CreateLeaseInput) {
      const book = leaseBookOf(ctx.principal);
      authorize(ctx.principal, leaseBookPolicy, 'create', book);
      const { enterpriseId } = book as { enterpriseId: string };
      const row = await trace.resolveProductKey(enterpriseId, input.productCode, 'productCode');
      const pub = presentPublic(await trace.publicProduct(row.code));
      if (pub.status !== 'issued') throw new DomainError(400, 'PRODUCT_NOT_LEASABLE', `productCode：产品状态为「${pub.statusLabel.zh}」，不能出租`, `productCode: the unit is ${pub.statusLabel.en} and cannot be leased`, [{ field: 'productCode', message: '不能出租', messageEn: 'not leasable' }]);
      if (row.owner_id && row.owner_id !== partyUri(`enterprise:${enterpriseId}`)) throw errors.conflict('PRODUCT_NOT_LEASABLE', `产品 ${row.code} 已售出，不能由本企业出租`, `Unit ${row.code} was sold; it is not yours to lease`, { field: 'productCode' });
      const lessee = await org(input.lesseeCreditCode, 'lesseeCreditCode');
      const financier = input.financierCreditCode ? await org(input.financierCreditCode, 'financierCreditCode') : null;
      if (financier && financier.id === lessee.id) throw errors.field('financierCreditCode', '融资租赁公司不能同时是承租方', 'the leasing company cannot be the lessee');
      const today = clock.today();
      const startOn = input.startOn ?? today;
      if (startOn > today) throw errors.field('startOn', '起租日不能晚于今天（起租即交付使用）', 'the lease starts when the unit is handed over: not after today');
      if (startOn < addMonths(today, -12)) throw errors.field('startOn', '起租日不能早于一年前', 'at most a year back');
      const usage = input.billing.mode === 'usage' ? input.billing : null;
      const monitored = usage ? await deps.runHours(row.code) : null;
      const startHours = usage ? (usage.startHours ?? monitored ?? 0) : 0;
      if (input.purchasePriceCny !== undefined && input.billing.mode === 'fixed' && input.billing.monthlyRentCny * input.months > input.purchasePriceCny * 3) {
        throw errors.field('purchasePriceCny', '购买价明显低于租金总额，请核对', 'the purchase price is far below the rents; check it');
      }
      const id = randomUUID();
      const now = clock.now();
      const after: (() => void)[] = [];
      await db.transaction(async (tx) => {
        // the unit's trade lock first (listings take it too): a listing of this unit committed before it is seen here
        await lockTradeUnits(tx, enterpriseId, [row.code]);
        if (await deps.listings.unitOnMarket(tx, enterpriseId, row.code)) throw errors.conflict('PRODUCT_NOT_LEASABLE', `产品 ${row.code} 正在市场上架销售，请先下架再出租`, `Unit ${row.code} is listed on the market; withdraw it before leasing`, { field: 'productCode' });
        const ok = await leaseRepo.insert(tx, {
          enterprise_id: enterpriseId, id, product_code: row.code, model: row.model ?? null, product_name: row.name ?? pub.name ?? '', lessee_org_id: lessee.id, kind: input.kind,
          financier_org_id: financier?.id ?? null, start_on: startOn, months: input.months, deposit_cny: String(input.depositCny), billing: input.billing.mode,
          monthly_rent_cny: input.billing.mode === 'fixed' ? String(input.billing.monthlyRentCny) : null,
          rate_per_hour_cny: usage ? String(usage.ratePerHourCny) : null, minimum_monthly_cny: usage ? String(usage.minimumMonthlyCny) : null,
          start_hours: String(startHours), start_hours_source: usage && usage.startHours === undefined && monitored !== null ? 'monitoring' : 'declared',
          purchase_price_cny: input.purchasePriceCny !== undefined ? String(input.purchasePriceCny) : null, created_by: ctx.principal?.kind === 'user' ? ctx.principal.userId : null,
        }, now);
        if (!ok) throw errors.conflict('UNIT_ALREADY_LEASED', `产品 ${row.code} 已有未结束的租赁，同一产品的租期不能重叠`, `Unit ${row.code} has a lease that is not over; leases of one unit cannot overlap`, { field: 'productCode' });
        await leaseRepo.insertRents(tx, enterpriseId, id, rentSchedule(startOn, input.months, input.billing.mode, input.billing.mode === 'fixed' ? input.billing.monthlyRentCny : null));
        const r = await trace.recordTransfer(tx, ctx, { enterpriseId, kind: 'lease', code: row.code, party: { orgId: lessee.id, name: lessee.orgName }, at: now, requestKey: `lease:${id}`, note: `租赁合同 ${id}（${input.kind === 'finance' ? '融资租赁' : '经营租赁'}${input.purchasePriceCny ? '，以租代购' : ''}）` });
        after.push(r.afterCommit);
        await recordAudit(tx, ctx, { action: 'lease.created', objectType: 'lease', objectId: id, enterpriseId, change: { ...input, productCode: row.code, lesseeOrgId: lessee.id, startHours } });
        await notifications.notify(tx, [{ orgId: lessee.id, kind: 'lease.created', title: `新租赁合同：${row.name ?? row.code}`, titleEn: `New lease: ${row.name ?? row.code}`, link: `/leases/${id}` }]);
      });
      for (const f of after) f();
      return service.detail(ctx.principal, id);
    },

    async detail(p: Principal | null, id: string) {
      const l = await leaseRepo.get(db, id);
      if (!l) throw notFound();
      authorize(p, leasePolicy, 'read', subjectOf(l));
      return l;
    },

    async list(p: Principal | null, status: string | undefined, page: Page) {
      const book = leaseBookOf(p);
      authorize(p, leaseBookPolicy, 'list', book);
      const f = book && 'all' in book ? {} : book!;
      return leaseRepo.page(db, { ...f, status }, page.pageSize, offsetOf(page));
    },

    /**
     * Usage billing of the next period: the hours run since the previous reading × the rate, at least the minimum.
     * The reading: monitoring's latest `runHours` of the unit's device when it reports them, else the declared one.
     */
    bill: async (ctx: RequestContext, id: string, seq: number, b: { readingHours?: number }) => {
      const { monitored } = await pre(id);
      return step(ctx, id, 'bill', { seq, ...b }, async (tx, l) => {
        if (l.status !== 'active') transition(l, 'lastRentPaid'); // the refusal names the status
        if (l.billing !== 'usage') throw errors.conflict('NOT_USAGE_BILLED', '固定租金无需按用量计费', 'A fixed rent is not billed from usage');
        const rents = await leaseRepo.rents(tx, [l.id]);
        const next = rents.find((r) => r.status === 'scheduled');
        if (!next || next.seq !== seq) throw errors.conflict('RENT_NOT_NEXT', next ? `请先计费第 ${next.seq} 期` : '没有待计费的租期', next ? `Bill period ${next.seq} first` : 'No period is waiting to be billed', { seq: next?.seq ?? null });
        const reading = monitored ?? b.readingHours;
        if (reading === undefined) throw errors.field('readingHours', '该产品没有监测数据，请填写本期末的运行小时读数', 'no telemetry for this unit: give the running-hours reading at the period’s end');
        const prev = [...rents].reverse().find((r) => r.seq < seq && r.reading_hours !== null);
        const previous = prev ? Number(prev.reading_hours) : Number(l.start_hours);
        if (reading < previous) throw errors.field('readingHours', `读数 ${reading} 小于上期读数 ${previous}`, `the reading ${reading} is below the previous one, ${previous}`);
        const u = usageRent(previous, reading, Number(l.rate_per_hour_cny), Number(l.minimum_monthly_cny));
        await leaseRepo.updateRent(tx, l, seq, { amount_cny: String(u.amountCny), reading_hours: String(reading), hours: String(u.hours), reading_source: monitored !== null ? 'monitoring' : 'declared', status: 'billed' });
        return {};
      });
    },

    /** A rent received (in order); the last one ends the lease — or, 以租代购, transfers ownership to the lessee. */
    payRent: async (ctx: RequestContext, id: string, seq: number, b: { reference?: string }) => {
      const names = await pre(id);
      return step(ctx, id, 'payRent', { seq, ...b }, async (tx, l, after) => {
        if (l.status !== 'active' && l.status !== 'terminated') transition(l, 'lastRentPaid'); // a terminated lease still collects the rents that fell due
        const rents = await leaseRepo.rents(tx, [l.id]);
        const open = rents.filter((r) => r.status === 'scheduled' || r.status === 'billed');
        const r = rents.find((x) => x.seq === seq);
        if (!r || r.status === 'void') throw errors.notFound('租期', 'Rent period');
        if (r.status === 'paid') throw errors.conflict('RENT_ALREADY_PAID', `第 ${seq} 期租金已收`, `Rent ${seq} is paid already`);
        if (open[0]!.seq !== seq) throw errors.conflict('RENT_NOT_NEXT', `请先收取第 ${open[0]!.seq} 期租金`, `Collect rent ${open[0]!.seq} first`, { seq: open[0]!.seq });
        if (r.status === 'scheduled' && l.billing === 'usage') throw errors.conflict('RENT_NOT_BILLED', `第 ${seq} 期尚未按用量计费`, `Rent ${seq} is not billed yet`);
        const due = amountDue(l, rents, r);
        await leaseRepo.updateRent(tx, l, seq, { status: 'paid', paid_cny: String(fen(due.rent + due.balance)), paid_reference: b.reference ?? null, paid_at: clock.now() });
        if (open.length > 1 || l.status === 'terminated') return {};
        const next = transition(l, 'lastRentPaid');
        if (next === 'purchased') {
          // the trace is the enterprise's: a leasing company recording the last rent writes it as the platform (the lease's audit names the user)
          const t = await trace.recordTransfer(tx, enterpriseOf(ctx.principal) ? ctx : null, { enterpriseId: l.enterprise_id, kind: 'sale', code: l.product_code, party: { orgId: l.lessee_org_id, name: names.lessee }, at: clock.now(), requestKey: `lease-purchase:${l.id}`, note: `以租代购 租赁合同 ${l.id}：付清最后一期，所有权转移` });
          after.push(t.afterCommit);
          return { status: next, closed_at: clock.now() };
        }
        return { status: next };
      });
    },

    /** Early termination (either party): the rents not yet begun are void; those due stay owed. */
    terminate: (ctx: RequestContext, id: string, reason: string) =>
      step(ctx, id, 'terminate', { reason }, async (tx, l) => {
        const next = transition(l, 'terminate');
        await leaseRepo.voidFutureRents(tx, l, clock.today());
        return { status: next, terminate_reason: reason };
      }),

    /** The unit comes back: to be leased again (possession back in the trace) or as a core (intake: its next life). */
    return: async (ctx: RequestContext, id: string, b: { disposition: 'relet' | 'core_intake'; grade?: string; note?: string }) => {
      const names = await pre(id);
      return step(ctx, id, 'return', b, async (tx, l, after) => {
        const next = transition(l, 'return');
        const at = clock.now();
        const r =
          b.disposition === 'relet'
            ? await trace.recordTransfer(tx, ctx, { enterpriseId: l.enterprise_id, kind: 'lease', code: l.product_code, party: { orgId: `enterprise:${l.enterprise_id}`, name: names.self }, at, requestKey: `lease-return:${l.id}`, note: `租赁合同 ${l.id} 租赁物返还，待再出租${b.note ? `；${b.note}` : ''}` })
            : await trace.recordTransfer(tx, ctx, { enterpriseId: l.enterprise_id, kind: 'core_intake', name: `${l.product_name} 旧件（租赁返还）`, model: l.model ?? undefined, code: l.product_code, sellerName: names.self, party: { orgId: l.lessee_org_id, name: names.lessee }, at, requestKey: `lease-return:${l.id}`, note: `租赁合同 ${l.id} 租赁物返还，作为旧件回收${b.grade ? `；等级 ${b.grade}` : ''}${b.note ? `；${b.note}` : ''}` });
        after.push(r.afterCommit);
        return { status: next, return_disposition: b.disposition, core_epc: b.disposition === 'core_intake' ? r.epc : undefined, closed_at: at };
      });
    },
  };
  return service;
}

export type LeasingService = ReturnType<typeof createLeasingService>;
