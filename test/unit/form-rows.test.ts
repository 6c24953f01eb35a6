import { describe, expect, it } from 'vitest';
import { splitRowErrors, withoutRows, type FormValues } from '../../src/web/components/application/formModel';

/** Issue 16 item 2: saving a draft is not refused whole because one new table row is half-filled. */
describe('a half-filled table row is held back, the rest is saved', () => {
  const err = (...name: (string | number)[]) => ({ name, errors: ['请填写此项'] });

  it('tells the errors inside a table row (its innermost row, once) from the others', () => {
    const { rows, others } = splitRowErrors([
      err('table12', 'patents', 2, 'number'),
      err('table12', 'patents', 2, 'title'),
      err('table12', 'standards', 0, 'code'),
      err('sites', 1, 'equipment', 3, 'model'),
      err('declaration', 'legalRep'),
    ]);
    expect(rows).toEqual([
      { list: ['table12', 'patents'], index: 2, first: ['table12', 'patents', 2, 'number'] },
      { list: ['table12', 'standards'], index: 0, first: ['table12', 'standards', 0, 'code'] },
      { list: ['sites', 1, 'equipment'], index: 3, first: ['sites', 1, 'equipment', 3, 'model'] },
    ]);
    expect(others.map((e) => e.name)).toEqual([['declaration', 'legalRep']]);
  });

  it('leaves those rows out of a copy of the values, the editor’s own values untouched', () => {
    type Rows = { table12: { patents: { number: string; title: string }[]; standards: unknown[] }; sites: { name: string; equipment?: { model: string }[] }[] };
    const values: Rows = {
      table12: { patents: [{ number: 'ZL1', title: 'A' }, { number: 'ZL2', title: 'B' }, { number: '', title: 'half' }, { number: 'ZL4', title: 'D' }], standards: [{ code: '', title: '' }] },
      sites: [{ name: 'x' }, { name: 'y', equipment: [{ model: 'M1' }, { model: 'M2' }, { model: 'M3' }, { model: '' }] }],
    };
    const before = structuredClone(values);
    const { rows } = splitRowErrors([err('table12', 'patents', 2, 'number'), err('table12', 'patents', 0, 'title'), err('table12', 'standards', 0, 'code'), err('sites', 1, 'equipment', 3, 'model')]);
    const saved = withoutRows(values as unknown as FormValues, rows) as unknown as Rows;
    expect(saved.table12.patents.map((p) => p.number)).toEqual(['ZL2', 'ZL4']);
    expect(saved.table12.standards).toEqual([]);
    expect(saved.sites[1]!.equipment!.map((e) => e.model)).toEqual(['M1', 'M2', 'M3']);
    expect(values).toEqual(before);
    expect(withoutRows(values as unknown as FormValues, [])).toBe(values);
  });
});
