/**
 * Standard numbers as people write them (issue 14: the standards library lists the products and enterprises that
 * declare a standard — on trace labels, in 申请书 row 30, in catalogue applications). "GB/T 28672-2012",
 * "gb/t28672—2012" and "ＧＢ／Ｔ 28672-2012" are one number; "GB/T 28672" without its year names the standard's
 * number whatever the edition, so it counts for the library entry "GB/T 28672-2012".
 */

/** Upper case, half-width, no spaces, every dash a hyphen-minus. The SQL side: `standardKeySql` below. */
export function standardKey(code: string): string {
  return code
    .normalize('NFKC')
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/[‐-―－]/g, '-');
}

/** The keys a declaration may carry to name this library code: the full key, and the number without its year. */
export function declarationKeys(libraryCode: string): string[] {
  const k = standardKey(libraryCode);
  const base = k.replace(/-(19|20)\d{2}$/, '');
  return base === k ? [k] : [k, base];
}

/**
 * The same key in SQL over a text column (PostgreSQL and PGlite; an index of trace_products uses this very
 * expression, migration 20261211040000): spaces dropped, full-width and long dashes and the full-width slash folded.
 * NFKC is not available there, so a number typed with full-width letters or digits is not matched.
 */
export const standardKeySql = (column: string) => `upper(translate(regexp_replace(${column}, '[[:space:]]', '', 'g'), '－—–／', '---/'))`;
