import { declarationKeys, standardKey } from '../../../domain/portal/standard-code.js';
import { pageArray, type Page } from '../../platform/paging.js';
import type { PublicCache, PublicTag } from '../../platform/public-cache.js';
import type { AnnouncementService } from '../announcements/announcements.service.js';
import type { PortalContentService } from './content.service.js';
import type { CatalogueReader } from './opendata.service.js';

/**
 * What the portal needs of the trace and the applications to say who declares a standard; app.ts passes the two
 * modules' service functions (the portal imports neither: the catalogue and the applications read the portal).
 */
export interface DeclarationSources {
  /** 申请书 row 30 of submitted applications naming one of the keys (the portal keeps announced enterprises) */
  declaredInApplications(keys: readonly string[]): Promise<Array<{ enterpriseId: string; code: string; title: string | null }>>;
  /** traced products (grouped by name and model) of these enterprises whose label names one of the keys */
  tracedProducts(keys: readonly string[], enterpriseIds: readonly string[]): Promise<Array<{ enterprise_id: string; name: string; model: string | null; standard_no: string; units: number }>>;
}

export type DeclarationKind = 'catalogue' | 'product' | 'enterprise';
export interface StandardDeclaration {
  kind: DeclarationKind;
  enterprise: { id: string; name: string };
  productName: string | null;
  model: string | null;
  /** traced units of the product (kind product) */
  units: number | null;
  /** catalogue number (kind catalogue) */
  listedNo: string | null;
  /** the number as the enterprise wrote it */
  declaredAs: string;
  url: string | null;
}
const ORDER: Record<DeclarationKind, number> = { catalogue: 0, product: 1, enterprise: 2 };
/** The public answers whose change changes who declares a standard: the standards themselves, the catalogue, the announced list. */
const INPUTS: readonly PublicTag[] = ['portal', 'catalogue', 'announced', 'announcements'];

/**
 * Who declares a published standard (issue 14, docs/public-portal.md "Who declares a standard"): models of the
 * catalogue that name it, products of announced enterprises whose trace label names it, and announced enterprises
 * whose application (申请书 row 30) lists it. Public redaction: only enterprises on the current announced list (the
 * catalogue's listed models are public anyway), product facts only (name, model, number of units — no codes).
 * A number without its year ("GB/T 28672") counts for the edition of the library (domain/portal/standard-code.ts).
 *
 * The answers (JSON and the standard's HTML page) are cached under 'declarations' and dropped after the writes
 * that change them commit: a standard published or withdrawn, a catalogue listing, an announcement or a removal from
 * the list (their own tags' invalidation, followed here) and every committed trace projection that changed products
 * (`onTraceCommitted`, a trace.onProductsChanged listener wired in app.ts: a label's standard number is projected inside
 * its capture, or by the follower after it for captures over TRACE_INLINE_PROJECTION_MAX events). Left to the cache's
 * TTL: an application of an already announced enterprise submitted later.
 */
export function createDeclarationService(deps: { content: PortalContentService; announcements: AnnouncementService; catalogue: CatalogueReader; sources: DeclarationSources; publicCache: PublicCache }) {
  const { content, announcements, catalogue, sources, publicCache } = deps;
  publicCache.onInvalidate((tags) => {
    if (tags.some((t) => INPUTS.includes(t))) publicCache.drop('declarations');
  });
  return {
    /** trace.onProductsChanged (app.ts): a committed projection changed products — one may name a standard now. */
    onTraceCommitted() {
      publicCache.invalidate('declarations');
    },
    async of(standardId: string, page: Page) {
      const std = await content.standards.get(null, standardId); // 404 unless published
      const keys = declarationKeys(std.code);
      const keySet = new Set(keys);
      const announced = new Map<string, string>();
      for (const s of await announcements.announcedSites()) announced.set(s.enterpriseId, s.enterpriseName);
      const ids = [...announced.keys()];
      const [listed, applications, products] = await Promise.all([catalogue.allListed(), sources.declaredInApplications(keys), sources.tracedProducts(keys, ids)]);
      const listedHere = listed.filter((l) => keySet.has(standardKey(l.a.standardCode)));
      const listedNames = await catalogue.enterpriseNames(listedHere.map((l) => l.a.enterpriseId).filter((id) => !announced.has(id)));
      const name = (id: string) => announced.get(id) ?? listedNames.get(id) ?? '';
      const out: StandardDeclaration[] = [
        ...listedHere.map((l) => ({
          kind: 'catalogue' as const,
          enterprise: { id: l.a.enterpriseId, name: name(l.a.enterpriseId) },
          productName: l.a.productName,
          model: l.a.model,
          units: null,
          listedNo: l.a.listedNo,
          declaredAs: l.a.standardCode,
          url: `/public/catalogue?q=${encodeURIComponent(l.a.model)}`,
        })),
        ...products.map((p) => ({
          kind: 'product' as const,
          enterprise: { id: p.enterprise_id, name: name(p.enterprise_id) },
          productName: p.name,
          model: p.model,
          units: p.units,
          listedNo: null,
          declaredAs: p.standard_no,
          url: null,
        })),
        ...[...new Map(applications.filter((a) => announced.has(a.enterpriseId)).map((a) => [a.enterpriseId, a])).values()].map((a) => ({
          kind: 'enterprise' as const,
          enterprise: { id: a.enterpriseId, name: name(a.enterpriseId) },
          productName: null,
          model: null,
          units: null,
          listedNo: null,
          declaredAs: a.code,
          url: `/public/announced?q=${encodeURIComponent(name(a.enterpriseId))}`,
        })),
      ];
      out.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.enterprise.name.localeCompare(b.enterprise.name, 'zh') || (a.model ?? '').localeCompare(b.model ?? '') || (a.productName ?? '').localeCompare(b.productName ?? ''));
      const counts = { catalogue: 0, product: 0, enterprise: 0 };
      for (const d of out) counts[d.kind]++;
      return { ...pageArray(out, page), code: std.code, counts, enterprises: new Set(out.map((d) => d.enterprise.id)).size };
    },
  };
}
export type DeclarationService = ReturnType<typeof createDeclarationService>;
