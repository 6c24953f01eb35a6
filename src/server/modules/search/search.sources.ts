import { labelOf, REMAN_FIELDS, type RemanField } from '../../../domain/enterprise.js';
import type { SearchType } from '../../db/schema.js';
import type { AnnouncementService } from '../announcements/announcements.service.js';
import type { CatalogueService } from '../catalogue/catalogue.service.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import type { ListingService } from '../listings/listings.service.js';
import type { NoticeService } from '../notices/notices.service.js';
import type { PortalContentService } from '../portal/content.service.js';
import type { SearchDoc } from './search.repo.js';

/**
 * Where the search documents come from: each source reads its owning module through that module's exported
 * service (never its tables) and describes its public items as `SearchDoc`s. `all()` is the full set (the sync
 * and the rebuild replace the type's rows with it); `one(id)` serves the immediate refresh after a commit
 * (null: the item is no longer public).
 */
export interface SearchSource {
  type: SearchType;
  all(): Promise<SearchDoc[]>;
  one?(refId: string): Promise<SearchDoc | null>;
}

const fieldLabel = (f: string) => labelOf(REMAN_FIELDS, f as RemanField);
const yearOf = (d: string | null | undefined) => (d ? Number(d.slice(0, 4)) : null);
const STANDARD_STATUS: Record<string, string> = { current: '现行', upcoming: '即将实施', abolished: '废止', replaced: '被代替' };
const STANDARD_TYPE: Record<string, string> = { national: '国家标准', industry: '行业标准', group: '团体标准' };
const UNIT_KIND: Record<string, string> = { enterprise: '示范企业', park: '产业集聚区', base: '示范基地', centre: '研发/服务中心' };
const POLICY_CATEGORY: Record<string, string> = { policy: '政策', notice: '通知', interpretation: '解读', news: '新闻' };

/** 公告 batches and the announced enterprises (规范条件 七(一)5): one document per batch and per enterprise. */
export function announcementSources(announcements: AnnouncementService): SearchSource[] {
  return [
    {
      type: 'announcement',
      async all() {
        const [batches, entries] = await Promise.all([announcements.batches(), announcements.allEntries()]);
        return batches.map((b) => ({
          type: 'announcement' as const,
          refId: b.id,
          title: b.title,
          body: `${b.docNumber} ${b.announcedOn} ${entries.filter((e) => e.batchId === b.id).map((e) => e.enterpriseName).join('、')}`,
          url: `/public/announcements?batch=${b.batchNo}`,
          year: yearOf(b.announcedOn),
        }));
      },
    },
    {
      type: 'enterprise',
      async all() {
        const [batches, entries] = await Promise.all([announcements.batches(), announcements.allEntries()]);
        const batchOf = new Map(batches.map((b) => [b.id, b]));
        const byEnterprise = new Map<string, typeof entries>();
        for (const e of entries) if (e.status === 'active') byEnterprise.set(e.enterpriseId, [...(byEnterprise.get(e.enterpriseId) ?? []), e]);
        return [...byEnterprise.values()].map((es) => {
          const first = es[0]!;
          const fields = [...new Set(es.flatMap((e) => e.fields))];
          const docs = [...new Set(es.map((e) => batchOf.get(e.batchId)?.docNumber).filter(Boolean))];
          return {
            type: 'enterprise' as const,
            refId: first.enterpriseId,
            title: first.enterpriseName,
            body: `${first.creditCode} ${es.map((e) => e.siteName).join('、')} ${fields.map(fieldLabel).join('、')} ${docs.join(' ')}`,
            url: `/public/announced?q=${encodeURIComponent(first.enterpriseName)}`,
            region: first.provinceCode,
            fields,
            year: yearOf(batchOf.get(first.batchId)?.announcedOn),
          };
        });
      },
    },
  ];
}

/** 公示 batches (规范条件 七(一)4): title and the enterprises listed. */
export function noticeSource(notices: NoticeService, enterprises: EnterpriseService): SearchSource {
  return {
    type: 'notice',
    async all() {
      const batches = await notices.list();
      const entries = (await notices.entries(batches.map((b) => b.id))).filter((e) => e.status === 'listed');
      const names = await enterprises.names([...new Set(entries.map((e) => e.enterpriseId))]);
      return batches.map((b) => ({
        type: 'notice' as const,
        refId: b.id,
        title: b.title,
        body: `公示期 ${b.startDate} 至 ${b.endDate} ${entries.filter((e) => e.batchId === b.id).map((e) => names.get(e.enterpriseId) ?? '').join('、')}`,
        url: `/public/notices`,
        year: yearOf(b.startDate),
      }));
    },
  };
}

/**
 * Active market listings (issue 13), read `batch` at a time through the listings service with a keyset on the id
 * (not page by page with OFFSET: at 100,000 listings the late pages re-read and skipped all the earlier ones, and a
 * listing sold during the walk shifted the pages — one listing skipped, or one read twice).
 */
