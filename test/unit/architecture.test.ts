/**
 * The house's dependency rules (docs/architecture.md "Modules and their dependencies"), read from the import
 * statements of the source tree:
 * 1. A server module reaches another module only through that module's entry files: `index.ts` (what it
 *    publishes), `<file>.service.ts` (its service factory and types) and `<file>.policy.ts` (its access rules,
 *    e.g. the enterprise scope other modules filter by). Never its repo, schema, presenter or helpers.
 * 2. The modules' import graph has no cycle (two modules never import each other, also not through a third).
 * 3. `src/domain` is pure: it imports no server or web code and no I/O library.
 * 4. `src/server/platform` imports no module (modules build on the platform, not the other way round).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const MODULES = join(ROOT, 'src/server/modules');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(ts|tsx)$/.test(n) ? [p] : [];
  });
}

/** Every import / export-from / dynamic import specifier of a file. */
function specifiers(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of src.matchAll(/(?:^|[\s;])import\s*['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of src.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}
const rel = (p: string) => relative(ROOT, p).split(sep).join('/');
const resolveTs = (from: string, spec: string) => resolve(dirname(from), spec).replace(/\.js$/, '.ts');
const moduleOf = (p: string) => (p.startsWith(MODULES + sep) ? relative(MODULES, p).split(sep)[0]! : null);

/**
 * Known imports past another module's entry, in modules whose restructuring belongs to other work (issue 11):
 * `from → to`. Do not add to this list: publish what another module needs in its index.ts instead.
 */
const KNOWN_EXCEPTIONS = new Set<string>([]);

const isEntry = (target: string) => /(^|\/)(index|[\w.-]+\.service|[\w.-]+\.policy)\.ts$/.test(target) && dirname(target) === join(MODULES, moduleOf(target)!);

describe('architecture', () => {
  const serverFiles = files(join(ROOT, 'src/server'));

  it('a module reaches another module only through its entry files (index, service, policy)', () => {
    const bad: string[] = [];
    for (const f of serverFiles) {
      const from = moduleOf(f);
      if (!from) continue;
      for (const s of specifiers(f)) {
        if (!s.startsWith('.')) continue;
        const t = resolveTs(f, s);
        const to = moduleOf(t);
        if (!to || to === from || isEntry(t)) continue;
        const edge = `${rel(f)} → ${rel(t)}`;
        if (!KNOWN_EXCEPTIONS.has(edge)) bad.push(edge);
      }
    }
    expect(bad, 'import the other module’s index.ts / *.service.ts / *.policy.ts (publish what is needed there)').toEqual([]);
  });

  it('the known exceptions still exist (a fixed one leaves the list, so the list only shrinks)', () => {
    const seen = new Set<string>();
    for (const f of serverFiles) {
      if (!moduleOf(f)) continue;
      for (const s of specifiers(f)) if (s.startsWith('.')) seen.add(`${rel(f)} → ${rel(resolveTs(f, s))}`);
    }
    expect([...KNOWN_EXCEPTIONS].filter((e) => !seen.has(e))).toEqual([]);
  });

  it('the modules’ import graph has no cycle', () => {
    const edges = new Map<string, Set<string>>();
    for (const f of serverFiles) {
      const from = moduleOf(f);
      if (!from) continue;
      for (const s of specifiers(f)) {
        const to = s.startsWith('.') ? moduleOf(resolveTs(f, s)) : null;
        if (to && to !== from) (edges.get(from) ?? edges.set(from, new Set()).get(from)!).add(to);
      }
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (m: string, path: string[]) => {
      if (state.get(m) === 'done') return;
      if (state.get(m) === 'open') {
        cycles.push([...path.slice(path.indexOf(m)), m].join(' → '));
        return;
      }
      state.set(m, 'open');
      for (const n of edges.get(m) ?? []) visit(n, [...path, m]);
      state.set(m, 'done');
    };
    for (const m of edges.keys()) visit(m, []);
    expect(cycles).toEqual([]);
  });

  it('src/domain imports no server or web code and no I/O library', () => {
    const bad: string[] = [];
    for (const f of files(join(ROOT, 'src/domain'))) {
      for (const s of specifiers(f)) {
        const t = s.startsWith('.') ? rel(resolveTs(f, s)) : s;
        if (t.startsWith('src/server/') || t.startsWith('src/web/') || /^(node:)?(fs|net|http|https|child_process|worker_threads)(\/|$)|^(pg|@electric-sql\/pglite|drizzle-orm|fastify|react)(\/|$)/.test(t)) bad.push(`${rel(f)} → ${s}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('src/server/platform imports no module', () => {
    const bad: string[] = [];
    for (const f of files(join(ROOT, 'src/server/platform'))) {
      for (const s of specifiers(f)) if (s.startsWith('.') && moduleOf(resolveTs(f, s))) bad.push(`${rel(f)} → ${s}`);
    }
    expect(bad).toEqual([]);
  });

  it('finds imports at all (the checks above are not vacuous)', () => {
    const all = serverFiles.flatMap((f) => specifiers(f).map((s) => moduleOf(f) && s.startsWith('.') ? moduleOf(resolveTs(f, s)) : null)).filter(Boolean);
    expect(all.length).toBeGreaterThan(200);
    expect(specifiers(join(MODULES, 'changes/changes.service.ts'))).toContain('../supervision/index.js');
  });
});
