import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  currentReportYear,
  daysUntilDue,
  isLate,
  isOpen,
  isOverdue,
  isOwed,
  missingItems,
  nextReportState,
  reminderDates,
  reminderDue,
  reportWindow,
  rowSum,
  totalsIssues,
  countIssues,
  formTableIssues,
  reportTotals,
  REPORT_FIELDS,
  sampleReportForm,
  type AnnualReportForm,
} from '../../src/domain/annual-report/index.js';
import { REMAN_FIELD_VALUES } from '../../src/domain/enterprise.js';

function completeReportForm(): AnnualReportForm {
  return {
    cover: { enterpriseName: '某再制造公司', address: '某地', contactName: '张三', contactTitle: '经理', mobile: '13800000000', officePhone: '020-1234567', email: 'a@b.cn', compiledOn: '2027-02-01' },
    outline: { s1_compliance: '符合', s2_operations: '良好', s3_capability: '提升' },
    operations: { outputValue: 1250.5 },
    table21: { e1: '1', e2: '2', e3: '3', e4: '4', e5: '5', e6: '6' },
    sites: [{ siteId: 'S1', siteName: '番禺厂区', table23: {
      recovery: { total: 30, rows: [{ name: '发动机旧件', model: 'X1', source: '4S店', count: 10 }, { name: '变速箱旧件', model: 'X2', source: '回收企业', count: 20 }] },
      reman: { total: 25, rows: [{ name: '再制造发动机', model: 'R1', field: 'internal_combustion_engines', count: 25 }] },
      sales: { total: 0, rows: [] },
    } }],
  };
}

describe('年度报告 deadlines (七(二)1: 每年第一季度结束前)', () => {
  it('the report of Y opens on 1 January Y+1 and is due on 31 March Y+1', () => {
    expect(reportWindow(2026)).toEqual({ year: 2026, opensOn: '2027-01-01', dueOn: '2027-03-31' });
    expect(isOpen(2026, '2026-12-31')).toBe(false);
    expect(isOpen(2026, '2027-01-01')).toBe(true);
    expect(currentReportYear('2027-01-01')).toBe(2026);
    expect(currentReportYear('2026-12-31')).toBe(2025);
  });

  it('31 March is on time, 1 April is late (leap years change nothing)', () => {
    expect(isLate(2026, '2027-03-31')).toBe(false);
    expect(isLate(2026, '2027-04-01')).toBe(true);
    expect(isLate(2027, '2028-03-31')).toBe(false); // 2028 is a leap year
    expect(isLate(2027, '2028-04-01')).toBe(true);
    expect(isOverdue(2026, '2027-03-31', false)).toBe(false);
    expect(isOverdue(2026, '2027-04-01', false)).toBe(true);
    expect(isOverdue(2026, '2027-04-01', true)).toBe(false);
    expect(daysUntilDue(2026, '2027-03-30')).toBe(1);
  });

  it('owed per site announced before 1 January of Y+1', () => {
    expect(isOwed('2026-12-31', 2026)).toBe(true);
    expect(isOwed('2027-01-01', 2026)).toBe(false);
    expect(isOwed('2024-05-01', 2025)).toBe(true);
  });

  it('reminders 30, 7 and 1 days before 31 March; only the latest due one, none after the deadline', () => {
    expect(reminderDates(2026).map((r) => r.on)).toEqual(['2027-03-01', '2027-03-24', '2027-03-30']);
    expect(reminderDates(2027).map((r) => r.on)).toEqual(['2028-03-01', '2028-03-24', '2028-03-30']);
    expect(reminderDue(2026, '2027-02-28')).toBeNull();
    expect(reminderDue(2026, '2027-03-01')).toBe(30);
    expect(reminderDue(2026, '2027-03-23')).toBe(30);
    expect(reminderDue(2026, '2027-03-24')).toBe(7);
    expect(reminderDue(2026, '2027-03-30')).toBe(1);
    expect(reminderDue(2026, '2027-03-31')).toBe(1);
    expect(reminderDue(2026, '2027-04-01')).toBeNull();
  });
});

describe('表2-3 totals (附2)', () => {
  it('accepts totals equal to the sum of the rows', () => {
    expect(totalsIssues(completeReportForm().sites![0]!.table23)).toEqual([]);
    expect(rowSum(completeReportForm().sites![0]!.table23, 'recovery')).toBe(30);
  });

  it('names the section, the sum and the rows of a mismatch', () => {
    const f = completeReportForm();
    f.sites![0]!.table23!.recovery!.total = 31;
    f.sites![0]!.table23!.reman!.total = 24;
    const issues = totalsIssues(f.sites![0]!.table23);
    expect(issues.map((i) => i.field)).toEqual(['table23.recovery.total', 'table23.reman.total']);
    expect(issues[0]!.message).toContain('回收情况');
    expect(issues[0]!.message).toContain('第1行 10');
    expect(issues[0]!.message).toContain('第2行 20');
    expect(issues[0]!.messageEn).toContain('row 2: 20');
    expect(issues[1]!.message).toContain('25');
  });

  it('skips a section whose total is not entered yet (drafts)', () => {
    expect(totalsIssues({ recovery: { rows: [{ count: 5 }] } })).toEqual([]);
    expect(totalsIssues({ sales: { total: 5, rows: [] } })).toHaveLength(1);
  });

  it('refuses negative and fractional counts', () => {
    expect(countIssues({ reman: { total: -1, rows: [{ count: 1.5 }] } }).map((i) => i.field)).toEqual(['table23.reman.total', 'table23.reman.rows.1.count']);
  });
});

