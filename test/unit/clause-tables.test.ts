/**
 * The clause tables of docs/announcement-procedure.md and docs/dynamic-management.md (issue 15: "clause → reading →
 * where → test") name a test file and test names for every clause. This keeps them honest: every named file exists
 * and holds every named test (the quoted text after a path is searched in that file).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DOCS = ['docs/announcement-procedure.md', 'docs/dynamic-management.md'];

/** The rows of the table under the heading that says "clause → reading → where → test". */
function clauseRows(doc: string): string[][] {
  const text = readFileSync(doc, 'utf8');
  const at = text.split('\n').findIndex((l) => l.startsWith('## ') && l.includes('clause → reading → where → test'));
  expect(at, `${doc}: a "clause → reading → where → test" section`).toBeGreaterThanOrEqual(0);
  const lines = text.split('\n').slice(at + 1);
  const start = lines.findIndex((l) => l.startsWith('| clause |'));
  const rows: string[][] = [];
  for (const l of lines.slice(start + 2)) {
    if (!l.startsWith('|')) break;
    rows.push(l.split(' | ').map((c) => c.replace(/^\|\s*|\s*\|$/g, '')));
  }
  return rows;
}

/** `path` "name", "name", `path2` "name" → [{ path, names }]. */
function references(cell: string): { path: string; names: string[] }[] {
  const out: { path: string; names: string[] }[] = [];
  for (const m of cell.matchAll(/`(test\/[^`]+)`|"([^"]+)"/g)) {
    if (m[1]) out.push({ path: m[1], names: [] });
    else if (m[2] && out.length) out[out.length - 1]!.names.push(m[2]);
  }
  return out;
}

describe.each(DOCS)('%s clause table', (doc) => {
  const rows = clauseRows(doc);
  it('has rows, each with a clause, a reading, a place in the code and at least one test', () => {
    expect(rows.length).toBeGreaterThan(8);
    for (const r of rows) {
      expect(r, r[0]).toHaveLength(4);
      expect(r[2], r[0]).toMatch(/`/);
      expect(references(r[3]!).length, `${r[0]}: names a test file`).toBeGreaterThan(0);
    }
  });
  it('every named test file exists and holds every named test', () => {
    const problems: string[] = [];
    for (const r of rows) {
      for (const ref of references(r[3]!)) {
        if (!existsSync(ref.path)) {
          problems.push(`${r[0]}: ${ref.path} does not exist`);
          continue;
        }
        const src = readFileSync(ref.path, 'utf8');
        for (const n of ref.names) if (!src.includes(n)) problems.push(`${r[0]}: ${ref.path} has no test "${n}"`);
      }
    }
    expect(problems).toEqual([]);
  });
});
