import { REMAN_NS, REMAN_PREFIX } from '../../../domain/trace/vocabulary.js';

/**
 * Reading the platform's extension fields (namespace urn:reman-platform:voc:) from a captured event document
 * or its ilmd, whatever prefix the sender bound to the namespace in its @context (default "reman").
 */
export function prefixesFor(doc: Record<string, unknown> | null | undefined, context?: unknown): string[] {
  const out = new Set<string>([REMAN_PREFIX]);
  const scan = (c: unknown) => {
    if (Array.isArray(c)) c.forEach(scan);
    else if (c && typeof c === 'object') {
      for (const [k, v] of Object.entries(c as Record<string, unknown>)) if (v === REMAN_NS) out.add(k);
    }
  };
  scan(context);
  scan(doc?.['@context']);
  return [...out];
}

export function extField(obj: Record<string, unknown> | null | undefined, name: string, prefixes: string[]): unknown {
  return extReader(obj, prefixes)(name);
}

const COMPACT_PREFIX = /^[A-Za-z][\w.-]*$/;

/** Field keys per prefix set (most events: the default prefix only); a handful of prefix sets in practice, capped. */
const keyNames = new Map<string, Map<string, string[]>>();
function namesFor(prefixes: string[]): Map<string, string[]> {
  const id = prefixes.length === 1 ? prefixes[0]! : prefixes.join('\u0000');
  let names = keyNames.get(id);
  if (!names) {
    if (keyNames.size >= 256) keyNames.clear();
    keyNames.set(id, (names = new Map()));
  }
  return names;
}

/**
 * extField for many fields of one object (the projector reads ~16 per event): the fallback — the local name under
 * any compact prefix — indexes the object's keys once, on the first field the prefixes do not find, instead of
 * scanning them per field. Same answers as extField; the object is not to change while the reader is used.
 */
export function extReader(obj: Record<string, unknown> | null | undefined, prefixes: string[]): (name: string) => unknown {
  if (!obj) return () => undefined;
  const names = namesFor(prefixes);
  let local: Map<string, unknown> | undefined;
  return (name) => {
    // the prefixed and the full forms of the name, in that order (built once per prefix set and name)
    let keys = names.get(name);
    if (!keys) names.set(name, (keys = [...prefixes.map((p) => `${p}:${name}`), `${REMAN_NS}${name}`]));
    for (const k of keys) {
      const v = obj[k];
      if (v !== undefined) return v;
    }
    // The epcis module hands listeners the events without the DOCUMENT-level @context, so a prefix an MES bound
    // there (e.g. {"rm": "urn:reman-platform:voc:"}) is not visible here: fall back to the local name under any
    // compact prefix (not under another absolute IRI) — the first such key in the object's order.
    if (!local) {
      local = new Map();
      for (const k of Object.keys(obj)) {
        const i = k.lastIndexOf(':');
        if (i <= 0) continue;
        const n = k.slice(i + 1);
        if (!local.has(n) && COMPACT_PREFIX.test(k.slice(0, i))) local.set(n, obj[k]);
      }
    }
    return local.get(name);
  };
}

export const str = (v: unknown, max = 500): string | null => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : typeof v === 'number' ? String(v) : null);
export const num = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};
