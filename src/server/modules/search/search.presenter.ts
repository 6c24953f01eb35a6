import { snippet } from '../../platform/search/segment.js';
import type { SearchType } from '../../db/schema.js';
import type { SearchDoc, SearchRow } from './search.repo.js';

/** One hit of the public search (SearchHitSchema). */
export interface SearchHit {
  type: SearchType;
  title: string;
  url: string;
  /** HTML-escaped excerpt with the query words in <mark>. */
  snippet: string;
  score: number;
}

const SNIPPET_CHARS = 160;

/** A ranked document: its excerpt around the query words, its score to 4 decimals. */
export const presentHit = (r: SearchRow, terms: readonly string[]): SearchHit => ({
  type: r.type, title: r.title, url: r.url, snippet: snippet(`${r.title} — ${r.body}`, terms, SNIPPET_CHARS), score: Math.round(r.score * 10000) / 10000,
});

/** The verified product a code names, shown first on page one (score 1). */
export const presentProductHit = (doc: SearchDoc, terms: readonly string[]): SearchHit => ({ type: 'product', title: doc.title, url: doc.url, snippet: snippet(doc.body, terms, SNIPPET_CHARS), score: 1 });

/** The suggestions as one types: one per title (the best-ranked), at most `limit`. */
export function presentSuggestions<R extends { type: SearchType; title: string; url: string }>(rows: readonly R[], limit: number) {
  const seen = new Set<string>();
  const out: { type: SearchType; title: string; url: string }[] = [];
  for (const r of rows) {
    if (seen.has(r.title)) continue;
    seen.add(r.title);
    out.push({ type: r.type, title: r.title, url: r.url });
    if (out.length >= limit) break;
  }
  return out;
}