describe('completeness', () => {
  it('a complete form lacks nothing', () => {
    expect(missingItems(completeReportForm())).toEqual([]);
  });
  it('an empty form lacks the cover, outline, 表2-1 items 1–6 and every total', () => {
    const fields = missingItems({}).map((i) => i.field);
    expect(fields).toContain('cover.enterpriseName');
    expect(fields).not.toContain('cover.fax');
    expect(fields).toContain('outline.s3_capability');
    expect(fields).toContain('table21.e6');
    expect(fields).not.toContain('table21.e7');
    expect(fields).toContain('sites');
    expect(missingItems({ sites: [{ siteId: 'S1' }] }).map((i) => i.field)).toContain('sites.0.table23.sales.total');
  });
  it('二、生产经营情况 states 本年度再制造产值（万元）: 0 is a value, blank or negative is missing (附2 提纲 二)', () => {
    const f = completeReportForm();
    f.operations = { outputValue: 0 };
    expect(missingItems(f)).toEqual([]);
    for (const outputValue of [null, undefined, -1]) {
      f.operations = { outputValue };
      expect(missingItems(f).map((i) => i.field)).toEqual(['operations.outputValue']);
    }
    expect(missingItems({}).find((i) => i.field === 'operations.outputValue')?.message).toBe('二、生产经营情况：本年度再制造产值（万元）未填写');
  });
  it('names the empty cell of a row', () => {
    const f = completeReportForm();
    f.sites![0]!.table23!.reman!.rows![0]!.field = undefined;
    expect(missingItems(f).map((i) => i.field)).toEqual(['sites.0.table23.reman.rows.1.field']);
    expect(missingItems(f)[0]!.message).toBe('【番禺厂区】表2-3 再制造情况第1行：涉及领域未填写');
  });
  it('表2-3 is one part per announced site (附2, 七(一)3): each part checked on its own, the report totals are the sums', () => {
    const f = completeReportForm();
    const second = structuredClone(f.sites![0]!);
    f.sites!.push({ ...second, siteId: 'S2', siteName: '顺德车间' });
    expect(missingItems(f)).toEqual([]);
    expect(reportTotals(f)).toEqual({ recovery: 60, reman: 50, sales: 0 });
    f.sites![1]!.table23!.recovery!.total = 29;
    expect(formTableIssues(f).map((i) => i.field)).toEqual(['sites.1.table23.recovery.total']);
    expect(formTableIssues(f)[0]!.message).toMatch(/^【顺德车间】回收情况/);
    expect(missingItems({ ...f, sites: [] }).map((i) => i.field)).toContain('sites');
  });
  it('the sample form is complete and consistent', () => {
    const f = sampleReportForm({ scale: 1.7 });
    expect(missingItems(f)).toEqual([]);
    expect(totalsIssues(f.sites![0]!.table23)).toEqual([]);
  });
  it('the field column offers the nine fields of 一(一) and 其他', () => {
    expect(REPORT_FIELDS.map((f) => f.value)).toEqual([...REMAN_FIELD_VALUES, 'other']);
    expect(REPORT_FIELDS.at(-1)!.zh).toBe('其他');
  });
});

describe('workflow', () => {
  it('enterprise submits; authority returns or accepts, then forwards', () => {
    expect(nextReportState('draft', 'submit', 'enterprise')).toEqual({ ok: true, to: 'submitted' });
    expect(nextReportState('returned', 'submit', 'enterprise')).toEqual({ ok: true, to: 'submitted' });
    expect(nextReportState('submitted', 'return', 'authority')).toEqual({ ok: true, to: 'returned' });
    expect(nextReportState('submitted', 'accept', 'authority')).toEqual({ ok: true, to: 'accepted' });
    expect(nextReportState('accepted', 'forward', 'authority')).toEqual({ ok: true, to: 'forwarded' });
    expect(nextReportState('draft', 'accept', 'authority')).toEqual({ ok: false, reason: 'illegal' });
    expect(nextReportState('submitted', 'accept', 'enterprise')).toEqual({ ok: false, reason: 'wrong_actor' });
    expect(nextReportState('submitted', 'forward', 'authority')).toEqual({ ok: false, reason: 'illegal' });
  });
});

describe('表2-3 totals (property)', () => {
  it('a total equal to the sum never raises an issue; any other total always does, naming that section', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 100_000 }), { maxLength: 30 }), fc.integer({ min: -1000, max: 1000 }), fc.constantFrom('recovery' as const, 'reman' as const, 'sales' as const), (counts, delta, key) => {
        const sum = counts.reduce((a, b) => a + b, 0);
        const rows = counts.map((count) => ({ count }));
        expect(totalsIssues({ [key]: { total: sum, rows } })).toEqual([]);
        if (delta !== 0 && sum + delta >= 0) {
          const issues = totalsIssues({ [key]: { total: sum + delta, rows } });
          expect(issues.map((i) => i.field)).toEqual([`table23.${key}.total`]);
        }
      }),
    );
  });
});
