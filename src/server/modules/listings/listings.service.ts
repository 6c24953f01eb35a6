import { randomUUID } from 'node:crypto';
import type { StoredEvent } from '../../../domain/epcis/types.js';
import { toFen, unlistableReason } from '../../../domain/trading/listing.js';
import { partyUri } from '../../../domain/trace/lifecycle.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import { DomainError, errors } from '../../platform/errors.js';
import { lockTradeUnits } from '../../platform/trade-unit-lock.js';
import { uniqueOr } from '../../platform/tx.js';
import { offsetOf, type Page } from '../../platform/paging.js';
import type { PublicCache } from '../../platform/public-cache.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import { queryTerms, tsQuery } from '../../platform/search/segment.js';
import type { AnnouncementService } from '../announcements/announcements.service.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import { presentPublic } from '../trace/index.js';
import type { TraceService } from '../trace/trace.service.js';
import { listingBookOf, listingBookPolicy, listingPolicy } from './listings.policy.js';
import { listingRepo, listingWords, PUBLIC_CAP, type ListingListRow, type ListingRow } from './listings.repo.js';
import type { CreateListingInput, SellerQuality } from './listings.schema.js';

export interface ListingsDeps {
  db: Db;
  trace: TraceService;
  enterprises: EnterpriseService;
  announcements: AnnouncementService;
  publicCache: PublicCache;
  /** leasing's read of a live lease of a unit, inside the listing's transaction (after the unit's trade lock) */
  leases: { unitLeased(tx: Db, enterpriseId: string, code: string): Promise<boolean> };
  /**
   * The seller's EPCIS event stream (the epcis service, wired in app.ts): its lock, taken after the units' trade lock,
   * serialises a listing with every capture of the enterprise — a recall among them — and the units' events, read
   * under it, show a recall committed since the pre-check.
   */
  stream: {
    lockStream(tx: Db, enterpriseId: string): Promise<void>;
    eventsByIdentifiers(identifiers: string[], opts: { roles?: 'epc'[]; enterpriseIds?: string[]; db?: Db }): Promise<StoredEvent[]>;
  };
}
/** The sellers' quality figures shown on listings (the ratings module; registered in app.ts with `useQuality`). */
export interface QualitySource {
  ofEnterprises(ids: string[]): Promise<Map<string, SellerQuality>>;
}

