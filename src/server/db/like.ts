import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * LIKE patterns from user text. The text is matched literally: `\`, `%` and `_` are escaped with a backslash, and the
 * predicates below name the escape character (`ESCAPE '\'`) rather than rely on PostgreSQL's default, so "100%" finds
 * only names containing "100%" and `q=_` matches nothing without an underscore.
 */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The pattern of "contains `text`". */
export const likeContains = (text: string): string => `%${escapeLike(text)}%`;
/** The pattern of "starts with `text`". */
export const likePrefix = (text: string): string => `${escapeLike(text)}%`;
/** The pattern of "ends with `text`". */
export const likeSuffix = (text: string): string => `%${escapeLike(text)}`;

/** `column ILIKE pattern ESCAPE '\'` — the pattern from likeContains / likePrefix / likeSuffix. */
export const ilikeEscaped = (column: SQLWrapper, pattern: string): SQL => sql`${column} ILIKE ${pattern} ESCAPE '\\'`;
/** `column LIKE pattern ESCAPE '\'` (case-sensitive) — the pattern from likeContains / likePrefix / likeSuffix. */
export const likeEscaped = (column: SQLWrapper, pattern: string): SQL => sql`${column} LIKE ${pattern} ESCAPE '\\'`;
