/**
 * The application form (附1) as antd form values, and back. The values mirror `ApplicationForm` of the
 * domain so that a server error path like `form.table12.years[0].year` names a form field directly.
 */
import { EQUIPMENT_CATEGORIES, type ApplicationForm, type BomLine } from '../../../domain/announcement/form';

export type FormValues = ApplicationForm;
type Table12 = NonNullable<ApplicationForm['table12']>;
type YearRow = NonNullable<Table12['years']>[number];

/** The tabs of the application page, in display order. */
export type ApplicationTab =
  | 'declaration'
  | 'fields'
  | 'outline'
  | 'table11'
  | 'table12'
  | 'declarations'
  | 'attachments'
  | 'conditions'
  | 'process';

export const FORM_TABS: readonly ApplicationTab[] = ['declaration', 'fields', 'outline', 'table11', 'table12', 'declarations'];

/** The three most recent full years (表1-2 rows 8–11 "近三年"). */
export function recentYears(now = new Date()): number[] {
  const y = now.getFullYear();
  return [y - 3, y - 2, y - 1];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Server form → form values: three year rows, every equipment category present. */
export function toFormValues(raw: Record<string, unknown> | null | undefined): FormValues {
  const f = (isObj(raw) ? structuredClone(raw) : {}) as ApplicationForm;
  const t12: Table12 = { ...(f.table12 ?? {}) };
  const years: YearRow[] = [...(t12.years ?? [])];
  for (const y of recentYears()) {
    if (years.length >= 3) break;
    if (!years.some((r) => r.year === y)) years.push({ year: y });
  }
  years.sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  const equipment: NonNullable<Table12['equipment']> = { ...(t12.equipment ?? {}) };
  for (const c of EQUIPMENT_CATEGORIES) equipment[c.key] = equipment[c.key] ?? [];
  return {
    fields: f.fields ?? [],
    declaration: f.declaration ?? {},
    outline: f.outline ?? {},
    table11: f.table11 ?? {},
    table12: {
      ...t12,
      years,
      bom: t12.bom ?? [],
      equipment,
      patents: t12.patents ?? [],
      standards: t12.standards ?? [],
      auditedYears: t12.auditedYears ?? [],
      rdInstitutions: t12.rdInstitutions ?? {},
      qualityCert: t12.qualityCert ?? {},
      ohsCert: t12.ohsCert ?? {},
      environmentCert: t12.environmentCert ?? {},
      warranties: t12.warranties ?? [],
    },
    declarations: f.declarations ?? {},
    contractProcessing: { ...(f.contractProcessing ?? {}), processors: f.contractProcessing?.processors ?? [] },
  };
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Drops undefined; keeps null (an explicit "cleared"). */
function prune<T>(v: T): T {
  if (Array.isArray(v)) return v.map(prune) as T;
  if (isObj(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = prune(x);
    return out as T;
  }
  return v;
}

/**
 * Form values → the body of PUT /applications/:id/form. Partial data is fine; unticked declaration boxes
 * mean "not declared yet" (absent), never "declared false"; empty year rows are dropped.
 */
export function fromFormValues(v: FormValues): ApplicationForm {
  const out = prune(structuredClone(v ?? {})) as ApplicationForm;
  if (out.declaration && out.declaration.accepted !== true) delete out.declaration.accepted;
  if (out.table12) {
    const t = out.table12;
    if (t.noInfringementDeclared !== true) delete t.noInfringementDeclared;
    if (t.years) {
      t.years = t.years.filter(
        (y) => !(blank(y?.year) && blank(y?.revenue) && blank(y?.remanOutput) && blank(y?.remanSales) && blank(y?.remanUnits)),
      );
    }
    if (t.landTenure !== 'leased' && t.leaseYears == null) delete t.leaseYears;
  }
  return out;
}

const finiteNonNeg = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/** BOM lines that can enter the rate computation (the live figure ignores half-typed lines). */
export function usableBom(lines: readonly Partial<BomLine>[] | null | undefined): BomLine[] {
  return (lines ?? [])
    .filter((l): l is BomLine => !!l && !!l.disposition && finiteNonNeg(l.massKg) && finiteNonNeg(l.newValue) && (l.quantity == null || (finiteNonNeg(l.quantity) && l.quantity >= 1)))
    .map((l) => ({ ...l, quantity: l.quantity ?? 1 }));
}

/** A form for the live computations: values as typed, with half-typed BOM lines left out. */
export function formForLiveCheck(v: FormValues | undefined): ApplicationForm {
  const f = fromFormValues(v ?? {});
  if (f.table12?.bom) f.table12.bom = usableBom(f.table12.bom);
  return f;
}

/** 'form.table12.years[0].year' / 'table12.years[0].year' → ['table12', 'years', 0, 'year']. */
export function namePathOf(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const seg of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(seg);
    if (!m) {
      parts.push(seg);
      continue;
    }
    if (m[1]) parts.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) parts.push(Number(idx[1]));
  }
  if (parts[0] === 'body') parts.shift();
  if (parts[0] === 'form') parts.shift();
  return parts;
}

/** The tab that shows a form path or an `attachments.<slot>` item. */
export function tabOfPath(path: string): ApplicationTab {
  const head = String(namePathOf(path)[0] ?? '');
  switch (head) {
    case 'fields':
    case 'fieldsOther':
      return 'fields';
    case 'declaration':
      return 'declaration';
    case 'outline':
      return 'outline';
    case 'table11':
      return 'table11';
    case 'table12':
    case 'contractProcessing':
      return 'table12';
    case 'declarations':
      return 'declarations';
    case 'attachments':
      return 'attachments';
    default:
      return 'conditions';
  }
}

export function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((x, i) => String(x) === String(b[i]));
}

/** DOM id antd gives a field (for scrolling to list items and groups). */
export function fieldDomId(path: readonly (string | number)[]): string {
  return `appform_${path.join('_')}`;
}

export type FieldError = { name: (string | number)[]; errors: string[] };
/** A row of a list table: the list's path and the row's index; `first` is the first marked cell's path. */
export type HeldRow = { list: (string | number)[]; index: number; first: (string | number)[] };

/** The errors inside a table row (a numeric index in the field's path: its innermost row), and the others. */
export function splitRowErrors(errors: FieldError[]): { rows: HeldRow[]; others: FieldError[] } {
  const rows: HeldRow[] = [];
  const others: FieldError[] = [];
  for (const e of errors) {
    let at = -1;
    e.name.forEach((part, i) => void (typeof part === 'number' && (at = i)));
    if (at < 0) {
      others.push(e);
      continue;
    }
    const list = e.name.slice(0, at);
    const index = e.name[at] as number;
    if (!rows.some((r) => r.index === index && samePath(r.list, list))) rows.push({ list, index, first: e.name });
  }
  return { rows, others };
}

/** The form's values without the given rows (a copy; the editor keeps them). */
export function withoutRows(values: FormValues, rows: HeldRow[]): FormValues {
  if (!rows.length) return values;
  const copy = structuredClone(values) as Record<string | number, unknown>;
  // highest index first, so that removing one row does not shift the next one's index
  for (const r of [...rows].sort((a, b) => b.index - a.index)) {
    let list: unknown = copy;
    for (const part of r.list) list = (list as Record<string | number, unknown> | undefined)?.[part];
    if (Array.isArray(list)) list.splice(r.index, 1);
  }
  return copy as FormValues;
}
