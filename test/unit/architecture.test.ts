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

/** The files of the module template (CONTRIBUTING.md "Add a module"); routes and a service (or use cases) besides. */
const TEMPLATE_ROLES = ['schema', 'policy', 'presenter', 'repo'] as const;
/**
 * Modules that still lack a template file: gaps of modules whose restructuring belongs to their owners this session
 * (issue 11). It only shrinks; a new module is held to the whole template (a module without tables of its own can
 * still have a repo: the one place that says where its data comes from — workbench reads other modules' services,
 * demo writes only its audit rows).
 */
const TEMPLATE_GAPS: Record<string, readonly (typeof TEMPLATE_ROLES)[number][]> = {};

/**
 * Authorization lives in the policy files (issue 11 item 4): a module decides who may act with
 * `authorize(principal, <m>Policy, action, subject)` on the row it locked; `errors.forbidden(...)` (or a hand-made
 * 403) appears only in `*.policy.ts`. Two kinds of exception, one line per file with its count of calls:
 * - DOMAIN_DECISIONS: a 403 that translates a decision of a domain rule, kept on purpose (the reason beside it);
 * - FORBIDDEN_LEFTOVERS: calls not yet converted by the module's owner this session. It only shrinks: when you
 *   convert a call, lower the count (delete the line at zero) — the test fails until the list matches the code.
 */
const DOMAIN_DECISIONS: Record<string, number> = {
  // the application state machine (domain/announcement/workflow.ts) names the kind of actor of each event
  // (七(一)); `transition` answers its `wrong_actor` with 403 — also for system actors, which have no principal
  'src/server/modules/applications/applications.service.ts': 1,
};
const FORBIDDEN_LEFTOVERS: Record<string, number> = {
};
const FORBIDDEN_CALL = /errors\.forbidden\(|DomainError\(\s*403\b/g;

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

  it('a module with routes keeps the template’s files (schema, policy, presenter, repo)', () => {
    const missing: string[] = [];
    for (const m of readdirSync(MODULES).filter((n) => statSync(join(MODULES, n)).isDirectory())) {
      const names = readdirSync(join(MODULES, m));
      if (!names.some((n) => n.endsWith('.routes.ts'))) continue;
      for (const role of TEMPLATE_ROLES) {
        if (names.some((n) => n.endsWith(`.${role}.ts`)) || TEMPLATE_GAPS[m]?.includes(role)) continue;
        missing.push(`${m}: no ${m}.${role}.ts`);
      }
    }
    expect(missing, 'CONTRIBUTING.md "Add a module": one role per file').toEqual([]);
  });

  it('no errors.forbidden outside the policy files (except the listed domain decisions and leftovers)', () => {
    const counts: Record<string, number> = {};
    for (const f of files(MODULES)) {
      if (f.endsWith('.policy.ts')) continue;
      const n = readFileSync(f, 'utf8').match(FORBIDDEN_CALL)?.length ?? 0;
      if (n) counts[rel(f)] = n;
    }
    const allowed = { ...FORBIDDEN_LEFTOVERS };
    for (const [f, n] of Object.entries(DOMAIN_DECISIONS)) allowed[f] = (allowed[f] ?? 0) + n;
    expect(counts, 'decide in <m>.policy.ts with authorize(principal, policy, action, subject); a converted call leaves FORBIDDEN_LEFTOVERS (lower its count)').toEqual(allowed);
  });

  it('finds imports at all (the checks above are not vacuous)', () => {
    const all = serverFiles.flatMap((f) => specifiers(f).map((s) => moduleOf(f) && s.startsWith('.') ? moduleOf(resolveTs(f, s)) : null)).filter(Boolean);
    expect(all.length).toBeGreaterThan(200);
    expect(specifiers(join(MODULES, 'changes/changes.service.ts'))).toContain('../supervision/index.js');
  });
});