/** Dispositions after which a listed unit may no longer be sold (trace vocabulary: recall, code revocation). */
const UNSELLABLE = /(^|[:/#])(recalled|revoked)$/;

/**
 * Listings of verified remanufactured units (交易服务, issue 13). Every unit is a product of the seller's trace,
 * genuine when listed; a recall or code revocation recorded later withdraws its unit inside the very transaction
 * that records it (`onTraceStored`, an epcis.onStored listener wired in app.ts) — for forms, imports and MES
 * captures alike.
 */
export function createListingService({ db, trace, enterprises, announcements, publicCache, leases, stream }: ListingsDeps) {
  let announced: { fields: Map<string, string[]>; at: number } | null = null;
  async function announcedFields() {
    if (!announced || Date.now() - announced.at > 60_000) {
      const m = new Map<string, string[]>();
      for (const s of await announcements.announcedSites()) m.set(s.enterpriseId, [...new Set([...(m.get(s.enterpriseId) ?? []), ...s.fields])]);
      announced = { fields: m, at: Date.now() };
    }
    return announced.fields;
  }
  const notFound = () => errors.notFound('商品', 'Listing');

  let qualitySource: QualitySource | null = null;
  async function cards(rows: ListingRow[]) {
    const ids = [...new Set(rows.map((r) => r.enterprise_id))];
    const [names, ann, q] = await Promise.all([enterprises.names(ids), announcedFields(), qualitySource ? qualitySource.ofEnterprises(ids) : new Map<string, SellerQuality>()]);
    return { name: (id: string) => names.get(id) ?? '', announced: (id: string) => ann.has(id), quality: (id: string) => q.get(id) ?? null };
  }

  /** The seller's product behind a code, checked: own, genuine, in circulation. */
  async function checkUnit(sellerId: string, code: string, field: string) {
    const row = await trace.resolveProductKey(sellerId, code, field); // foreign or unknown: 400 "no such product in your enterprise"
    const pub = presentPublic(await trace.publicProduct(row.code));
    // leased out or sold outside the market: the unit is not the enterprise's to sell now (its owner/possessor in the trace)
    const self = partyUri(`enterprise:${sellerId}`);
    if ((row.owner_id && row.owner_id !== self) || (row.possessor_id && row.possessor_id !== self)) {
      throw new DomainError(400, 'PRODUCT_NOT_LISTABLE', `${field}：该产品已售出或正在出租，不能上架`, `${field}: the unit is sold or leased out`, [{ field, message: '已售出或正在出租', messageEn: 'sold or leased out' }]);
    }
    const why = unlistableReason(pub.status);
    if (why) throw new DomainError(400, 'PRODUCT_NOT_LISTABLE', `${field}：${why.zh}`, `${field}: ${why.en}`, [{ field, message: why.zh, messageEn: why.en }]);
    return { row, pub };
  }

  /** Enterprises whose capture withdrew listed units (recall, revocation) in a transaction not yet committed. */
  const withdrewIn = new Set<string>();
  const service = {
    /**
     * The ratings module (built after orders and cases, which come after listings) registers the quality figures
     * here in app.ts — the same explicit registration as the trace's onStored listeners.
     */
    useQuality(source: QualitySource) {
      qualitySource = source;
    },
    /** Field and product of many listings (market statistics). */
    fieldsOf: (ids: string[]) => listingRepo.fields(db, ids),

    async create(ctx: RequestContext, input: CreateListingInput) {
      const book = listingBookOf(ctx.principal);
      authorize(ctx.principal, listingBookPolicy, 'create', book);
      const sellerId = book.enterpriseId!;
      const codes = input.productCodes ?? [input.productCode!];
      const field = (i: number) => (input.productCodes ? `productCodes.${i}` : 'productCode');
      const units: Awaited<ReturnType<typeof checkUnit>>[] = [];
      for (const [i, code] of codes.entries()) units.push(await checkUnit(sellerId, code, field(i)));
      const seen = new Set<string>();
      for (const [i, u] of units.entries()) {
        if (seen.has(u.row.code)) throw errors.field(field(i), '产品编码重复', 'duplicate product code');
        seen.add(u.row.code);
        const first = units[0]!.row;
        if (u.row.name !== first.name || (u.row.model ?? '') !== (first.model ?? '')) {
          throw errors.field(field(i), '一个商品只能包含同一型号的产品', 'a listing holds units of one model only');
        }
      }
      const first = units[0]!.row;
      const seller = await enterprises.getInternal(sellerId);
      if (!seller) throw errors.notFound('企业', 'Enterprise'); // a user's enterprise exists (foreign key): not reached
      const fields = (await announcedFields()).get(sellerId) ?? [];
      const id = randomUUID();
      const unitTaken = () =>
        errors.conflict('UNIT_ALREADY_LISTED', '其中有产品已在其他商品中上架或已售出', 'A unit is listed in another listing or sold already', [{ field: 'productCodes', message: '已上架或已售出', messageEn: 'Listed or sold already' }]);
      const rate = (v: string | number | null) => (v === null ? null : Number(v));
      await uniqueOr(
        () => db.transaction(async (tx) => {
          // the checks above were read before this transaction: a lease of one of these units committed since then
          // is seen here, under the units' trade lock that leasing takes as well (one of the two wins, the other 409s)
          await lockTradeUnits(tx, sellerId, units.map((u) => u.row.code));
          // a recall of one of these units is either committed now (its event is read here: refused) or waits for
          // this listing to commit (its withdrawal then finds the listed unit): the stream lock orders the two
          await stream.lockStream(tx, sellerId);
          const recalled = new Map<string, string>();
          for (const e of await stream.eventsByIdentifiers(units.map((u) => u.row.epc), { roles: ['epc'], enterpriseIds: [sellerId], db: tx })) {
            const m = !e.errorDeclaration && e.disposition ? UNSELLABLE.exec(e.disposition) : null;
            if (m) for (const epc of e.epcList) recalled.set(epc, m[2]!);
          }
          for (const [i, u] of units.entries()) {
            const status = recalled.get(u.row.epc);
            if (status) {
              const why = unlistableReason(status)!;
              throw new DomainError(400, 'PRODUCT_NOT_LISTABLE', `${field(i)}：${why.zh}`, `${field(i)}: ${why.en}`, [{ field: field(i), message: why.zh, messageEn: why.en }]);
            }
            if (await leases.unitLeased(tx, sellerId, u.row.code)) {
              throw errors.conflict('UNIT_LEASED', `产品 ${u.row.code} 正在出租，不能上架`, `Unit ${u.row.code} is leased out; it cannot be listed`, [{ field: field(i), message: '正在出租', messageEn: 'leased out' }]);
            }
          }
          await listingRepo.insert(tx, {
            enterprise_id: sellerId,
            id,
            title: input.title,
            description: input.description ?? '',
            price_cny: String(toFen(input.priceCny)),
            new_reference_price_cny: input.newReferencePriceCny === undefined ? null : String(toFen(input.newReferencePriceCny)),
            warranty_months: input.warrantyMonths ?? first.warranty_months ?? null,
            product_name: first.name,
            model: first.model,
            field: input.field ?? (fields.length === 1 ? fields[0]! : null),
            region_code: seller.regionCode,
            life: first.life,
            mass_rate: rate(first.mass_rate),
            value_rate: rate(first.value_rate),
            created_by: ctx.principal?.kind === 'user' ? ctx.principal.userId : null,
            index_text: listingWords({ title: input.title, product_name: first.name, model: first.model, description: input.description ?? '' }, seller.name, units.map((u) => u.row.code)),
          });
          await listingRepo.insertUnits(tx, sellerId, id, units.map((u) => ({ code: u.row.code, epc: u.row.epc })));
          await recordAudit(tx, ctx, { action: 'listing.created', objectType: 'listing', objectId: id, enterpriseId: sellerId, change: { ...input, productCodes: units.map((u) => u.row.code) } });
        }),
        unitTaken,
      );
      publicCache.invalidate('listings');
      return service.detail(ctx.principal, id);
    },

    /** One listing with its units and the verified record of its first unit (the /p/{code} facts). */
    async detail(p: Principal | null, id: string) {
      const l = await listingRepo.get(db, id);
      if (!l) throw notFound();
      authorize(p, listingPolicy, 'read', { enterpriseId: l.enterprise_id, status: l.status });
      const units = await listingRepo.units(db, l.enterprise_id, l.id);
      const c = await cards([l]);
      let verified: ReturnType<typeof presentPublic> | null = null;
      try {
        verified = presentPublic(await trace.publicProduct(units[0]!.product_code));
      } catch {
        verified = null;
      }
      return { row: l, units, firstCode: units[0]?.product_code ?? '', unitsAvailable: units.filter((u) => u.status === 'available').length, enterpriseName: c.name(l.enterprise_id), announced: c.announced(l.enterprise_id), quality: c.quality(l.enterprise_id), verified };
    },

    /** The market's search; `opts.capped` (the public route): at most PUBLIC_CAP matches ranked and counted. */
    async searchPublic(f: { q?: string; field?: string; region?: string; minPrice?: number; maxPrice?: number; announcedOnly: boolean }, page: Page, opts: { capped?: boolean } = {}) {
      const terms = f.q ? queryTerms(f.q) : [];
      const tsq = tsQuery(terms);
      if (f.q && !tsq) return { items: [], total: 0, capped: false, terms };
      const regionPrefix = f.region ? (f.region.endsWith('0000') ? f.region.slice(0, 2) : f.region.endsWith('00') ? f.region.slice(0, 4) : f.region) : undefined;
      const enterpriseIds = f.announcedOnly ? [...(await announcedFields()).keys()] : undefined;
      const rows = await listingRepo.searchPublic(db, { tsQuery: tsq, field: f.field, regionPrefix, minPrice: f.minPrice, maxPrice: f.maxPrice, enterpriseIds }, page.pageSize, offsetOf(page), opts.capped ? PUBLIC_CAP : null);
      const total = rows[0]?.total ?? 0;
      return { items: await withCards(rows), total: opts.capped ? Math.min(total, PUBLIC_CAP) : total, capped: !!opts.capped && total > PUBLIC_CAP, terms };
    },

    /** Every active listing with a unit available, `limit` at a time (keyset on the id): `next` continues, null at the end. */
    async publicBatch(afterId: string | null, limit: number) {
      const rows = await listingRepo.activeAfter(db, afterId, limit);
      return { items: await withCards(rows), next: rows.length === limit ? rows[rows.length - 1]!.id : null };
    },

    /** The sitemap's part of the market: the public pages of active listings with a unit available, by id. */
    sitemap: {
      count: () => listingRepo.sitemapCount(db),
      async urls(offset: number, limit: number) {
        return (await listingRepo.sitemapPage(db, offset, limit)).map((r) => ({ path: `/public/market/${r.id}`, lastmod: r.updated_at }));
      },
    },

    async listForSeller(p: Principal | null, status: string | undefined, page: Page) {
      const book = listingBookOf(p);
      authorize(p, listingBookPolicy, 'list', book);
      const rows = await listingRepo.listForSeller(db, book.enterpriseId, status, page.pageSize, offsetOf(page));
      return { items: await withCards(rows), total: rows[0]?.total ?? 0 };
    },

    async withdraw(ctx: RequestContext, id: string, reason?: string) {
      await db.transaction(async (tx) => {
        const l = await listingRepo.lock(tx, id);
        if (!l) throw notFound();
        authorize(ctx.principal, listingPolicy, 'read', { enterpriseId: l.enterprise_id, status: l.status });
        if (l.status !== 'active') throw errors.conflict('STATE_CHANGED', `商品当前状态为 ${l.status}，不能下架`, `The listing is ${l.status}; it cannot be withdrawn`, { status: l.status });
        authorize(ctx.principal, listingPolicy, 'withdraw', { enterpriseId: l.enterprise_id, status: l.status });
        await listingRepo.withdrawAvailableUnits(tx, l.enterprise_id, l.id);
        await listingRepo.setStatus(tx, l.enterprise_id, l.id, 'withdrawn', reason ?? '卖方下架');
        await recordAudit(tx, ctx, { action: 'listing.withdrawn', objectType: 'listing', objectId: l.id, enterpriseId: l.enterprise_id, change: { reason: reason ?? null } });
      });
      publicCache.invalidate('listings');
      return service.detail(ctx.principal, id);
    },

    /**
     * epcis.onStored listener (inside the capture's transaction): a recall or revocation of a listed unit withdraws
     * it; a listing left with no open unit is withdrawn (or sold, when some units were sold).
     */
    async onTraceStored(tx: Db, events: StoredEvent[], batch: { enterpriseId: string }) {
      const epcs = events.filter((e) => e.disposition && UNSELLABLE.test(e.disposition) && !e.errorDeclaration).flatMap((e) => e.epcList);
      if (!epcs.length) return;
      const listingIds = await listingRepo.withdrawUnitsByEpc(tx, batch.enterpriseId, epcs);
      if (listingIds.length) withdrewIn.add(batch.enterpriseId);
      for (const lid of listingIds) {
        await listingRepo.settleStatus(tx, batch.enterpriseId, lid, '产品已召回或编码作废，自动下架');
        await recordAudit(tx, null, { action: 'listing.units_withdrawn', objectType: 'listing', objectId: lid, enterpriseId: batch.enterpriseId, change: { reason: 'recall_or_revocation', epcs } });
      }
      // the public answers are dropped by onTraceCommitted, after the capture commits — never inside its transaction
    },
    /** epcis.onCommitted: a capture that withdrew listed units (onTraceStored) committed — its answers are dropped. */
    onTraceCommitted(enterpriseId: string) {
      if (withdrewIn.delete(enterpriseId)) publicCache.invalidate('listings');
    },
    /** trace.onProductsChanged: a committed projection changed products (state, owner, status, timeline) a listing shows. */
    onProductsChanged() {
      publicCache.invalidate('listings');
    },

    // ---- for the orders module (inside its transactions) ----
    lock: (tx: Db, id: string) => listingRepo.lock(tx, id),
    reserveUnits: listingRepo.reserveUnits,
    releaseUnits: listingRepo.releaseUnits,
    sellUnits: listingRepo.sellUnits,
    unitsOfOrder: listingRepo.unitsOfOrder,
    settleStatus: (tx: Db, enterpriseId: string, listingId: string) => listingRepo.settleStatus(tx, enterpriseId, listingId, '已无可售产品'),
    countAvailable: listingRepo.countAvailable,
    get: (id: string) => listingRepo.get(db, id),
    async titles(ids: string[]) {
      const m = new Map<string, ListingRow>();
      for (const id of new Set(ids)) {
        const l = await listingRepo.get(db, id);
        if (l) m.set(id, l);
      }
      return m;
    },
    /** Whether a unit is on the market now (available or reserved in a listing): leasing refuses such a unit. */
    async unitOnMarket(tx: Db, enterpriseId: string, code: string) {
      return listingRepo.unitOnMarket(tx, enterpriseId, code);
    },
    /** Still sellable right now (order placement re-checks each unit with the trace). */
    async unitStillGenuine(code: string) {
      try {
        return presentPublic(await trace.publicProduct(code)).status === 'issued';
      } catch {
        return false;
      }
    },
  };

  async function withCards(rows: ListingListRow[]) {
    const c = await cards(rows);
    return rows.map((r) => ({ row: r, firstCode: r.first_code, unitsAvailable: r.units_available, enterpriseName: c.name(r.enterprise_id), announced: c.announced(r.enterprise_id), quality: c.quality(r.enterprise_id) }));
  }

  return service;
}

export type ListingService = ReturnType<typeof createListingService>;
