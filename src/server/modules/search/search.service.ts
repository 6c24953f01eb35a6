import type { Db } from '../../db/client.js';
import type { SearchType } from '../../db/schema.js';
import { offsetOf, type Page } from '../../platform/paging.js';
import type { PublicCache, PublicTag } from '../../platform/public-cache.js';
import { authorize } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';
import { queryTerms, tsQuery } from '../../platform/search/segment.js';
import { RANK_CANDIDATES, searchRepo, type SearchDoc } from './search.repo.js';
import { searchPolicy } from './search.policy.js';
import { presentHit, presentProductHit, presentSuggestions, type SearchHit } from './search.presenter.js';
import type { SearchSource } from './search.sources.js';

export type { SearchHit } from './search.presenter.js';

/** A `to_tsquery` on title words only (weight A), the last word a prefix: the suggestions as one types. */
function titlePrefixQuery(terms: readonly string[]): string | null {
  if (!terms.length) return null;
  return terms.map((t, i) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}':${i === terms.length - 1 ? '*' : ''}A`).join(' & ');
}

/** The search documents behind each public answer tag: a write that invalidates the tag changed them. */
const TAG_TYPES: Partial<Record<PublicTag, SearchType[]>> = { announcements: ['announcement', 'enterprise'], announced: ['enterprise'], notices: ['notice'], listings: ['listing'] };
/** At most one follow-up sync of a type per this many ms (the listings tag is invalidated by every trace capture). */
const FOLLOW_GAP_MS = 2_000;

/**
 * 一站式检索 (issue 14 "Search"): one index (search_documents) over the public documents of the other
 * modules. It is fed three ways: `refresh(type, id)` right after a commit (portal content: `onPublicChange`),
 * `sync()` — every source's full set, rewriting only changed rows (digest) and dropping what is no longer
 * public — run periodically and after the demo seed, and `rebuild` (the same, on demand by MIIT or by
 * `npm run search:rebuild`). Ranking: ts_rank with title words weighted A (×10 a body word). The digest covers the
 * segmenter version (`segmenterVersion`, segment.ts SEGMENTER_VERSION unless a test says otherwise): after the
 * segmenter changed, the first sync (at start) rewrites every document with the new words.
 */
export function createSearchService({
  db,
  publicCache,
  sources,
  productLookup,
  segmenterVersion,
}: {
  db: Db;
  publicCache: PublicCache;
  sources: SearchSource[];
  productLookup?: (code: string) => Promise<SearchDoc | null>;
  segmenterVersion?: string;
}) {
  const byType = new Map(sources.map((s) => [s.type, s]));
  let running: Promise<{ written: number; removed: number }> | null = null;

  async function syncNow(types?: readonly SearchType[]) {
    let written = 0;
    let removed = 0;
    for (const s of sources) {
      if (types && !types.includes(s.type)) continue;
      const docs = await s.all();
      await db.transaction(async (tx) => {
        written += await searchRepo.upsert(tx, docs, segmenterVersion);
        removed += await searchRepo.removeOthers(tx, s.type, docs.map((d) => d.refId));
      });
    }
    if (written || removed) publicCache.invalidate('search');
    return { written, removed };
  }

  /**
   * After-commit refresh of the documents of other modules (公告, 公示, announced enterprises, listings): their
   * services invalidate their public answers after each commit; the types behind the tag are synced at once in
   * the background (digest: only changed rows written), then at most once per FOLLOW_GAP_MS while writes go on.
   */
  const following = new Map<SearchType, { running: Promise<void> | null; again: boolean }>();
  let followed: Promise<unknown> = Promise.resolve();
  function follow(type: SearchType) {
    const f = following.get(type) ?? { running: null, again: false };
    following.set(type, f);
    if (f.running) {
      f.again = true;
      return;
    }
    f.running = (async () => {
      do {
        f.again = false;
        await syncNow([type]).catch(() => undefined);
        if (f.again) await new Promise((r) => setTimeout(r, FOLLOW_GAP_MS).unref());
      } while (f.again);
    })().finally(() => {
      f.running = null;
    });
    followed = Promise.all([...following.values()].map((x) => x.running));
  }
  publicCache.onInvalidate((tags) => {
    for (const t of new Set(tags.flatMap((tag) => TAG_TYPES[tag] ?? []))) follow(t);
  });

  return {
    /** Settles when the follow-up syncs started so far have run (tests, shutdown). */
    idle: () => followed,
    /** Bring the index in line with every source (idempotent; concurrent calls share one run). */
    sync(types?: readonly SearchType[]) {
      if (types) return syncNow(types);
      running ??= syncNow().finally(() => {
        running = null;
      });
      return running;
    },
    /** One item changed (after its commit): rewrite or remove its document. */
    async refresh(type: SearchType, refId: string) {
      const s = byType.get(type);
      if (!s?.one) return this.sync([type]);
      const doc = await s.one(refId);
      const written = doc ? await searchRepo.upsert(db, [doc], segmenterVersion) : 0;
      const removed = doc ? 0 : await searchRepo.remove(db, type, refId);
      if (written || removed) publicCache.invalidate('search');
      return { written, removed };
    },
    async search(f: { q: string; types?: SearchType[]; region?: string; field?: string; year?: number }, p: Page): Promise<{ items: SearchHit[]; total: number; capped: boolean; terms: string[] }> {
      const terms = queryTerms(f.q);
      const q = tsQuery(terms);
      if (!q) return { items: [], total: 0, capped: false, terms };
      const rows = await searchRepo.search(db, { tsQuery: q, types: f.types, region: f.region, field: f.field, year: f.year }, p.pageSize, offsetOf(p));
      const items: SearchHit[] = rows.map((r) => presentHit(r, terms));
      let total = rows[0]?.total ?? (p.page > 1 ? (await searchRepo.search(db, { tsQuery: q, types: f.types, region: f.region, field: f.field, year: f.year }, 1, 0))[0]?.total ?? 0 : 0);
      // a product code (the label's code) finds the verified product itself, first on page one
      if (productLookup && p.page === 1 && (!f.types?.length || f.types.includes('product')) && /^[\w.\-:/]{6,120}$/.test(f.q.trim())) {
        const doc = await productLookup(f.q.trim()).catch(() => null);
        if (doc) {
          items.unshift(presentProductHit(doc, terms));
          total += 1;
        }
      }
      return { items, total, capped: total >= RANK_CANDIDATES, terms };
    },
    async suggest(q: string, limit = 8) {
      const query = titlePrefixQuery(queryTerms(q));
      if (!query) return [];
      return presentSuggestions(await searchRepo.suggest(db, query, limit * 2), limit);
    },
    counts: () => searchRepo.counts(db),
    /** MIIT's rebuild on demand: the whole sync, then the documents per type. */
    async rebuild(p: Principal | null) {
      authorize(p, searchPolicy, 'rebuild', {});
      const r = await this.sync();
      return { ...r, counts: await searchRepo.counts(db) };
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;
