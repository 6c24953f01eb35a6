import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Chinese full-text search on PostgreSQL (and PGlite) without extensions: text is segmented here with jieba
 * (`@node-rs/jieba`), the words are joined by spaces and stored as `to_tsvector('simple', <words>)` in a GIN
 * index; queries are segmented the same way and become an AND of words (`to_tsquery('simple', …)`), so
 * "发动机的再制造" finds "再制造柴油发动机总成" and word order does not matter.
 *
 * - Index side uses search mode (`cutForSearch`): "柴油发动机" also yields "发动机", so a shorter query word
 *   finds a longer compound.
 * - Query side uses the precise mode (`cut`), drops stop words and punctuation.
 * - Latin letters are lower-cased and full-width forms folded (NFKC), so "WD615" = "ｗｄ６１５".
 *
 * Usage in SQL (see docs/architecture.md "Search"):
 *   column  search_tsv tsvector  — written as to_tsvector('simple', $indexText)
 *   index   CREATE INDEX … USING gin (search_tsv)
 *   query   WHERE search_tsv @@ to_tsquery('simple', $tsQuery) ORDER BY ts_rank(search_tsv, to_tsquery('simple', $tsQuery)) DESC
 */

/** Words of the trade jieba's general dictionary splits or misses (word, frequency, part of speech). */
const DOMAIN_WORDS = [
  '再制造 200000 n',
  '再制造品 20000 n',
  '再制造率 20000 n',
  '以旧换再 20000 n',
  '以租代购 20000 n',
  '旧件 20000 n',
  '旧件押金 5000 n',
  '盾构机 20000 n',
  '主轴承 20000 n',
  '发动机 50000 n',
  '柴油发动机 20000 n',
  '变速箱 20000 n',
  '液压泵 20000 n',
  '液压缸 20000 n',
  '涡轮增压器 20000 n',
  '机床 20000 n',
  '工程机械 20000 n',
  '规范条件 20000 n',
  '全生命周期 20000 n',
].join('\n');

const jieba = Jieba.withDict(dict);
jieba.loadDict(Buffer.from(DOMAIN_WORDS, 'utf8'));

/** Words that carry no meaning in a query or a document. */
const STOP_WORDS = new Set(['的', '了', '和', '与', '及', '或', '在', '是', '之', '对', '等', '其', '为', '并', 'the', 'of', 'and', 'a', 'an', 'to', 'in', 'for']);

/**
 * Bump when the segmentation changes in a way the inputs below do not show (normalize, isWord, cutForSearch's
 * options): every stored vector is then re-segmented at the next start (platform/search/backfill.ts).
 */
const SEGMENTER_BUMP = 1;
const JIEBA_VERSION = (createRequire(import.meta.url)('@node-rs/jieba/package.json') as { version: string }).version;

/**
 * The version of the segmenter: a SHA-256 (16 hex digits) over what decides the words a text is indexed by — the
 * domain word list, the stop words, the jieba package version (its general dictionary ships with it) and the manual
 * bump above. Stored vectors written with another version hold other words: the search backfill job re-segments the
 * tables whose recorded version differs (search_segmenter_state), and the public index's digest includes it, so
 * its sync rewrites every document.
 */
export const SEGMENTER_VERSION = createHash('sha256')
  .update(JSON.stringify([SEGMENTER_BUMP, JIEBA_VERSION, DOMAIN_WORDS, [...STOP_WORDS]]))
  .digest('hex')
  .slice(0, 16);

/** A word worth indexing: has a letter, digit or CJK character, and is not a stop word. */
function isWord(w: string): boolean {
  return /[\p{L}\p{N}]/u.test(w) && !STOP_WORDS.has(w);
}

function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Segmented words of a document, space-joined, for `to_tsvector('simple', …)`. Accepts several fields. */
export function indexText(...parts: ReadonlyArray<string | null | undefined>): string {
  const words: string[] = [];
  for (const part of parts) {
    if (!part) continue;
    for (const w of jieba.cutForSearch(normalize(part), true)) {
      const t = w.trim();
      if (isWord(t)) words.push(t);
    }
  }
  return words.join(' ');
}

/** The distinct words of a query, in order (empty when the query has no searchable word). */
export function queryTerms(q: string): string[] {
  const out: string[] = [];
  for (const w of jieba.cut(normalize(q), true)) {
    const t = w.trim();
    if (isWord(t) && !out.includes(t)) out.push(t);
  }
  return out;
}

/** A `to_tsquery('simple', …)` expression ANDing the terms, each quoted (safe for any input); null when empty. */
export function tsQuery(terms: readonly string[], { prefixLast = false }: { prefixLast?: boolean } = {}): string | null {
  if (terms.length === 0) return null;
  return terms
    .map((t, i) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${prefixLast && i === terms.length - 1 ? ':*' : ''}`)
    .join(' & ');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A short excerpt of `text` around the first hit, HTML-escaped, with each hit wrapped in `<mark>…</mark>`.
 * Matching is on the normalized text, so case and full-width forms do not matter.
 */
export function snippet(text: string, terms: readonly string[], maxChars = 120): string {
  const norm = normalize(text);
  // NFKC may change lengths (rare in practice); fall back to the normalized text when it does.
  const base = norm.length === text.length ? text : norm;
  const sorted = [...terms].filter(Boolean).sort((a, b) => b.length - a.length);
  const hits: Array<[number, number]> = [];
  for (let i = 0; i < norm.length; ) {
    const t = sorted.find((term) => norm.startsWith(term, i));
    if (t) {
      hits.push([i, i + t.length]);
      i += t.length;
    } else i++;
  }
  const first = hits[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - Math.floor(maxChars / 4), base.length - maxChars));
  const end = Math.min(base.length, start + maxChars);
  let out = start > 0 ? '…' : '';
  let pos = start;
  for (const [a, b] of hits) {
    if (b <= start || a >= end) continue;
    const s = Math.max(a, start);
    const e = Math.min(b, end);
    out += escapeHtml(base.slice(pos, s)) + '<mark>' + escapeHtml(base.slice(s, e)) + '</mark>';
    pos = e;
  }
  out += escapeHtml(base.slice(pos, end)) + (end < base.length ? '…' : '');
  return out;
}
