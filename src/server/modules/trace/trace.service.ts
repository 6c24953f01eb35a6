import { createHash, randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { recordAudit } from '../../platform/audit.js';
import { DomainError, errors } from '../../platform/errors.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import type { AnnouncedList } from '../announcements/announcements.service.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import { attributedSite, resolveStepSite, siteLocation } from '../../../domain/trace/site.js';
import type { EpcisService } from '../epcis/epcis.service.js';
import type { StoredEvent } from '../../../domain/epcis/types.js';
import { canonicalEpc, classifyCode, digitalLinkUri, makeProductCode, normalizeGtin, platformEpc } from '../../../domain/trace/codes.js';
import { DEFAULT_TRACE_DEPTH, MAX_TRACE_DEPTH, originalComponents, type Direction } from '../../../domain/trace/genealogy.js';
import * as L from '../../../domain/trace/lifecycle.js';
import { aggregateRates } from '../../../domain/trace/rates.js';
import { publicTimeline, statusChangeNeeded } from '../../../domain/trace/successor.js';
import { coreTransferEvents, type CoreTransferRecord, type CoreTransferRecorded } from '../../../domain/trading/core-exchange.js';
import { mayConsume, mayDisassemble, NO_HISTORY } from '../../../domain/trace/step-rules.js';
import { stepLabel, vocLabel } from '../../../domain/trace/vocabulary.js';
import { ensurePrefix, productInputs, projectEvents } from './trace.projector.js';
import { publicJson } from './trace.presenter.js';
import { createProjectionFollower } from './trace.follower.js';
import type { JobLog } from '../../platform/jobs.js';
import { offsetOf, type Page } from '../../platform/paging.js';
import type { Queue } from '../../platform/queue/queue.js';
import { walkGenealogy } from './trace.genealogy.js';
import { authorizedWriterEnterprise, traceProductPolicy } from './trace.policy.js';
import { authorize } from '../../platform/authorize.js';
import { traceRepo, type EnterpriseIds, type ProductRow, type PublicProductRow } from './trace.repo.js';

export interface TraceServiceDeps {
  db: Db;
  clock: Clock;
  epcis: EpcisService;
  enterprises: EnterpriseService;
  /** the announced list (whether a product's maker is announced) */
  announcements: AnnouncedList;
  /** Largest /epcis capture projected inside its own transaction (larger ones: right after commit). */
  inlineProjectionMax?: number;
  /** Public verification answers kept in memory (least recently scanned evicted first); default 20,000. */
  publicCacheMax?: number;
  /** Streams the projection follower projects at once (1 on PGlite: one connection). */
  projectionWorkers?: number;
  /** The durable job queue (retries of a failing projection stream). */
  jobs?: Queue;
  /** Failures in a row before a projection stream is quarantined (TRACE_PROJECTION_MAX_FAILURES). */
  projectionMaxFailures?: number;
  log?: JobLog;
}

/** The event id of event `n` of a request with an Idempotency-Key (a name-based UUID: same inputs, same id). */
export function keyedEventId(enterpriseId: string, step: string, key: string, n: number): string {
  const h = createHash('sha256').update(`reman-step\n${enterpriseId}\n${step}\n${key}\n${n}`).digest('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
export const duplicateRequest = (eventIds: string[]) =>
  errors.conflict('DUPLICATE_REQUEST', '该请求（Idempotency-Key）已处理过，未重复记录', 'This request (Idempotency-Key) was already processed; nothing was recorded again', { eventIds });

export const notFoundProduct = () => errors.notFound('再制造产品', 'Remanufactured product');
export const publicNotFound = () =>
  new DomainError(404, 'PRODUCT_NOT_FOUND', '未找到该再制造产品编码，请核对标签', 'No remanufactured product has this code; check the label');

const rate = (v: string | number | null) => (v === null ? null : Number(v));

export interface StepResult {
  step: L.FormStep;
  eventIds: string[];
  eventTime: string;
  epcs: string[];
  product?: ProductRow;
  parts?: { epc: string; name: string }[];
  coreEpc?: string;
  /** the projection is quarantined: stored, projected after the repair */
  projectionQuarantined?: string;
}

/**
 * Traceability on top of the EPCIS repository: the lifecycle use cases (each builds its EPCIS events and
 * captures them with epcis.captureInTx in ONE transaction with the audit row; the projector then updates the
 * trace tables inside that same transaction), genealogy, products, recall, rates, ledger, public verification.
 */
export function createTraceService(deps: TraceServiceDeps) {
  const { db, clock, epcis, enterprises, announcements } = deps;

  async function scopeIds(p: Principal | null): Promise<EnterpriseIds> {
    const r = await epcis.readableEnterprises(p);
    return r === 'all' ? null : r;
  }

  // ---- small caches for the public page (names and the announced list change rarely) ----
  const nameCache = new Map<string, { name: string; address: string; at: number }>();
  let announced: { ids: Set<string>; at: number } | null = null;
  const TTL = 60_000;
  async function enterpriseInfo(id: string) {
    const c = nameCache.get(id);
    if (c && Date.now() - c.at < TTL) return c;
    const e = await enterprises.getInternal(id);
    const v = { name: e?.name ?? '', address: e?.address ?? '', at: Date.now() };
    nameCache.set(id, v);
    return v;
  }
  async function isAnnounced(id: string) {
    if (!announced || Date.now() - announced.at > TTL) {
      announced = { ids: new Set((await announcements.announcedSites()).map((s) => s.enterpriseId)), at: Date.now() };
    }
    return announced.ids.has(id);
  }

  async function findProduct(ids: EnterpriseIds, ref: string): Promise<ProductRow | null> {
    const c = classifyCode(ref);
    if (c.kind === 'invalid') return null;
    return traceRepo.findProduct(db, c.kind === 'code' ? { code: c.code } : { epc: c.epc }, ids);
  }
  async function loadProduct(p: Principal | null, ref: string): Promise<ProductRow> {
    const row = await findProduct(await scopeIds(p), ref);
    if (!row) throw notFoundProduct();
    return row;
  }

  /** An object key of the writer's enterprise: a product code/DL/EPC resolves to the product EPC. */
  async function resolveKey(enterpriseId: string, ref: string, field: string, mustExist: boolean): Promise<string> {
    const c = classifyCode(ref);
    if (c.kind === 'invalid') throw errors.field(field, '须为平台产品编码、EPC URI 或 GS1 数字链接', 'must be a platform product code, an EPC URI or a GS1 Digital Link URI');
    if (c.kind === 'code') {
      const row = await traceRepo.findProduct(db, { code: c.code }, [enterpriseId]);
      if (!row) throw errors.field(field, `产品编码 ${c.code} 不存在`, `unknown product code ${c.code}`);
      return row.epc;
    }
    if (mustExist && !(await traceRepo.objectInEnterprise(db, enterpriseId, c.epc))) {
      throw errors.field(field, `本企业没有 ${c.epc} 的记录`, `no record of ${c.epc} in your enterprise`);
    }
    return c.epc;
  }
  async function resolveProductKey(enterpriseId: string, ref: string, field: string): Promise<ProductRow> {
    const row = await findProduct([enterpriseId], ref);
    if (!row) throw errors.field(field, '本企业没有该再制造产品', 'no such remanufactured product in your enterprise');
    return row;
  }

  function writer(ctx: RequestContext): string {
    return authorizedWriterEnterprise(ctx.principal, 'record');
  }

  /**
   * ONE transaction: the enterprise's stream lock first (every capture of the enterprise takes it; the step's checks
   * in `build` read the projection under it, so N concurrent identical steps are decided one after the other) →
   * prefix/serials → events → the request key's repeat check → epcis.captureInTx (projector runs inside) → audit.
   */
  async function capture(ctx: RequestContext | null, enterpriseId: string, step: string, objectId: string, change: unknown, build: (tx: Db, prefix: string) => Promise<Record<string, unknown>[]>, requestKey?: string) {
    const sys: RequestContext = ctx ?? { principal: null, ip: '127.0.0.1', requestId: 'system' };
    const result = await db.transaction(async (tx) => {
      await epcis.lockStream(tx, enterpriseId);
      const prefix = await ensurePrefix(tx, enterpriseId);
      const events = await build(tx, prefix);
      if (requestKey) await claimRequestKey(tx, enterpriseId, step, requestKey, events);
      const stored = await epcis.captureInTx(tx, sys, enterpriseId, events, { documentContext: L.DOCUMENT_CONTEXT });
      await recordAudit(tx, ctx, { action: `trace.${step}`, objectType: 'trace_object', objectId, enterpriseId, change });
      return { events, stored };
    });
    if (result.stored.length) epcis.committed(enterpriseId);
    return result;
  }

  /**
   * `Idempotency-Key`: the request's events get ids derived from (enterprise, step, key), so a repeat of the same
   * key — concurrent or later — finds them in the stream (read under the stream lock) and answers 409
   * DUPLICATE_REQUEST naming them; nothing is recorded twice.
   */
  async function claimRequestKey(tx: Db, enterpriseId: string, step: string, key: string, events: Record<string, unknown>[]) {
    events.forEach((e, n) => (e.eventID = keyedEventId(enterpriseId, step, key, n)));
    const seen = await epcis.existingEventIds(tx, enterpriseId, ids(events));
    if (seen.length) throw duplicateRequest(seen);
  }

  const base = (t?: string): L.EventBase => ({ eventId: `urn:uuid:${randomUUID()}`, eventTime: new Date(t ?? clock.now().toISOString()).toISOString() });
  const ids = (events: Record<string, unknown>[]) => events.map((e) => e.eventID as string);

  async function product(enterpriseId: string, epc: string) {
    return (await traceRepo.productsByEpcs(db, enterpriseId, [epc]))[0];
  }

  type PublicValue = { row: PublicProductRow; enterpriseName: string; announced: boolean; steps: { date: string; kind: string; label: { zh: string; en: string } }[] };
  /** One scanned product: its row and names, with the presented value and the sent JSON made on first use. */
  type PublicEntry = { at: number; enterpriseId: string; row: PublicProductRow; enterpriseName: string; announced: boolean; value?: PublicValue; json?: Buffer };
  const PUBLIC_CACHE_MAX = deps.publicCacheMax ?? 20_000;
  const publicCache = new Map<string, PublicEntry>();
  let publicCacheOn = true;
  /** Last projection per enterprise: answers cached within 5 s after it may predate its commit, so they are not trusted. */
  const invalidatedAt = new Map<string, number>();
  /** Least recently scanned goes first when the cache is full: a hit moves to the end of the Map's order. */
  const touch = (key: string, hit: PublicEntry) => {
    publicCache.delete(key);
    publicCache.set(key, hit);
    return hit;
  };
  /**
   * Concurrent scans share one statement: the references asked for while the event loop handled one round of
   * incoming requests (setImmediate) are read together (dataloader, no caching of its own — freshness is the public
   * cache's job). Measured in bench/trace-genealogy.ts (docs/performance.md).
   */
  const publicRows = new DataLoader<{ code?: string; epc?: string }, PublicProductRow | null, string>((refs) => traceRepo.publicProducts(db, [...refs]), {
    cache: false,
    cacheKeyFn: (r) => (r.code ? `c${r.code}` : `e${r.epc}`),
    batchScheduleFn: (run) => setImmediate(run),
    maxBatchSize: 200,
  });
  const fresh = (hit: { at: number; enterpriseId: string } | undefined) => !!hit && Date.now() - hit.at < TTL && hit.at > (invalidatedAt.get(hit.enterpriseId) ?? 0) + 5000;
  /**
   * The scanned product's entry: from the response cache, or ONE row read (batched) with the enterprise's name and
   * the announced list from their 60 s caches (no await when those are fresh).
   */
  const jsonOf = (e: PublicEntry) => (e.json ??= publicJson(e));
  async function publicEntry(ref: string): Promise<PublicEntry> {
    // Fast path: the reference as scanned is usually the cache key itself (a normalised code / canonical EPC).
    const direct = publicCacheOn ? publicCache.get(ref) : undefined;
    if (direct && fresh(direct)) return touch(ref, direct);
    const c = classifyCode(ref);
    if (c.kind === 'invalid') throw publicNotFound();
    const key = c.kind === 'code' ? c.code : c.epc;
    const hit = publicCacheOn ? publicCache.get(key) : undefined;
    if (hit && fresh(hit)) return touch(key, hit);
    const row = await publicRows.load(c.kind === 'code' ? { code: c.code } : { epc: c.epc });
    if (!row) throw publicNotFound();
    const now = Date.now();
    const name = nameCache.get(row.enterprise_id);
    const [info, ann] =
      name && now - name.at < TTL && announced && now - announced.at <= TTL
        ? [name, announced.ids.has(row.enterprise_id)]
        : await Promise.all([enterpriseInfo(row.enterprise_id), isAnnounced(row.enterprise_id)]);
    const entry: PublicEntry = { at: Date.now(), enterpriseId: row.enterprise_id, row, enterpriseName: info.name, announced: ann };
    if (publicCacheOn) {
      if (publicCache.size >= PUBLIC_CACHE_MAX) publicCache.delete(publicCache.keys().next().value!);
      publicCache.set(key, entry);
    }
    return entry;
  }

  /**
   * Enterprises whose product rows a projection changed in a transaction not yet reported as committed; a rolled-back
   * one stays until that enterprise's next commit (one invalidation too many, never one too few).
   */
  const productsChangedBy = new Set<string>();
  const productsListeners: ((enterpriseId: string) => void)[] = [];
  /** A transaction that projected events of the enterprise committed (epcis.onCommitted, the follower's onProjected). */
  const productsCommitted = (enterpriseId: string) => {
    if (!productsChangedBy.delete(enterpriseId)) return;
    // the scanned answers of the enterprise once more, now after the commit (project() drops them inside the
    // transaction, guarded for 5 s; a transaction longer than that could have let a stale answer back in)
    for (const [k, v] of publicCache) if (v.enterpriseId === enterpriseId) publicCache.delete(k);
    for (const l of productsListeners) {
      try {
        l(enterpriseId);
      } catch (err) {
        deps.log?.error({ err, enterpriseId }, 'a listener of changed products failed');
      }
    }
  };

  const service = {
    /** The projector (run by the projection follower, inline or after commit); drops cached public answers of the enterprises concerned. */
    async project(tx: Db, events: Parameters<typeof projectEvents>[1]) {
      const changed = await projectEvents(tx, events, { history: (t, enterpriseId, epcs) => epcis.eventsByIdentifiers(epcs, { enterpriseIds: [enterpriseId], db: t }), linksInEventStore: true });
      for (const id of changed) productsChangedBy.add(id); // told after the commit (productsCommitted)
      const touched = new Set(events.map((e) => e.enterpriseId));
      for (const id of touched) invalidatedAt.set(id, Date.now());
      for (const [k, v] of publicCache) if (touched.has(v.enterpriseId)) publicCache.delete(k);
    },

    async step<S extends L.FormStep>(ctx: RequestContext, kind: S, input: L.StepInput<S>, opts: { enterpriseId?: string; requestKey?: string } = {}): Promise<StepResult> {
      const enterpriseId = opts.enterpriseId ?? writer(ctx);
      return runStep(ctx, enterpriseId, kind, input, opts.requestKey);
    },

    async listProducts(p: Principal | null, f: { q?: string; status?: string }, page: number, pageSize: number) {
      return traceRepo.listProducts(db, await scopeIds(p), f, page, pageSize);
    },

    async product(p: Principal | null, ref: string) {
      return loadProduct(p, ref);
    },

    /** Product page: lives, original components, steps, owner/possessor, installation. */
    async productDetail(p: Principal | null, ref: string) {
      const ids = await scopeIds(p);
      const row = await findProduct(ids, ref);
      if (!row) throw notFoundProduct();
      // the unit's earlier lives: the products among its life cores, and theirs (upstream genealogy no longer walks
      // a core's composition, so the chain of lives is followed on the product rows themselves)
      const lifeRows = await traceRepo.earlierLives(db, row.enterprise_id, row.code);
      const lives = [...new Map([...lifeRows, row].map((r) => [r.code, r])).values()].sort((a, b) => a.life - b.life);
      const first = lives[0]!;
      // what each life was made of: its reassembly event's inputs, from the event store (migration 20261216010000)
      const made = new Map<string, StoredEvent>();
      for (const e of await epcis.eventsByIds([...new Set([row.made_event_id, first.made_event_id])], { enterpriseIds: [row.enterprise_id] })) if (!made.has(e.eventId) || !e.errorDeclaration) made.set(e.eventId, e);
      const inputsOfRow = (r: ProductRow) => {
        const e = made.get(r.made_event_id);
        return e ? productInputs(e) : [];
      };
      const inputs = inputsOfRow(row);
      const keysOf = (list: ReturnType<typeof inputsOfRow>) => list.map((i) => i.epc).filter((x): x is string => Boolean(x));
      const original = row.life === 1 ? keysOf(inputs) : originalComponents(keysOf(inputs), keysOf(inputsOfRow(first)));
      const objects = new Map((await traceRepo.objects(db, original, [row.enterprise_id])).map((o) => [o.key, o]));
      const steps = await traceRepo.stepsOf(db, row.enterprise_id, [row.epc, ...row.life_core_keys]);
      return { row, lives, inputs, original: original.map((k) => ({ key: k, name: objects.get(k)?.name ?? null, kind: objects.get(k)?.kind ?? 'part' })), steps };
    },

    /** Recall or revoke: idempotent — the product row is locked, and a status it already has records nothing. */
    async setStatus(ctx: RequestContext, ref: string, status: 'recalled' | 'revoked', reason: string) {
      const row = await loadProduct(ctx.principal, ref);
      authorize(ctx.principal, traceProductPolicy, 'change_status', { enterpriseId: row.enterprise_id }); // a row's enterprise never changes
      await projection.catchUpNow(row.enterprise_id); // a recall an MES just sent counts as the current status
      const stored = await db.transaction(async (tx) => {
        // the enterprise's event stream first (the lock every capture takes before the projection cursor and the
        // product rows: same order, no deadlock; two status changes of one enterprise are serialised), then the status
        await epcis.lockStream(tx, row.enterprise_id);
        const locked = await traceRepo.productStatus(tx, row.enterprise_id, row.code);
        if (!locked || !statusChangeNeeded(locked.status, status)) return;
        const stored = await epcis.captureInTx(tx, ctx, row.enterprise_id, [L.statusEvent(status, base(), row.epc, reason)], { documentContext: L.DOCUMENT_CONTEXT });
        await recordAudit(tx, ctx, { action: `trace.product.${status}`, objectType: 'trace_object', objectId: row.code, enterpriseId: row.enterprise_id, change: { status, reason } });
        return stored;
      });
      if (stored?.length) epcis.committed(row.enterprise_id);
      return (await traceRepo.findProduct(db, { code: row.code }, [row.enterprise_id]))!;
    },

    /**
     * 交易服务 (issue 13), inside the CALLER's transaction (an order's delivery, a trade-in core's receipt), so the
     * order and its trace commit or fail together:
     *  - `sale` / `lease` of a unit to a platform party: owner (sale) and possessor = `L.partyUri(party.orgId)`, event
     *    time = the delivery (the warranty runs from it); devices' owner access follows the owner. Under the
     *    enterprise's stream lock the unit must be genuine (issued), not disassembled or consumed, and — for a sale —
     *    not owned by anyone yet: a unit is never sold twice.
     *  - `core_intake`: the trade-in's old unit comes back (receiving, source = the buyer, tradeIn true): a returning
     *    product of this enterprise keeps its EPC, any other old unit gets a platform core EPC.
     * `requestKey` derives the event ids (a repeat is 409 DUPLICATE_REQUEST). Call `afterCommit` once committed.
     */
    async recordTransfer(
      tx: Db,
      ctx: RequestContext | null,
      input: { enterpriseId: string; at: Date; requestKey: string; party: { orgId: string; name: string }; note?: string } & (
        | { kind: 'sale' | 'lease'; code: string }
        | { kind: 'core_intake'; name: string; model?: string; code?: string; sellerName: string }
      ),
    ): Promise<{ eventIds: string[]; epc: string; afterCommit: () => void }> {
      const { enterpriseId } = input;
      await epcis.lockStream(tx, enterpriseId);
      const b = base(input.at.toISOString());
      const party = { id: L.partyUri(input.party.orgId), name: input.party.name };
      let epc: string;
      let events: Record<string, unknown>[];
      if (input.kind === 'core_intake') {
        const own = input.code ? await traceRepo.findProduct(tx, { code: input.code }, [enterpriseId]) : null;
        epc = own?.epc ?? platformEpc('core', await ensurePrefix(tx, enterpriseId), await traceRepo.takeSerials(tx, enterpriseId, 1));
        const self = { id: L.partyUri(`enterprise:${enterpriseId}`), name: input.sellerName }; // no read on db: the caller's transaction holds the connection (PGlite)
        const i = { name: input.name, model: input.model, source: { returnedBy: input.party.name, channel: 'end_user' as const, tradeIn: true }, note: input.note };
        events = [L.intakeEvent(b, i, epc, !own, { enterprise: self, returnedBy: party.id })];
      } else {
        const row = await traceRepo.findProduct(tx, { code: input.code }, [enterpriseId]);
        if (!row) throw errors.field('code', '本企业没有该再制造产品', 'no such remanufactured product in your enterprise');
        const refuse = (zh: string, en: string) => errors.conflict('PRODUCT_NOT_SELLABLE', `产品 ${row.code}：${zh}`, `Product ${row.code}: ${en}`, { code: row.code });
        if (row.status !== 'issued') throw refuse(`状态为 ${row.status}，不能交付`, `it is ${row.status} and cannot be delivered`);
        if (input.kind === 'sale' && row.owner_id && row.owner_id !== L.partyUri(`enterprise:${enterpriseId}`)) throw refuse('已售出，同一产品不能销售两次', 'it was sold already; a unit is never sold twice');
        await requireState(tx, enterpriseId, [row.epc], (h) => mayDisassemble(h) && mayConsume(h), () => refuse('已拆解或已装入其他产品', 'it was disassembled or went into another product'));
        epc = row.epc;
        events = [L.transferEvent(input.kind, b, row.epc, party, input.note)];
      }
      await claimRequestKey(tx, enterpriseId, input.kind, input.requestKey, events);
      await epcis.captureInTx(tx, ctx ?? { principal: null, ip: '127.0.0.1', requestId: 'system' }, enterpriseId, events, { documentContext: L.DOCUMENT_CONTEXT });
      await recordAudit(tx, ctx, { action: `trace.${input.kind}`, objectType: 'trace_object', objectId: input.kind === 'core_intake' ? epc : input.code, enterpriseId, change: { kind: input.kind, party: party.id, requestKey: input.requestKey } });
      return { eventIds: ids(events), epc, afterCommit: () => epcis.committed(enterpriseId) };
    },

    /**
     * 旧件交易 (issue 13 core exchange): an accepted match's transfer, inside the caller's transaction (the
     * core-exchange module's, its match and postings locked). Both streams are locked first, in id order (two
     * transfers between the same enterprises in opposite directions never deadlock; no audit row before them). The
     * receiver records one core intake of the cores, each with a new EPC, source = the supplier, with the supplier's
     * attestation; a supplying enterprise records the shipping of the quantity to the receiver. A supplier without a
     * trace (a recycler or dealer) attests, and the receiver's intake names it (docs/decisions.md ADR on core sources).
     * Event ids derive from `requestKey`: a repeat is 409 DUPLICATE_REQUEST.
     */
    async recordCoreExchange(
      tx: Db,
      ctx: RequestContext,
      input: CoreTransferRecord,
    ): Promise<CoreTransferRecorded> {
      const receiverId = input.receiver.enterpriseId;
      const supplierId = input.supplier.enterpriseId;
      for (const id of [...new Set([receiverId, ...(supplierId ? [supplierId] : [])])].sort()) await epcis.lockStream(tx, id);
      const own = supplierId && input.supplier.coreEpcs?.length ? await service.coresToShip(tx, supplierId, input.supplier.coreEpcs, 'attestation.coreCodes') : null;
      let coreEpcs = own ?? [];
      if (!own) {
        const prefix = await ensurePrefix(tx, receiverId);
        const first = await traceRepo.takeSerials(tx, receiverId, input.quantity);
        coreEpcs = Array.from({ length: input.quantity }, (_, n) => platformEpc('core', prefix, first + n));
      }
      const t = input.at.toISOString();
      const ev = coreTransferEvents({
        receiverBase: base(t),
        supplierBase: supplierId ? base(t) : null,
        receiver: { uri: L.partyUri(`enterprise:${receiverId}`), name: input.receiver.name },
        supplier: { uri: L.partyUri(supplierId ? `enterprise:${supplierId}` : input.supplier.orgId), name: input.supplier.name, channel: input.supplier.channel },
        name: input.name,
        model: input.model,
        grade: input.grade,
        coreEpcs,
        supplierCores: !!own,
        attestation: input.attestation,
      });
      await claimRequestKey(tx, receiverId, 'core_exchange_in', input.requestKey, [ev.receiver]);
      if (supplierId && ev.supplier) await claimRequestKey(tx, supplierId, 'core_exchange_out', input.requestKey, [ev.supplier]);
      // each stream is written as its own enterprise's user, or by the platform for the other party (audited below with the caller)
      const as = (enterpriseId: string): RequestContext => (ctx.principal?.enterpriseId === enterpriseId ? ctx : { principal: null, ip: ctx.ip, requestId: ctx.requestId });
      await epcis.captureInTx(tx, as(receiverId), receiverId, [ev.receiver], { documentContext: L.DOCUMENT_CONTEXT });
      if (supplierId && ev.supplier) await epcis.captureInTx(tx, as(supplierId), supplierId, [ev.supplier], { documentContext: L.DOCUMENT_CONTEXT });
      await recordAudit(tx, ctx, { action: 'trace.core_exchange', objectType: 'trace_object', objectId: coreEpcs[0]!, enterpriseId: receiverId, change: { quantity: input.quantity, supplier: input.supplier.orgId, matchId: input.attestation.matchId } });
      return {
        coreEpcs,
        receiverEventIds: ids([ev.receiver]),
        supplierEventIds: ev.supplier && supplierId ? ids([ev.supplier]) : [],
        afterCommit: () => {
          epcis.committed(receiverId);
          if (supplierId) epcis.committed(supplierId);
        },
      };
    },

    /**
     * 旧件交易: the cores a supplying enterprise names for a transfer (codes or EPCs), as canonical EPCs — each a core
     * in its own trace (400 naming `field.i`), not named twice, not shipped already (409 CORE_SHIPPED), not
     * disassembled nor built into a product (409 CORE_DISASSEMBLED). Called at the proposal (a check) and again
     * under the stream lock when the transfer is recorded.
     */
    async coresToShip(tx: Db, enterpriseId: string, codes: readonly string[], field: string): Promise<string[]> {
      const epcs: string[] = [];
      for (const [i, code] of codes.entries()) {
        const c = classifyCode(code);
        const epc = c.kind === 'code' ? (await traceRepo.findProduct(tx, { code: c.code }, [enterpriseId]))?.epc : c.kind === 'epc' ? canonicalEpc(c.epc) : undefined;
        const o = epc ? await traceRepo.objectInEnterprise(tx, enterpriseId, epc) : null;
        if (!epc || !o || (o.kind !== 'core' && o.kind !== 'product')) throw errors.field(`${field}.${i}`, `本企业追溯中没有旧件 ${code}`, `no core ${code} in your trace`);
        if (epcs.includes(epc)) throw errors.field(`${field}.${i}`, `旧件 ${code} 重复`, `core ${code} is named twice`);
        if (o.last_step_kind === 'shipping') throw errors.conflict('CORE_SHIPPED', `旧件 ${code} 已发出`, `The core ${code} has been shipped already`, { field: `${field}.${i}`, epc });
        epcs.push(epc);
      }
      await requireState(tx, enterpriseId, epcs, (h) => mayDisassemble(h) && mayConsume(h), (epc) => coreDisassembled(epc, `${field}.${epcs.indexOf(epc)}`));
      return epcs;
    },

    /**
     * In-service repair (issue 12 "parts replaced — recorded as trace events"; STEP_MAPPING.repair): inside the
     * caller's transaction (the cases module's, with its case row locked), under the maker's stream lock. Each line
     * is a part taken out and its replacement: the part taken out is found among the product's parts now (its
     * genealogy at `at`, depth 1) by its serial given as an EPC, else by its name when exactly one part has it; the
     * part fitted gets a platform part EPC. Events: DELETE of the identified parts, ADD of the fitted ones
     * (lifecycle.ts `repairEvents`), ids derived from `requestKey` (a repeat is 409 DUPLICATE_REQUEST), audited.
     */
    async recordRepair(
      tx: Db,
      ctx: RequestContext | null,
      input: { enterpriseId: string; code: string; at: Date; requestKey: string; caseNumber: string; parts: { name: string; partNo?: string | null; quantity: number; removedSerial?: string | null; newSerial?: string | null }[] },
    ): Promise<{ eventIds: string[]; parts: { removedEpc: string | null; newEpc: string }[]; afterCommit: () => void }> {
      const { enterpriseId } = input;
      await epcis.lockStream(tx, enterpriseId);
      const row = await traceRepo.findProduct(tx, { code: input.code }, [enterpriseId]);
      if (!row) throw errors.field('code', '本企业没有该再制造产品', 'no such remanufactured product in your enterprise');
      if (row.status !== 'issued') throw errors.conflict('PRODUCT_NOT_REPAIRABLE', `产品 ${row.code} 状态为 ${row.status}，不能记录维修换件`, `Product ${row.code} is ${row.status}: no repair can be recorded`, { code: row.code });
      const children = [...new Set((await traceRepo.walk(tx, row.epc, 'up', input.at, 1, [enterpriseId])).filter((e) => e.parent_key === row.epc).map((e) => e.child_key))];
      const names = new Map((await traceRepo.nodes(tx, children, [enterpriseId])).map((n) => [n.key, n.name]));
      const taken = new Set<string>();
      const identify = (x: (typeof input.parts)[number]): string | null => {
        const bySerial = x.removedSerial && /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(x.removedSerial) ? canonicalEpc(x.removedSerial) : null;
        if (bySerial && children.includes(bySerial) && !taken.has(bySerial)) return bySerial;
        const byName = children.filter((k) => !taken.has(k) && names.get(k) === x.name);
        return byName.length === 1 ? byName[0]! : null;
      };
      const prefix = await ensurePrefix(tx, enterpriseId);
      let serial = await traceRepo.takeSerials(tx, enterpriseId, input.parts.length);
      const lines = input.parts.map((x) => {
        const removedEpc = identify(x);
        if (removedEpc) taken.add(removedEpc);
        return { x, removedEpc, newEpc: platformEpc('part', prefix, serial++) };
      });
      const b0 = base(input.at.toISOString());
      const b1 = base(input.at.toISOString()); // the same moment: projected in order, DELETE before ADD
      const events = L.repairEvents(
        [b0, b1],
        row.epc,
        lines.map((l) => ({ epc: l.removedEpc, name: l.x.name, partNo: l.x.partNo, serial: l.x.removedSerial, quantity: l.x.quantity })),
        lines.map((l) => ({ epc: l.newEpc, name: l.x.name, partNo: l.x.partNo, serial: l.x.newSerial, quantity: l.x.quantity })),
        input.caseNumber,
      );
      await claimRequestKey(tx, enterpriseId, 'repair', input.requestKey, events);
      await epcis.captureInTx(tx, ctx ?? { principal: null, ip: '127.0.0.1', requestId: 'system' }, enterpriseId, events, { documentContext: L.DOCUMENT_CONTEXT });
      await recordAudit(tx, ctx, { action: 'trace.repair', objectType: 'trace_object', objectId: input.code, enterpriseId, change: { case: input.caseNumber, parts: lines.map((l) => ({ name: l.x.name, removed: l.removedEpc, fitted: l.newEpc })) } });
      return { eventIds: ids(events), parts: lines.map((l) => ({ removedEpc: l.removedEpc, newEpc: l.newEpc })), afterCommit: () => epcis.committed(enterpriseId) };
    },

    /** GET /api/v1/trace/{code}: the whole tree in one call. */
    async trace(p: Principal | null, ref: string, direction: Direction, depth = DEFAULT_TRACE_DEPTH, at?: Date, opts: { includeScrapped?: boolean } = {}) {
      const ids = await scopeIds(p);
      const c = classifyCode(ref);
      if (c.kind === 'invalid') throw errors.notFound('追溯对象', 'Traced object');
      let root: string;
      if (c.kind === 'code') {
        const row = await traceRepo.findProduct(db, { code: c.code }, ids);
        if (!row) throw errors.notFound('追溯对象', 'Traced object');
        root = row.epc;
      } else {
        root = c.epc;
        if (!(await traceRepo.objectExists(db, root, ids))) throw errors.notFound('追溯对象', 'Traced object');
      }
      const when = at ?? clock.now();
      const w = await walkGenealogy(db, root, direction, when, Math.min(depth, MAX_TRACE_DEPTH), ids, opts);
      const keys = [...w.nodes.keys()];
      // upstream: composition ("made of") apart from core → part provenance ("taken out of")
      const ends = (relation: string) => (direction === 'up' ? [...new Set(w.edges.filter((e) => (relation === 'disassembled_from' ? e.relation === relation : e.relation !== 'disassembled_from')).map((e) => e.child))].sort() : []);
      const info = new Map((await traceRepo.nodes(db, keys, ids)).map((n) => [n.key, n]));
      const node = (k: string) => {
        const n = info.get(k);
        return { key: k, kind: (n?.code ? 'product' : (n?.kind ?? 'other')) as 'core' | 'part' | 'product' | 'lot' | 'other', name: n?.product_name ?? n?.name ?? null, productCode: n?.code ?? null, life: n?.life ?? null };
      };
      return {
        root: node(root),
        direction,
        depth: Math.min(depth, MAX_TRACE_DEPTH),
        at: when.toISOString(),
        nodes: keys.map((k) => ({ ...node(k), depth: w.nodes.get(k)! })).sort((a, b) => a.depth - b.depth || a.key.localeCompare(b.key)),
        edges: w.edges,
        madeOf: ends('input'),
        provenance: ends('disassembled_from'),
        truncated: w.truncated,
      };
    },

    /**
     * What a recall can start from, by what people know (issue 16 item 10): lot number, serial, part or core name,
     * product code — exact identifiers first, then lots, cores, parts, products. The page recalls from the one chosen.
     */
    async recallTargets(p: Principal | null, text: string) {
      const rows = await traceRepo.recallTargets(db, text.trim(), await scopeIds(p));
      const order = ['lot', 'core', 'part', 'product'];
      return rows
        .map((r) => ({ key: r.key, kind: r.kind as 'lot' | 'core' | 'part' | 'product', name: r.name, productCode: r.product_code, exact: Boolean(r.exact), by: r.kind === 'lot' ? ('lot' as const) : ('core' as const) }))
        .sort((a, b) => Number(b.exact) - Number(a.exact) || order.indexOf(a.kind) - order.indexOf(b.kind) || (a.name ?? '').localeCompare(b.name ?? '') || a.key.localeCompare(b.key));
    },

    /** Recall: the remanufactured products downstream of a lot or a core, with their current owner/lessee. */
    async recall(p: Principal | null, query: { lot?: string; core?: string }) {
      const ids = await scopeIds(p);
      const ref = query.lot ?? query.core;
      if (!ref) throw errors.field('lot', '请给出批次（lot）或旧件（core）', 'give lot or core');
      const c = classifyCode(ref);
      if (c.kind !== 'epc') throw errors.field(query.lot ? 'lot' : 'core', '须为 EPC 类或 EPC URI', 'must be an EPC class or EPC URI');
      const w = await walkGenealogy(db, c.epc, 'down', clock.now(), MAX_TRACE_DEPTH, ids);
      const keys = [...w.nodes.keys()].filter((k) => k !== c.epc);
      const reached = (await traceRepo.productsByEpcsScoped(db, keys, ids)).filter((r) => new Date(r.made_at).getTime() <= clock.now().getTime());
      // each physical unit once, under its current code (the last of its successors): a unit remanufactured since
      // carries a new label, and the codes through which the lot or core reached it are named beside it
      const current = await traceRepo.currentCodes(db, reached.map((r) => ({ enterpriseId: r.enterprise_id, code: r.code })));
      const matched = new Map<string, string[]>();
      for (const r of reached) {
        const cur = current.get(r.code) ?? r.code;
        matched.set(cur, [...(matched.get(cur) ?? []), r.code]);
      }
      const curRows = new Map((await traceRepo.productsByCodes(db, [...matched.keys()], ids)).map((r) => [r.code, r]));
      const rows = [...matched.keys()].map((k) => curRows.get(k)).filter((r): r is ProductRow => !!r);
      const names = await enterprises.names([...new Set(rows.map((r) => r.enterprise_id))]);
      return {
        query,
        items: rows
          .map((r) => ({ row: r, enterpriseName: names.get(r.enterprise_id) ?? '', matchedCodes: [...new Set(matched.get(r.code) ?? [])].sort() }))
          .sort((a, b) => a.row.code.localeCompare(b.row.code)),
      };
    },

    async rates(p: Principal | null, year: number) {
      const rows = await traceRepo.ratesByEnterprise(db, year, await scopeIds(p));
      const byEnt = new Map<string, typeof rows>();
      for (const r of rows) byEnt.set(r.enterprise_id, [...(byEnt.get(r.enterprise_id) ?? []), r]);
      const names = await enterprises.names([...byEnt.keys()]);
      return {
        year,
        items: [...byEnt].map(([id, list]) => {
          // rows are per formula version; aggregateRates keeps only the current version's sums
          const agg = aggregateRates(list.map((r) => ({ coreMass: r.core_mass, totalMass: r.total_mass, coreValue: r.core_value, totalValue: r.total_value, formulaVersion: r.formula_version })));
          const products = list.reduce((s, r) => s + r.products, 0);
          return { enterpriseId: id, enterpriseName: names.get(id) ?? '', products, ratedProducts: list.filter((r) => r.formula_version === agg.formulaVersion).reduce((s, r) => s + r.products, 0), massRate: agg.massRate, valueRate: agg.valueRate, totalMassKg: agg.totalMassKg, coreMassKg: agg.coreMassKg, totalValueCny: agg.totalValueCny, coreValueCny: agg.coreValueCny, formulaVersion: agg.formulaVersion };
        }),
      };
    },

    /** 生产管理台账 (四(三)): cores received, products made, tests, shipments in [from, to]; one page of each (the .xlsx: all). */
    async ledger(p: Principal | null, input: { from: string; to: string; enterpriseId?: string }, paging?: Page) {
      const ids = await scopeIds(p);
      let enterpriseId = input.enterpriseId;
      if (!enterpriseId) {
        if (ids && ids.length === 1) enterpriseId = ids[0]!;
        else throw errors.field('enterpriseId', '请选择企业', 'choose an enterprise');
      }
      if (ids && !ids.includes(enterpriseId)) throw errors.notFound('企业', 'Enterprise');
      const from = new Date(`${input.from}T00:00:00+08:00`);
      const to = new Date(new Date(`${input.to}T00:00:00+08:00`).getTime() + 86_400_000);
      if (!(from < to)) throw errors.field('to', '结束日期须不早于开始日期', 'to must not be before from');
      const lo = paging ? { limit: paging.pageSize, offset: offsetOf(paging) } : undefined;
      const [intake, tests, shipments, products, info] = await Promise.all([
        traceRepo.stepsInPeriod(db, enterpriseId, ['intake'], from, to, lo),
        traceRepo.stepsInPeriod(db, enterpriseId, ['test'], from, to, lo),
        traceRepo.stepsInPeriod(db, enterpriseId, ['shipping'], from, to, lo),
        traceRepo.productsInPeriod(db, enterpriseId, input.from, input.to, lo),
        enterpriseInfo(enterpriseId),
      ]);
      const totals = paging
        ? {
            coresReceived: await traceRepo.countStepsInPeriod(db, enterpriseId, ['intake'], from, to),
            productsMade: await traceRepo.countProductsInPeriod(db, enterpriseId, input.from, input.to),
            tests: await traceRepo.countStepsInPeriod(db, enterpriseId, ['test'], from, to),
            shipments: await traceRepo.countStepsInPeriod(db, enterpriseId, ['shipping'], from, to),
          }
        : { coresReceived: intake.length, productsMade: products.length, tests: tests.length, shipments: shipments.length };
      const codes = new Map((await traceRepo.productsByEpcs(db, enterpriseId, [...new Set([...tests, ...shipments].map((s) => s.object_key))])).map((r) => [r.epc, r.code]));
      const day = (t: string | Date) => new Date(new Date(t).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
      const d = (s: { details: Record<string, unknown> | null }) => s.details ?? {};
      return {
        enterpriseId,
        enterpriseName: info.name,
        from: input.from,
        to: input.to,
        totals,
        coresReceived: intake.map((s) => {
          const src = (d(s).source ?? {}) as { returnedBy?: string; channel?: string; tradeIn?: boolean };
          return { date: day(s.event_time), epc: s.object_key, name: s.object_name, returnedBy: src.returnedBy ?? null, channel: src.channel ?? null, tradeIn: src.tradeIn ?? null, eventId: s.event_id };
        }),
        productsMade: products.map((r) => ({ date: r.production_date, code: r.code, epc: r.epc, name: r.name, model: r.model, life: r.life, massRate: rate(r.mass_rate), valueRate: rate(r.value_rate), status: r.status })),
        tests: tests.map((s) => ({ date: day(s.event_time), code: codes.get(s.object_key) ?? null, epc: s.object_key, result: (d(s).result as string | undefined) ?? (s.disposition === 'conformant' ? 'pass' : s.disposition === 'non_conformant' ? 'fail' : null), eventId: s.event_id })),
        shipments: shipments.map((s) => ({ date: day(s.event_time), code: codes.get(s.object_key) ?? null, epc: s.object_key, destination: (d(s).destinationName as string | undefined) ?? null, eventId: s.event_id })),
      };
    },

    /** Products of announced enterprises whose label names a standard (the standards library's page, issue 14). */
    productsByStandard: (keys: readonly string[], enterpriseIds: readonly string[], limit = 1000) => traceRepo.productsByStandard(db, keys, enterpriseIds, limit),
    /**
     * Public verification: ONE row read by code (the projector keeps the public timeline and the successor on it), names and the announced list from a 60 s
     * cache, and a small response cache per code (invalidated whenever events of that enterprise are projected,
     * so a recall or revocation shows at once).
     */
    async publicProduct(ref: string): Promise<PublicValue> {
      const e = await publicEntry(ref);
      return (e.value ??= {
        row: e.row,
        enterpriseName: e.enterpriseName,
        announced: e.announced,
        steps: publicTimeline(e.row.public_steps).map(([date, kind]) => ({ date, kind, label: stepLabel(kind) })),
      });
    },
    /** The same answer as GET /api/v1/public/products/{code} sends it: presented, serialised and UTF-8 encoded once per cached product (trace.presenter publicJson). */
    publicJson(ref: string): Promise<Buffer> {
      return publicEntry(ref).then(jsonOf);
    },
    /**
     * Products held now by a platform organisation (owner or possessor per the trace), recorded with the party
     * `urn:reman-platform:party:<organisation id>` (issue 12: devices of an owner or lessee). Reference data for
     * the devices module's access rule and list; at most `limit` products.
     */
    async productsHeldBy(organisationId: string, limit = 5000) {
      const rows = await traceRepo.productsHeldBy(db, `urn:reman-platform:party:${organisationId}`, limit);
      return rows.map((r) => ({ enterpriseId: r.enterprise_id, code: r.code, owner: r.owner, possessor: r.possessor }));
    },
    /** Bench/diagnostics: switch the public response cache off to measure the uncached path. */
    setPublicCache(on: boolean) {
      publicCacheOn = on;
      publicCache.clear();
    },

    /** For the label renderer (UI helper's labels route): the product and the enterprise's name and address. */
    async productForLabel(p: Principal | null, ref: string) {
      const row = await loadProduct(p, ref);
      const info = await enterpriseInfo(row.enterprise_id);
      return { row, enterpriseName: info.name, enterpriseAddress: info.address };
    },

    async enterpriseInfo(id: string) {
      return enterpriseInfo(id);
    },

    /**
     * The seam of the annual report (annual-reports.service.ts `Table23Source`): 表2-3 of a year from the recorded
     * events — cores received (by name, model, channel), products made (by name, model), sold or leased (by
     * product and buyer) — of ONE site (附2 表2-3 per announced site, issue 15 item 14): the events whose bizLocation
     * is that site, plus the events without a site when the enterprise has only that one (domain/trace/site.ts
     * `attributedSite`; with several sites they are 场地未知 and left out). Null without any record of the site.
     */
    async annualTable23(input: { enterpriseId: string; siteId: string; year: number }) {
      const from = new Date(`${input.year}-01-01T00:00:00+08:00`);
      const to = new Date(`${input.year + 1}-01-01T00:00:00+08:00`);
      const siteIds = (await sitesOf(input.enterpriseId)).map((x) => x.id);
      const here = (location: unknown) => attributedSite(typeof location === 'string' ? location : null, siteIds) === input.siteId.toLowerCase();
      const [intakeAll, salesAll, madeAll] = await Promise.all([
        traceRepo.stepsInPeriod(db, input.enterpriseId, ['intake'], from, to),
        traceRepo.stepsInPeriod(db, input.enterpriseId, ['sale', 'lease'], from, to),
        traceRepo.productsInPeriod(db, input.enterpriseId, `${input.year}-01-01`, `${input.year}-12-31`),
      ]);
      const intake = intakeAll.filter((s) => here(s.details?.bizLocation));
      const sales = salesAll.filter((s) => here(s.details?.bizLocation));
      const made = madeAll.filter((p) => here(p.biz_location));
      if (!intake.length && !sales.length && !made.length) return null;
      const group = <T extends Record<string, unknown>>(rows: T[]) => {
        const m = new Map<string, T & { count: number }>();
        for (const r of rows) {
          const k = JSON.stringify(r);
          const g = m.get(k);
          if (g) g.count++;
          else m.set(k, { ...r, count: 1 });
        }
        return [...m.values()];
      };
      const channelZh: Record<string, string> = { dealer: '经销商回收', service_center: '售后服务网点', recycler: '回收企业', end_user: '用户直接交回', own_fleet: '自有设备/租赁回收', other: '其他' };
      const recovery = group(intake.map((s) => {
        const d = (s.details ?? {}) as { model?: string; source?: { channel?: string } };
        return { name: s.object_name ?? '旧件', model: d.model ?? '', source: channelZh[d.source?.channel ?? ''] ?? '' };
      }));
      const reman = group(made.filter((p) => p.status !== 'revoked').map((p) => ({ name: p.name, model: p.model ?? '' })));
      const byEpc = new Map((await traceRepo.productsByEpcs(db, input.enterpriseId, [...new Set(sales.map((s) => s.object_key))])).map((p) => [p.epc, p]));
      const soldRows = group(sales.map((s) => {
        const d = (s.details ?? {}) as { destinationList?: { type: string; id: string }[]; partyNames?: Record<string, string> };
        const party = d.destinationList?.find((x) => x.type === 'owning_party') ?? d.destinationList?.find((x) => x.type === 'possessing_party');
        const p = byEpc.get(s.object_key);
        return { name: p?.name ?? s.object_name ?? '', model: p?.model ?? '', buyer: (party && d.partyNames?.[party.id]) ?? '' };
      }));
      const total = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
      return {
        recovery: { total: total(recovery), rows: recovery },
        reman: { total: total(reman), rows: reman },
        sales: { total: total(soldRows), rows: soldRows },
      };
    },
    async enterpriseNames(idList: string[]) {
      return enterprises.names(idList);
    },

    vocLabel,
    scopeIds,
  };

  // ------------------------------------------------------------------------------------- the steps
  type Json = Record<string, unknown>;
  /**
   * A step in two phases: `prepare` reads (resolves codes/EPCs, checks they exist) BEFORE the transaction;
   * `build` runs inside it (serials, events). The forms run one step per transaction; the bulk import runs
   * all rows of a file in one.
   */
  interface PreparedStep {
    objectId: string;
    change: unknown;
    build: (tx: Db, prefix: string) => Promise<Json[]>;
    result: (events: Json[]) => Promise<StepResult>;
  }

  /** A step rule (src/domain/trace/step-rules.ts) on the objects' history, read in the step's transaction under the stream lock. */
  async function requireState(tx: Db, enterpriseId: string, keys: string[], rule: (h: typeof NO_HISTORY) => boolean, refuse: (key: string) => Error) {
    const history = await traceRepo.objectHistory(tx, enterpriseId, keys);
    for (const k of keys) if (!rule(history.get(k) ?? NO_HISTORY)) throw refuse(k);
  }
  const coreDisassembled = (core: string, field: string) =>
    errors.conflict('CORE_DISASSEMBLED', `旧件 ${core} 已拆解，不能再次拆解`, `The core ${core} has been disassembled already`, { field, epc: core });
  const inputConsumed = (epc: string, field: string) =>
    errors.conflict('INPUT_CONSUMED', `${epc} 已装配到另一件再制造产品中`, `${epc} has gone into another remanufactured product already`, { field, epc });

  /** The enterprise's sites (id, name): one indexed read per step (the register is small). */
  const sitesOf = async (enterpriseId: string) => (await enterprises.sitesInternal(enterpriseId)).map((r) => ({ id: r.id, name: r.name }));

  /**
   * A step at a site (生产场地, issue 15 item 14; domain/trace/site.ts): the form's `site` (id or name; empty = the
   * enterprise's only site) becomes the bizLocation `urn:reman-platform:site:<id>` of every event of the step; with
   * several sites and none given the events carry no bizLocation (场地未知). A site of another enterprise: 400.
   */
  async function prepareStep(enterpriseId: string, kind: L.FormStep, raw: unknown, field = (f: string) => f): Promise<PreparedStep> {
    const site = resolveStepSite((raw as { site?: string }).site, await sitesOf(enterpriseId));
    if ('error' in site) throw errors.field(field('site'), '该生产场地不是本企业登记的场地', 'Not a site registered by this enterprise');
    const prep = await prepareStepAt(enterpriseId, kind, raw, field);
    if (!site.siteId) return prep;
    const bizLocation = { id: siteLocation(site.siteId) };
    return { ...prep, build: async (tx, prefix) => (await prep.build(tx, prefix)).map((e) => ({ ...e, bizLocation })) };
  }

  async function prepareStepAt(enterpriseId: string, kind: L.FormStep, raw: unknown, field = (f: string) => f): Promise<PreparedStep> {
    await projection.catchUpNow(enterpriseId); // the checks below read the projection: no MES backlog may hide an object
    const b0 = base((raw as { eventTime?: string }).eventTime);
    const done = (epcs: string[], extra: Partial<StepResult> = {}) => async (events: Json[]): Promise<StepResult> => ({ step: kind, eventIds: ids(events), eventTime: b0.eventTime, epcs, ...extra });
    const withProduct = (epc: string) => async (events: Json[]): Promise<StepResult> => ({ step: kind, eventIds: ids(events), eventTime: b0.eventTime, epcs: [epc], product: await product(enterpriseId, epc) });
    switch (kind) {
      case 'intake': {
        const i = raw as L.StepInput<'intake'>;
        const given = i.coreEpc ? await resolveKey(enterpriseId, i.coreEpc, field('coreEpc'), false) : null;
        const self = { id: L.partyUri(`enterprise:${enterpriseId}`), name: (await enterpriseInfo(enterpriseId)).name };
        let core = given ?? '';
        return {
          objectId: given ?? 'new core',
          change: i,
          build: async (tx, prefix) => {
            if (!given) core = platformEpc('core', prefix, await traceRepo.takeSerials(tx, enterpriseId, 1));
            return [L.intakeEvent(b0, i, core, !given, { enterprise: self, returnedBy: L.partyUri(randomUUID()) })];
          },
          result: async (events) => ({ step: kind, eventIds: ids(events), eventTime: b0.eventTime, epcs: [core], coreEpc: core }),
        };
      }
      case 'inspection': {
        const i = raw as L.StepInput<'inspection'>;
        const core = await resolveKey(enterpriseId, i.coreEpc, field('coreEpc'), true);
        return { objectId: core, change: i, build: async () => [L.inspectionEvent(b0, i, core)], result: done([core]) };
      }
      case 'disassembly': {
        const i = raw as L.StepInput<'disassembly'>;
        const core = await resolveKey(enterpriseId, i.coreEpc, field('coreEpc'), true);
        const parts: { epc: string; name: string; partNo?: string }[] = [];
        return {
          objectId: core,
          change: i,
          build: async (tx, prefix) => {
            await requireState(tx, enterpriseId, [core], mayDisassemble, () => coreDisassembled(core, field('coreEpc')));
            const need = i.parts.filter((x) => !x.epc).length;
            let n = need ? await traceRepo.takeSerials(tx, enterpriseId, need) : 0;
            for (const x of i.parts) parts.push({ epc: x.epc ? canonicalEpc(x.epc) : platformEpc('part', prefix, n++), name: x.name, partNo: x.partNo });
            return [L.disassemblyEvent(b0, i, core, parts)];
          },
          result: async (events) => ({ step: kind, eventIds: ids(events), eventTime: b0.eventTime, epcs: [core, ...parts.map((x) => x.epc)], parts: parts.map(({ epc, name }) => ({ epc, name })) }),
        };
      }
      case 'cleaning':
      case 'process': {
        const i = raw as L.StepInput<'cleaning'> & L.StepInput<'process'>;
        const epcs = await Promise.all(i.epcs.map((e, n) => resolveKey(enterpriseId, e, field(`epcs.${n}`), true)));
        return { objectId: epcs[0]!, change: i, build: async () => [kind === 'cleaning' ? L.cleaningEvent(b0, i, epcs) : L.processEvent(b0, i, epcs)], result: done(epcs) };
      }
      case 'assessment': {
        const i = raw as L.StepInput<'assessment'>;
        const map = new Map<string, string>();
        for (const [n, it] of i.items.entries()) map.set(it.epc, await resolveKey(enterpriseId, it.epc, field(`items.${n}.epc`), true));
        const bases = Array.from({ length: L.assessmentEventCount(i) }, () => ({ ...base(b0.eventTime) }));
        return { objectId: [...map.values()][0]!, change: i, build: async () => L.assessmentEvents(bases, i, (e) => map.get(e)!), result: done([...new Set(map.values())]) };
      }
      case 'reassembly': {
        const i = raw as L.StepInput<'reassembly'>;
        const inputs = await Promise.all(
          i.inputs.map(async (x, n) => ({ ...x, epc: x.epc ? await resolveKey(enterpriseId, x.epc, field(`inputs.${n}.epc`), x.origin !== 'new') : undefined, epcClass: x.epcClass ? canonicalEpc(x.epcClass) : undefined })),
        );
        const dup = inputs.map((x) => x.epc).filter((x, n, a) => x && a.indexOf(x) !== n);
        if (dup.length) throw errors.field(field('inputs'), `零件重复：${dup[0]}`, `duplicate input ${dup[0]}`);
        const gtin = i.gtin ? normalizeGtin(i.gtin) : null;
        let epc = '';
        return {
          objectId: 'new product',
          change: i,
          build: async (tx, prefix) => {
            const used = inputs.flatMap((x, n) => (x.epc ? [{ epc: x.epc, n }] : []));
            await requireState(tx, enterpriseId, used.map((u) => u.epc), mayConsume, (epc) => inputConsumed(epc, field(`inputs.${used.find((u) => u.epc === epc)!.n}.epc`)));
            const serialNo = await traceRepo.takeSerials(tx, enterpriseId, 1);
            const code = makeProductCode(prefix, serialNo);
            const serial = i.serial ?? String(serialNo).padStart(8, '0');
            epc = gtin ? digitalLinkUri(gtin, serial) : platformEpc('product', prefix, serial);
            const productionDate = i.productionDate ?? new Date(new Date(b0.eventTime).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
            return [L.reassemblyEvent(b0, i, { epc, code, serial, gtin, productionDate }, inputs)];
          },
          result: async (events) => {
            const prod = await product(enterpriseId, epc);
            if (!prod) throw new Error('reassembly did not create the product (projector not wired?)');
            return { step: kind, eventIds: ids(events), eventTime: b0.eventTime, epcs: [epc], product: prod };
          },
        };
      }
      case 'test': {
        const i = raw as L.StepInput<'test'>;
        const p = await resolveProductKey(enterpriseId, i.code, field('code'));
        return { objectId: p.code, change: i, build: async () => [L.testEvent(b0, i, p.epc)], result: withProduct(p.epc) };
      }
      case 'marking':
      case 'removal': {
        const i = raw as L.StepInput<'removal'>;
        const p = await resolveProductKey(enterpriseId, i.code, field('code'));
        const extra = { ...(i.reason ? { 'reman:reason': i.reason } : {}), ...(i.note ? { 'reman:note': i.note } : {}) };
        return { objectId: p.code, change: i, build: async () => [L.simpleProductEvent(kind, b0, p.epc, extra)], result: withProduct(p.epc) };
      }
      case 'shipping': {
        const i = raw as L.StepInput<'shipping'>;
        const ps = await Promise.all(i.codes.map((c, n) => resolveProductKey(enterpriseId, c, field(`codes.${n}`))));
        const epcs = [...new Set(ps.map((p) => p.epc))];
        return {
          objectId: ps[0]!.code,
          change: i,
          build: async () => [L.shippingEvent(b0, i, epcs)],
          result: epcs.length === 1 ? withProduct(epcs[0]!) : done(epcs),
        };
      }
      case 'sale':
      case 'lease': {
        const i = raw as L.StepInput<'sale'> & L.StepInput<'lease'>;
        const p = await resolveProductKey(enterpriseId, i.code, field('code'));
        const party = { id: L.partyUri(randomUUID()), name: kind === 'sale' ? i.customerName : i.lesseeName };
        return { objectId: p.code, change: { code: p.code, kind }, build: async () => [L.transferEvent(kind, b0, p.epc, party, i.note)], result: withProduct(p.epc) };
      }
      case 'installation': {
        const i = raw as L.StepInput<'installation'>;
        const p = await resolveProductKey(enterpriseId, i.code, field('code'));
        return { objectId: p.code, change: i, build: async () => [L.installationEvent(b0, i, p.epc)], result: withProduct(p.epc) };
      }
    }
    throw new Error(`unknown step ${String(kind)}`);
  }

  async function runStep(ctx: RequestContext | null, enterpriseId: string, kind: L.FormStep, raw: unknown, requestKey?: string): Promise<StepResult> {
    const prep = await prepareStep(enterpriseId, kind, raw);
    const { events } = await capture(ctx, enterpriseId, kind, prep.objectId, prep.change, (tx, prefix) => prep.build(tx, prefix), requestKey);
    const quarantined = projection.takeDeferred(enterpriseId);
    if (quarantined !== null) return { step: kind, eventIds: ids(events), eventTime: String(events[0]?.eventTime ?? ''), epcs: [], projectionQuarantined: quarantined || 'quarantined' };
    return prep.result(events);
  }

  const projection = createProjectionFollower({ db, epcis, project: service.project, inlineMax: deps.inlineProjectionMax ?? 1000, workers: deps.projectionWorkers, log: deps.log, jobs: deps.jobs, maxFailures: deps.projectionMaxFailures });
  // after the commit of a capture projected inside its own transaction, or of the follower's transaction
  epcis.onCommitted(productsCommitted);
  projection.onProjected(productsCommitted);

  return Object.assign(service, {
    /** The projection follower (epcis.onStored → projection.onStored, epcis.onCommitted → projection.kick). */
    projection,
    /**
     * After a committed projection changed product rows of the enterprise (made, state, owner, status, successor,
     * public timeline): the public answers about products (market, standards' declarations) are dropped here (app.ts)
     * — not after every capture (an MES's intake and inspection events change no product).
     */
    onProductsChanged(listener: (enterpriseId: string) => void): void {
      productsListeners.push(listener);
    },
    /** Projection progress of the streams the principal may read. */
    async projectionStatus(p: Principal | null) {
      return projection.status(await scopeIds(p));
    },
    /** System-side step (demo seeding, imports): no principal; the enterprise is given. */
    async stepAsSystem<S extends L.FormStep>(enterpriseId: string, kind: S, input: L.StepInput<S>) {
      return runStep(null, enterpriseId, kind, input);
    },
    /** Several steps' events of one import in ONE transaction (nothing half-imported). */
    async captureBatch(ctx: RequestContext, enterpriseId: string, step: string, objectId: string, change: unknown, build: (tx: Db, prefix: string) => Promise<Record<string, unknown>[]>) {
      return capture(ctx, enterpriseId, step, objectId, change, build);
    },
    resolveKey,
    resolveProductKey,
    prepareStep,
  });
}

export type TraceService = ReturnType<typeof createTraceService>;
/** What the annual report reads from traceability: 表2-3 of a year (annual-reports/trace-prefill.ts); TraceService is one. */
export interface Table23Source {
  annualTable23(input: { enterpriseId: string; siteId: string; year: number }): Promise<import('../../../domain/annual-report/index.js').Table23 | null>;
}
