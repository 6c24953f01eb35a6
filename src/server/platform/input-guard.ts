import type { FastifyInstance } from 'fastify';
import { errors } from './errors.js';

/**
 * Hostile text and shapes are refused at the door, before Zod or any query sees them: a NUL character or an
 * unpaired UTF-16 surrogate in any string or object key of the query, the path parameters or a JSON body
 * (PostgreSQL cannot store either: 22P05/22021), and JSON nested deeper than MAX_JSON_DEPTH (jsonb and the
 * validators recurse: 54001). Each is a 400 naming the field.
 */
export const MAX_JSON_DEPTH = 64;

// With the u flag a lone surrogate is a code point of category Cs; a proper pair is one other code point.
const BAD_TEXT = /\u0000|\p{Cs}/u;

interface Node {
  value: unknown;
  depth: number;
  key: string;
  parent: Node | null;
}

/** Field path as the error handler names fields: sites[0].name */
function pathOf(n: Node): string {
  const parts: string[] = [];
  for (let c: Node | null = n; c && c.parent; c = c.parent) parts.unshift(c.key);
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '') || '(body)';
}

const badText = (field: string) => errors.validation([{ field, message: '含有不允许的字符（空字符 U+0000 或不成对的代理项）', messageEn: 'contains a NUL character or an unpaired surrogate' }]);

/** The common case without allocating: an object (the path parameters, most queries) of strings only, none bad. */
function flatAndClean(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || Buffer.isBuffer(v)) return false;
  for (const k in v) {
    if (!Object.hasOwn(v, k)) continue;
    const x = (v as Record<string, unknown>)[k];
    if (typeof x !== 'string' || BAD_TEXT.test(k) || BAD_TEXT.test(x)) return false;
  }
  return true;
}

/** Throws a 400 for the first bad string, key or nesting level in `root`. Iterative: depth costs no stack. */
export function checkInput(root: unknown): void {
  if (flatAndClean(root)) return;
  const stack: Node[] = [{ value: root, depth: 0, key: '', parent: null }];
  while (stack.length) {
    const n = stack.pop()!;
    const v = n.value;
    if (typeof v === 'string') {
      if (BAD_TEXT.test(v)) throw badText(pathOf(n));
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (n.depth >= MAX_JSON_DEPTH) {
      throw errors.validation([{ field: pathOf(n), message: `嵌套层级超过 ${MAX_JSON_DEPTH} 层`, messageEn: `nested deeper than ${MAX_JSON_DEPTH} levels` }]);
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], depth: n.depth + 1, key: String(i), parent: n });
      continue;
    }
    if (Buffer.isBuffer(v)) continue;
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      const child: Node = { value: (v as Record<string, unknown>)[k], depth: n.depth + 1, key: k, parent: n };
      if (BAD_TEXT.test(k)) throw badText(pathOf(child));
      stack.push(child);
    }
  }
}

/**
 * Every route: the query, the path parameters and a parsed JSON body pass checkInput before validation. A callback
 * hook, not an async one: no promise per request (every answer of the platform passes here).
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', (req, _reply, done) => {
    try {
      checkInput(req.params);
      checkInput(req.query);
      if (req.body !== undefined && !Buffer.isBuffer(req.body)) checkInput(req.body);
    } catch (err) {
      return done(err as Error);
    }
    done();
  });
}