export function listingSource(listings: Pick<ListingService, 'publicBatch'>, batch = 200): SearchSource {
  return {
    type: 'listing',
    async all() {
      const out: SearchDoc[] = [];
      for (let after: string | null = null; ; ) {
        const { items, next } = await listings.publicBatch(after, batch);
        for (const { row: r, enterpriseName } of items) {
          out.push({
            type: 'listing',
            refId: r.id,
            title: r.title,
            body: `${r.product_name} ${r.model ?? ''} ${r.field ? fieldLabel(r.field) : ''} ${enterpriseName ?? ''} ${r.description}`,
            url: `/public/market/${r.id}`,
            region: r.region_code,
            fields: r.field ? [r.field] : [],
            year: new Date(r.created_at).getFullYear(),
          });
        }
        if (!next) break;
        after = next;
      }
      return out;
    },
  };
}

/** The portal's content (standards, policies, demonstration units, testing organisations): published items only. */
export function portalSources(content: PortalContentService): SearchSource[] {
  type Std = Awaited<ReturnType<PortalContentService['standards']['allPublished']>>[number];
  type Pol = Awaited<ReturnType<PortalContentService['policies']['allPublished']>>[number];
  type Unit = Awaited<ReturnType<PortalContentService['demoUnits']['allPublished']>>[number];
  type Org = Awaited<ReturnType<PortalContentService['testingOrgs']['allPublished']>>[number];
  const standard = (s: Std): SearchDoc => ({
    type: 'standard',
    refId: s.id,
    title: `${s.code} ${s.title}`,
    body: `${STANDARD_TYPE[s.type] ?? ''} ${STANDARD_STATUS[s.status] ?? ''} ${s.titleEn ?? ''} ${s.drafters.join('、')} ${s.summary}`,
    url: `/public/standards/${encodeURIComponent(s.code)}`,
    year: yearOf(s.issuedOn),
  });
  const policy = (p: Pol): SearchDoc => ({
    type: 'policy',
    refId: p.id,
    title: p.title,
    body: `${POLICY_CATEGORY[p.category] ?? ''} ${p.docNumber ?? ''} ${p.issuer} ${p.body}`,
    url: `/public/policies/${p.id}`,
    year: yearOf(p.issuedOn),
  });
  const unit = (u: Unit): SearchDoc => ({
    type: 'demoUnit',
    refId: u.id,
    title: u.name,
    body: `${UNIT_KIND[u.kind] ?? ''} ${u.city} ${u.field} ${u.description}`,
    url: `/public/demonstration-units?q=${encodeURIComponent(u.name)}`,
    region: u.provinceCode,
    fields: u.field ? [u.field] : [],
    year: u.year,
  });
  const org = (o: Org): SearchDoc => ({
    type: 'testingOrg',
    refId: o.id,
    title: o.name,
    body: `${o.accreditationNo} ${o.scope}`,
    url: `/public/testing-organizations?q=${encodeURIComponent(o.accreditationNo)}`,
    region: o.provinceCode,
  });
  const of = <R extends { state: string }>(get: (id: string) => Promise<R>, doc: (r: R) => SearchDoc) => async (id: string) => {
    const r = await get(id).catch(() => null);
    return r && r.state === 'published' ? doc(r) : null;
  };
  return [
    { type: 'standard', all: async () => (await content.standards.allPublished()).map(standard), one: of((id) => content.standards.get(null, id), standard) },
    { type: 'policy', all: async () => (await content.policies.allPublished()).map(policy), one: of((id) => content.policies.get(null, id), policy) },
    { type: 'demoUnit', all: async () => (await content.demoUnits.allPublished()).map(unit), one: of((id) => content.demoUnits.get(null, id), unit) },
    { type: 'testingOrg', all: async () => (await content.testingOrgs.allPublished()).map(org), one: of((id) => content.testingOrgs.get(null, id), org) },
  ];
}

/** 再制造产品目录 (catalogue module): the listed models, with their catalogue number, batch and standard. */
export function catalogueSource(catalogue: CatalogueService): SearchSource {
  return {
    type: 'catalogue',
    async all() {
      const rows = await catalogue.allListed();
      const names = await catalogue.enterpriseNames(rows.map((r) => r.a.enterpriseId));
      return rows.map(({ a, batchNo, publishedOn }) => ({
        type: 'catalogue' as const,
        refId: a.id,
        title: `${a.productName} ${a.model}`,
        body: `再制造产品目录 第${batchNo}批 ${a.listedNo ?? ''} ${names.get(a.enterpriseId) ?? ''} ${fieldLabel(a.field)} ${a.standardCode} ${a.specifications}`,
        url: `/public/catalogue?q=${encodeURIComponent(a.model)}`,
        fields: [a.field],
        year: yearOf(publishedOn),
      }));
    },
  };
}
