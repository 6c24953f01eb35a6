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

/**
 * extField for many fields of one object (the projector reads ~16 per event): the fallback — the local name under
 * any compact prefix — indexes the object's keys once, on the first field the prefixes do not find, instead of
 * scanning them per field. Same answers as extField; the object is not to change while the reader is used.
 */
export function extReader(obj: Record<string, unknown> | null | undefined, prefixes: string[]): (name: string) => unknown {
  if (!obj) return () => undefined;
  let local: Map<string, unknown> | undefined;
  return (name) => {
    for (const p of prefixes) {
      const v = obj[`${p}:${name}`];
      if (v !== undefined) return v;
    }
    const full = obj[`${REMAN_NS}${name}`];
    if (full !== undefined) return full;
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
