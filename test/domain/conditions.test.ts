import { describe, expect, it } from 'vitest';
import {
  CONDITION_RULES,
  RULES_VERSION,
  checkConditions,
  conditionRule,
  requiredAuditYears,
  auditReading,
  AUDIT_DOUBT_UNTIL,
  AUDIT_EXPECTED_FROM,
  REVENUE_RECONCILE_TOLERANCE_PERCENT,
  type ConditionInput,
  type TraceRates,
} from '../../src/domain/announcement/conditions.js';
import { compareRates } from '../../src/domain/announcement/rate-compare.js';
import { REMAN_RATE_FORMULA } from '../../src/domain/announcement/reman-rate.js';
import { ATTACHMENT_SLOTS, ApplicationFormSchema, type ApplicationForm, type AttachmentSlot } from '../../src/domain/announcement/form.js';
import { FIXTURE_AS_OF, completeApplicationForm, completeAttachments } from './fixtures.js';

type Form = ApplicationForm;
type T12 = NonNullable<Form['table12']>;

/** Evaluate one rule on the complete fixture after applying `edit`. */
function run(
  id: string,
  edit: (f: Form, a: Partial<Record<AttachmentSlot, number>>) => void = () => {},
  asOf = FIXTURE_AS_OF,
) {
  const rule = conditionRule(id);
  if (!rule) throw new Error(`no rule ${id}`);
  const form = completeApplicationForm();
  const attachments = completeAttachments();
  edit(form, attachments);
  return rule.evaluate({ form, attachments, asOf });
}
const t12 = (f: Form): T12 => f.table12!;

describe('CONDITION_RULES', () => {
  it('cover chapters 二–六 in order, with unique ids and clause text', () => {
    const clauses = CONDITION_RULES.map((r) => r.clause);
    expect(clauses).toEqual([
      '二(一)', '二(二)', '二(三)', '二(四)', '二(五)',
      '三(一)', '三(二)', '三(三)', '三(四)', '三(五)',
      '四(一)', '四(二)', '四(三)', '四(四)', '四(五)',
      '五(一)', '五(一)', '五(二)', '五(三)', '五(四)',
      '六(一)', '六(二)', '六(三)', '六(四)',
    ]);
    expect(new Set(CONDITION_RULES.map((r) => r.id)).size).toBe(CONDITION_RULES.length);
    for (const r of CONDITION_RULES) {
      expect(r.textZh.length).toBeGreaterThan(10);
      expect(r.textEn.length).toBeGreaterThan(10);
    }
  });

  it('the complete fixture is a valid form', () => {
    expect(ApplicationFormSchema.safeParse(completeApplicationForm()).success).toBe(true);
  });

  it('the complete fixture passes every rule except the document rules, which are review by nature', () => {
    const report = checkConditions({ form: completeApplicationForm(), attachments: completeAttachments(), asOf: FIXTURE_AS_OF });
    for (const r of report.results) {
      const rule = conditionRule(r.ruleId)!;
      expect({ id: r.ruleId, outcome: r.outcome }).toEqual({ id: r.ruleId, outcome: rule.reviewByNature ? 'review' : 'pass' });
    }
    expect(report.rulesVersion).toBe(RULES_VERSION);
    expect(report.asOf).toBe(FIXTURE_AS_OF);
    const docs = CONDITION_RULES.filter((r) => r.reviewByNature).length;
    expect(report.summary).toEqual({ pass: CONDITION_RULES.length - docs, fail: 0, review: docs });
  });

  it('an empty draft fails or needs review everywhere, and never throws', () => {
    const report = checkConditions({ form: {}, attachments: {}, asOf: FIXTURE_AS_OF });
    expect(report.summary.pass).toBe(0);
    expect(report.summary.fail + report.summary.review).toBe(CONDITION_RULES.length);
    for (const r of report.results) {
      expect(r.messageZh).not.toBe('');
      expect(r.messageEn).not.toBe('');
    }
  });

  it('rejects a malformed asOf', () => {
    expect(() => checkConditions({ form: {}, attachments: {}, asOf: '2026-02-30' } as ConditionInput)).toThrow(RangeError);
  });
});

describe.each([
  ['policy_compliance', 'policyCompliant', '二(一)'],
  ['not_in_protected_area', 'notInProtectedArea', '二(二)'],
  ['no_major_accidents', 'noMajorAccidents3y', '二(四)'],
  ['product_marking', 'remanProductsMarked', '四(四)'],
  ['no_secondary_pollution', 'noSecondaryPollution', '五(三)'],
] as const)('declaration rule %s (%s)', (id, field, clause) => {
  it(`is clause ${clause}`, () => expect(conditionRule(id)!.clause).toBe(clause));
  it('passes when declared', () => expect(run(id).outcome).toBe('pass'));
  it('fails when declared false', () => expect(run(id, (f) => (f.declarations![field] = false)).outcome).toBe('fail'));
  it('needs review when not answered, naming the field', () => {
    const r = run(id, (f) => delete f.declarations![field]);
    expect(r.outcome).toBe('review');
    expect(r.evidence.missing).toEqual([`declarations.${field}`]);
  });
});

describe('二(一) policy compliance evidence', () => {
  it('needs review when the approvals (rows 1–3) are not attached', () => {
    const r = run('policy_compliance', (_f, a) => (a.r02_land = 0));
    expect(r.outcome).toBe('review');
    expect(r.evidence.missing).toEqual(['attachments.r02_land']);
  });
});

describe('二(三) land use', () => {
  it('owned land passes', () => expect(run('land_use').outcome).toBe('pass'));
  it('a lease of 10 years passes, 9.99 years fails, 9 years fails', () => {
    const lease = (y: number) => run('land_use', (f) => Object.assign(t12(f), { landTenure: 'leased', leaseYears: y }));
    expect(lease(10).outcome).toBe('pass');
    expect(lease(20).outcome).toBe('pass');
    expect(lease(9.99).outcome).toBe('fail');
    expect(lease(9).outcome).toBe('fail');
    expect(lease(9).messageZh).toContain('少于 10 年');
  });
  it('a lease without a term needs review', () => {
    const r = run('land_use', (f) => Object.assign(t12(f), { landTenure: 'leased', leaseYears: null }));
    expect(r.outcome).toBe('review');
    expect(r.evidence.missing).toEqual(['table12.leaseYears']);
  });
  it('no tenure needs review', () => expect(run('land_use', (f) => (t12(f).landTenure = null)).outcome).toBe('review'));
  it('needs review without the title or lease contract', () => {
    const owned = run('land_use', (_f, a) => delete a.r05_land_title);
    expect(owned.outcome).toBe('review');
    expect(owned.evidence.missing).toEqual(['attachments.r05_land_title']);
    const leased = run('land_use', (f, a) => {
      Object.assign(t12(f), { landTenure: 'leased', leaseYears: 15 });
      a.r05_land_title = 0;
    });
    expect(leased.outcome).toBe('review');
  });
  it('a short lease fails even without the attachment', () => {
    expect(run('land_use', (f, a) => {
      Object.assign(t12(f), { landTenure: 'leased', leaseYears: 5 });
      a.r05_land_title = 0;
    }).outcome).toBe('fail');
  });
});

describe('二(五) audited financial reports: the three latest auditable years (cut-off 05-01, doubt window to 06-30)', () => {
  it('names the three latest years an audit can exist for, by phase', () => {
    expect(auditReading('2026-11-23', null)).toMatchObject({ phase: 'settled', latestYear: 2025, required: [2023, 2024, 2025] });
    expect(auditReading('2026-07-01', null)).toMatchObject({ phase: 'settled', required: [2023, 2024, 2025] });
    // before the cut-off the 2025 audit need not exist yet: the latest auditable year is 2024
    expect(auditReading('2026-01-01', null)).toMatchObject({ phase: 'before_cutoff', latestYear: 2024, required: [2022, 2023, 2024], newer: [2023, 2024, 2025] });
    expect(auditReading('2026-04-30', null)).toMatchObject({ phase: 'before_cutoff', required: [2022, 2023, 2024] });
    expect(auditReading('2026-05-01', null)).toMatchObject({ phase: 'doubt', latestYear: 2025, required: [2023, 2024, 2025], older: [2022, 2023, 2024] });
    expect(auditReading('2026-06-30', null)).toMatchObject({ phase: 'doubt' });
    expect(AUDIT_EXPECTED_FROM).toBe('05-01');
    expect(AUDIT_DOUBT_UNTIL).toBe('06-30');
    expect(requiredAuditYears('2026-11-23', 2)).toEqual([2024, 2025]);
    expect(requiredAuditYears('2026-11-23', 1)).toEqual([2025]);
    expect(requiredAuditYears('2026-11-23', 0)).toEqual([]);
    expect(requiredAuditYears('2026-03-01', 2)).toEqual([2023, 2024]);
  });
  it('never passes: 良好的财务状况 is not judged, the result is review with the figures', () => {
    const r = run('audited_financials');
    expect(r.outcome).toBe('review');
    expect(r.evidence.financialStatusJudged).toBe(false);
    expect(r.evidence.figures).toMatchObject({ debtRatio: 45, totalAssets: 32000 });
    expect(r.messageZh).toContain('资产负债率 45%');
    expect(r.messageZh).toContain('未作自动判断');
    expect(conditionRule('audited_financials')!.reviewByNature).toBe(true);
  });
  it('fails naming the missing year once the year is settled', () => {
    const r = run('audited_financials', (f) => (t12(f).auditedYears = [2023, 2025]));
    expect(r.outcome).toBe('fail');
    expect(r.evidence.lackingYears).toEqual([2024]);
    expect(r.messageZh).toContain('2024');
  });
  it('January–April: the previous year is not required; 2022–2024 is enough, 2023–2025 also is', () => {
    const older = (f: Form) => (t12(f).auditedYears = [2022, 2023, 2024]);
    expect(run('audited_financials', older, '2026-01-15').outcome).toBe('review');
    expect(run('audited_financials', older, '2026-04-30').outcome).toBe('review');
    expect(run('audited_financials', () => {}, '2026-02-01').outcome).toBe('review'); // 2023–2025 given
    expect(run('audited_financials', (f) => (t12(f).auditedYears = [2023, 2024]), '2026-02-01').outcome).toBe('fail');
  });
  it('in the window of doubt (05-01…06-30) a missing previous-year audit is review, not fail; from 07-01 it fails', () => {
    const older = (f: Form) => (t12(f).auditedYears = [2022, 2023, 2024]);
    const doubt = run('audited_financials', older, '2026-05-01');
    expect(doubt.outcome).toBe('review');
    expect(doubt.evidence.lackingYears).toEqual([2025]);
    expect(doubt.messageZh).toContain('可能尚未出具');
    expect(run('audited_financials', older, '2026-06-30').outcome).toBe('review');
    expect(run('audited_financials', older, '2026-07-01').outcome).toBe('fail');
    // two years missing is no doubt
    expect(run('audited_financials', (f) => (t12(f).auditedYears = [2023, 2024]), '2026-05-15').outcome).toBe('fail');
  });
  it('fails with no audited years', () => expect(run('audited_financials', (f) => delete t12(f).auditedYears).outcome).toBe('fail'));
  it('asks only for the years in operation when fewer than three', () => {
    expect(run('audited_financials', (f) => Object.assign(t12(f), { yearsInOperation: 2, auditedYears: [2024, 2025] })).outcome).toBe('review');
    expect(run('audited_financials', (f) => Object.assign(t12(f), { yearsInOperation: 2, auditedYears: [2025] })).outcome).toBe('fail');
    expect(run('audited_financials', (f) => Object.assign(t12(f), { yearsInOperation: 3, auditedYears: [2024, 2025] })).outcome).toBe('fail');
  });
  it('needs review for less than one year in operation', () => {
    expect(run('audited_financials', (f) => Object.assign(t12(f), { yearsInOperation: 0, auditedYears: [] })).outcome).toBe('review');
  });
  it('needs review without the audit reports attached, naming them', () => {
    const r = run('audited_financials', (_f, a) => (a.r14_audits = 0));
    expect(r.outcome).toBe('review');
    expect(r.evidence.missing).toEqual(['attachments.r14_audits']);
  });
});

describe('二(四) credit standing and accidents: each part examined on its own', () => {
  it('passes with the accident declaration and credit evidence (a report or the declaration)', () => {
    expect(run('no_major_accidents').outcome).toBe('pass');
    expect(run('no_major_accidents', (f, a) => ((a.credit_report = 0), (f.declarations!.noSeriousDishonesty = true))).evidence.examined).toEqual({ credit: 'declared', accidents: 'declared' });
    expect(run('no_major_accidents', (f, a) => ((a.credit_report = 1), delete f.declarations!.noSeriousDishonesty)).outcome).toBe('pass');
  });
  it('is review, never pass, when the credit part has no evidence', () => {
    const r = run('no_major_accidents', (f, a) => ((a.credit_report = 0), delete f.declarations!.noSeriousDishonesty));
    expect(r.outcome).toBe('review');
    expect(r.evidence.missing).toEqual(['declarations.noSeriousDishonesty', 'attachments.credit_report']);
    expect(r.messageZh).toContain('资信');
  });
  it('fails when the enterprise does not declare the absence of a serious dishonesty record and attaches nothing', () => {
    expect(run('no_major_accidents', (f, a) => ((a.credit_report = 0), (f.declarations!.noSeriousDishonesty = false))).outcome).toBe('fail');
  });
});

describe('三(一) equipment: 加工集成 includes 装配设备 (row 20)', () => {
  it('passes with all seven categories', () => expect(run('equipment').outcome).toBe('pass'));
  it('does not require packaging or other equipment', () => {
    expect(run('equipment', (f) => Object.assign(t12(f).equipment!, { packaging: undefined, other: [] })).outcome).toBe('pass');
  });
  it('fails without assembly equipment, naming row 20', () => {
    const r = run('equipment', (f) => (t12(f).equipment!.assembly = []));
    expect(r.outcome).toBe('fail');
    expect(r.evidence.missingCategories).toEqual(['assembly']);
    expect(r.messageZh).toContain('装配设备（第 20 行）');
  });
  it('fails listing each missing category', () => {
    const r = run('equipment', (f) => Object.assign(t12(f).equipment!, { ndt: [], performanceTest: undefined }));
    expect(r.outcome).toBe('fail');
    expect(r.evidence.missingCategories).toEqual(['ndt', 'performanceTest']);
    expect(r.messageZh).toContain('旧件无损探伤设备');
    expect(r.messageZh).toContain('整机性能测试设备');
    expect(r.messageEn).toContain('Non-destructive testing');
  });
  it('fails listing all seven when there is no equipment', () => {
    const r = run('equipment', (f) => delete t12(f).equipment);
    expect(r.evidence.missingCategories).toEqual(['disassembly', 'cleaning', 'ndt', 'inspection', 'machining', 'assembly', 'performanceTest']);
  });
});

describe.each([
  ['quality_inspection', '三(二)', ['r24_quality_records']],
  ['core_sourcing', '四(二)', ['r35_core_rules']],
  ['production_records', '四(三)', ['r34_tech_docs']],
  ['work_safety', '四(五)', ['r36_safety_rules']],
  ['environmental_rules', '五(一)', ['r37_env_rules']],
  ['environmental_emergency', '五(二)', ['r41_emergency']],
  ['employment', '五(四)', ['r42_labour']],
  ['after_sales', '六(一)', ['r43_aftersales', 'r44_manuals']],
  ['product_information', '六(二)', ['r44_manuals']],
  ['training', '六(三)', ['r45_training']],
] as const)('document rule %s (%s)', (id, clause, slots) => {
  it(`is clause ${clause} and review by nature`, () => {
    expect(conditionRule(id)!.clause).toBe(clause);
    expect(conditionRule(id)!.reviewByNature).toBe(true);
  });
  it('needs review (a reviewer reads the documents) when attached', () => expect(run(id).outcome).toBe('review'));
  it.each(slots)('fails when %s is absent, naming it', (slot) => {
    const r = run(id, (_f, a) => (a[slot] = 0));
    expect(r.outcome).toBe('fail');
    expect(r.evidence.missing).toEqual([`attachments.${slot}`]);
    expect(r.messageZh).toContain(ATTACHMENT_SLOTS.find((s) => s.key === slot)!.zh);
  });
});

describe('三(三) R&D team', () => {
  const team = (employees: number | null | undefined, college: number | null | undefined, rd: number | null | undefined) =>
    run('rd_team', (f) => {
      f.table11!.employees = employees;
      t12(f).collegeEducated = college;
      t12(f).rdStaff = rd;
    });
  it('30 % college-educated passes, 29.99 % fails', () => {
    expect(team(10_000, 3_000, 1_000).outcome).toBe('pass');
    const r = team(10_000, 2_999, 1_000);
    expect(r.outcome).toBe('fail');
    expect(r.messageZh).toContain('29.99%');
    expect(r.evidence.collegeRatio).toBe(29.99);
  });
  it('10 % R&D staff passes, 9.99 % fails', () => {
    expect(team(10_000, 5_000, 1_000).outcome).toBe('pass');
    const r = team(10_000, 5_000, 999);
    expect(r.outcome).toBe('fail');
    expect(r.messageEn).toContain('9.99 %');
  });
  it('compares unrounded: 29.995 % (shown as 30.00 % on the form) fails, with the exact figure in the message', () => {
    const r = team(20_000, 5_999, 2_000);
    expect(r.evidence.collegeRatio).toBe(30);
    expect(r.outcome).toBe('fail');
    expect(r.messageZh).toContain('29.995%');
  });
  it('small whole counts: 3 of 10 passes, 1 of 10 R&D passes, 2 of 10 fails', () => {
    expect(team(10, 3, 1).outcome).toBe('pass');
    expect(team(10, 2, 1).outcome).toBe('fail');
  });
  it('needs review when inputs are missing, and says which', () => {
    const r = team(null, 40, undefined);
    expect(r.outcome).toBe('review');
    expect(r.evidence.missing).toEqual(['table11.employees', 'table12.rdStaff']);
    expect(r.messageZh).toContain('员工人数（表1-1）');
    expect(r.messageEn).toContain('Missing data: employees (表1-1), R&D staff (row 26)');
  });
  it('fails when one ratio fails even if the other input is missing', () => {
    const r = team(100, 10, null);
    expect(r.outcome).toBe('fail');
    expect(r.evidence.missing).toEqual(['table12.rdStaff']);
  });
  it('needs review for 0 employees or counts above the total', () => {
    expect(team(0, 0, 0).outcome).toBe('review');
    expect(team(10, 11, 5).outcome).toBe('review');
  });
});

describe('三(四) R&D spending against the previous year’s 营业收入, reconciled with row 8', () => {
  // the fixture: R&D of 2025, 营业收入 of 2024 = row 8's 2024 主营业务收入 (8600)
  const spend = (rd: number | null, revenue: number | null) =>
    run('rd_spending', (f) => {
      Object.assign(t12(f), { rdSpending: rd, lastYearRevenue: revenue });
      if (revenue != null) t12(f).years!.find((y) => y.year === 2024)!.revenue = revenue;
    });
  it('3 % passes, 2.99 % fails', () => {
    expect(spend(30, 1000).outcome).toBe('pass');
    expect(spend(29.9, 1000).outcome).toBe('fail');
    expect(spend(299, 10_000).outcome).toBe('fail');
    expect(spend(300, 10_000).outcome).toBe('pass');
  });
  it('is not fooled by binary floating point at the boundary', () => {
    expect(spend(0.3, 10).outcome).toBe('pass');
    expect(spend(0.03, 1).outcome).toBe('pass');
    expect(spend(2.1, 70).outcome).toBe('pass');
  });
  it('needs review when inputs are missing or revenue is 0', () => {
    const r = spend(null, 1000);
    expect(r.outcome).toBe('review');
    expect(r.evidence.missing).toEqual(['table12.rdSpending']);
    expect(spend(10, 0).outcome).toBe('review');
  });
  it('flags a 营业收入 that differs from row 8 by more than 1 %, and fails only when the ratio fails under both', () => {
    const at = (revenue: number, row8: number, rd = 360) =>
      run('rd_spending', (f) => {
        Object.assign(t12(f), { rdSpending: rd, lastYearRevenue: revenue });
        t12(f).years!.find((y) => y.year === 2024)!.revenue = row8;
      });
    expect(at(8600, 8600).outcome).toBe('pass');
    expect(at(8686, 8600).outcome).toBe('pass'); // exactly 1 % of the larger? 86 < 86.86: within
    const flagged = at(9000, 8600);
    expect(flagged.outcome).toBe('review');
    expect(flagged.evidence.reconciliation).toEqual({ mismatch: true, tolerancePercent: REVENUE_RECONCILE_TOLERANCE_PERCENT });
    expect(flagged.messageZh).toContain('主营业务收入 8600');
    // 260 / 9000 = 2.89 % fails, 260 / 8600 = 3.02 % passes: ambiguous → review
    expect(at(9000, 8600, 260).outcome).toBe('review');
    // fails under both
    expect(at(9000, 8600, 200).outcome).toBe('fail');
  });
  it('needs the year of the R&D spending: without it, never pass', () => {
    const r = run('rd_spending', (f) => delete t12(f).rdSpendingYear);
    expect(r.outcome).toBe('review');
    expect(r.evidence.missing).toEqual(['table12.rdSpendingYear']);
    expect(run('rd_spending', (f) => Object.assign(t12(f), { rdSpendingYear: null, rdSpending: 1 })).outcome).toBe('fail');
  });
  it('does not flag when row 8 has no figure for the previous year', () => {
    const r = run('rd_spending', (f) => (t12(f).rdSpendingYear = 2023)); // previous year 2022 is not in rows 8–11
    expect(r.outcome).toBe('pass');
    expect(r.evidence.row8MainRevenue).toBeNull();
  });
});

describe('三(五) patents', () => {
  it('passes with a remanufacturing patent, the declaration and the attachment', () => expect(run('patents').outcome).toBe('pass'));
  it('fails without a remanufacturing-related patent', () => {
    expect(run('patents', (f) => (t12(f).patents = [])).outcome).toBe('fail');
    expect(run('patents', (f) => (t12(f).patents = [{ number: 'ZL1', title: 'packaging box', remanRelated: false }])).outcome).toBe('fail');
  });
  it('fails when the no-infringement declaration is refused, review when unanswered', () => {
    expect(run('patents', (f) => (t12(f).noInfringementDeclared = false)).outcome).toBe('fail');
    const r = run('patents', (f) => delete t12(f).noInfringementDeclared);
    expect(r.outcome).toBe('review');
    expect(r.evidence.missing).toEqual(['table12.noInfringementDeclared']);
  });
  it('needs review without the row-29 attachment', () => {
    const r = run('patents', (_f, a) => delete a.r29_patents);
    expect(r.outcome).toBe('review');
    expect(r.evidence.missing).toEqual(['attachments.r29_patents']);
  });
});

describe('四(一) management-system certificates', () => {
  it('a certificate valid until asOf passes; one that expired the day before fails, naming it', () => {
    expect(run('management_certificates', (f) => (t12(f).ohsCert!.validUntil = FIXTURE_AS_OF)).outcome).toBe('pass');
    const r = run('management_certificates', (f) => (t12(f).ohsCert!.validUntil = '2026-11-22'));
    expect(r.outcome).toBe('fail');
    expect(r.messageZh).toContain('职业健康安全管理体系认证证书已于 2026-11-22 过期');
    expect(r.messageZh).not.toContain('质量管理体系');
    expect((r.evidence.certificates as Record<string, { status: string }>).ohsCert.status).toBe('expired');
  });
  it('fails naming a certificate without a number', () => {
    const r = run('management_certificates', (f) => {
      t12(f).environmentCert = { number: ' ', validUntil: '2030-01-01' };
    });
    expect(r.outcome).toBe('fail');
    expect(r.messageEn).toContain('environmental management system certificate');
    expect(r.evidence.missing).toEqual(['table12.environmentCert.number']);
  });
  it('needs review when validity is not given or the copy is not attached', () => {
    expect(run('management_certificates', (f) => (t12(f).qualityCert!.validUntil = null)).outcome).toBe('review');
    const r = run('management_certificates', (_f, a) => (a.r32_ohs_cert = 0));
    expect(r.outcome).toBe('review');
    expect(r.evidence.missing).toEqual(['attachments.r32_ohs_cert']);
  });
  it('fails for all three when none is given', () => {
    const r = run('management_certificates', (f) => {
      delete t12(f).qualityCert;
      delete t12(f).ohsCert;
      delete t12(f).environmentCert;
    });
    expect(r.outcome).toBe('fail');
    expect(r.evidence.missing).toEqual(['table12.qualityCert.number', 'table12.ohsCert.number', 'table12.environmentCert.number']);
  });
});

describe('五(一) emissions (rows 38–40)', () => {
  it('all yes passes', () => expect(run('emissions').outcome).toBe('pass'));
  it.each(['wastewaterCompliant', 'airCompliant', 'noiseCompliant'] as const)('%s = no fails', (field) => {
    const r = run('emissions', (f) => (t12(f)[field] = 'no'));
    expect(r.outcome).toBe('fail');
  });
  it('a no wins over a missing answer', () => {
    expect(run('emissions', (f) => Object.assign(t12(f), { airCompliant: 'no', noiseCompliant: null })).outcome).toBe('fail');
  });
  it('a missing answer needs review, naming it', () => {
    const r = run('emissions', (f) => (t12(f).noiseCompliant = null));
    expect(r.outcome).toBe('review');
    expect(r.evidence.missing).toEqual(['table12.noiseCompliant']);
  });
  it('needs review without the test reports', () => expect(run('emissions', (_f, a) => (a.r38_40_emissions = 0)).outcome).toBe('review'));
});

describe('六(四) certified posts: 应持证上岗 is absolute', () => {
  const posts = (holders: number | null, staff: number | null) =>
    run('certified_posts', (f) => Object.assign(t12(f), { certifiedPostHolders: holders, certifiedPostStaff: staff }));
  it('100 % passes', () => expect(posts(25, 25).outcome).toBe('pass'));
  it('below 100 % fails, with the ratio', () => {
    const r = posts(24, 25);
    expect(r.outcome).toBe('fail');
    expect(r.evidence.certifiedPostRatio).toBe(96);
    expect(r.messageZh).toContain('96.00%');
    // 19999 of 20000 would show 100.00 — the message gives the exact figure
    expect(posts(19_999, 20_000).outcome).toBe('fail');
    expect(posts(19_999, 20_000).messageZh).toContain('99.995%');
  });
  it('needs review for missing counts, 0 staff or more holders than staff', () => {
    expect(posts(null, 25).evidence.missing).toEqual(['table12.certifiedPostHolders']);
    expect(posts(0, 0).outcome).toBe('review');
    expect(posts(26, 25).outcome).toBe('review');
  });
  it('needs review without the evidence attached', () => expect(run('certified_posts', (_f, a) => (a.r46_certified = 0)).outcome).toBe('review'));
});

describe('六(一) warranty not lower than the original new product’s', () => {
  const w = (lines: NonNullable<T12['warranties']>) => run('after_sales', (f) => (t12(f).warranties = lines));
  it('equal warranty is review (documents still read), shorter fails naming the model', () => {
    expect(w([{ model: 'A', newProductWarrantyMonths: 12, remanWarrantyMonths: 12 }]).outcome).toBe('review');
    expect(w([{ model: 'A', newProductWarrantyMonths: 12, remanWarrantyMonths: 24 }]).outcome).toBe('review');
    const r = w([
      { model: 'A', newProductWarrantyMonths: 12, remanWarrantyMonths: 12 },
      { model: 'B', newProductWarrantyMonths: 24, remanWarrantyMonths: 23 },
    ]);
    expect(r.outcome).toBe('fail');
    expect(r.messageZh).toContain('B 再制造产品质保期 23 个月，低于原型新品 24 个月');
  });
  it('without warranties, or with a half-filled line, it is review naming what is missing', () => {
    expect(w([]).evidence.missing).toEqual(['table12.warranties']);
    expect(w([{ model: 'A', newProductWarrantyMonths: 12 }]).evidence.missing).toEqual(['table12.warranties[0]']);
  });
});

describe('六(二) contracted processor (委托加工)', () => {
  const cp = (v: Form['contractProcessing']) => run('product_information', (f) => (f.contractProcessing = v));
  it('names the processors in the message when used', () => {
    const r = cp({ used: true, processors: [{ name: '某某精密加工有限公司' }] });
    expect(r.outcome).toBe('review');
    expect(r.evidence.processors).toEqual(['某某精密加工有限公司']);
    expect(r.messageZh).toContain('某某精密加工有限公司');
  });
  it('asks whether contract processing is used, and who, when used', () => {
    expect(cp(undefined).evidence.missing).toEqual(['contractProcessing.used']);
    expect(cp({ used: true, processors: [] }).evidence.missing).toEqual(['contractProcessing.processors']);
  });
});

describe('表1-2 rows 12–13: stated vs computed rates', () => {
  // the fixture's BOM gives R_m 84.00 %, R_v 76.00 %
  const flags = (mass: number | null, value: number | null, trace: TraceRates | null = null) => {
    const form = completeApplicationForm();
    Object.assign(t12(form), { declaredMassRate: mass, declaredValueRate: value });
    return checkConditions({ form, attachments: completeAttachments(), asOf: FIXTURE_AS_OF, traceRates: trace }).flags ?? [];
  };
  it('no flag without stated figures or within 5 points', () => {
    expect(flags(null, null)).toEqual([]);
    expect(flags(89, 71)).toEqual([]);
  });
  it('flags more than 5 points from the BOM or from the traced products, keeping the formula version', () => {
    const f = flags(89.01, 76);
    expect(f).toHaveLength(1);
    expect(f[0]!.ref).toBe('表1-2 第12–13行');
    expect(f[0]!.messageZh).toContain('质量再制造率自填 89.01%');
    expect((f[0]!.evidence as { formulaVersion: string }).formulaVersion).toBe(REMAN_RATE_FORMULA.version);
    const t = flags(84, 76, { massRate: 70, valueRate: 76, products: 12, formulaVersion: 'x' });
    expect(t[0]!.messageZh).toContain('按追溯记录的产品计算 70%');
    expect(compareRates(completeApplicationForm(), null).bom).toEqual({ massRate: 84, valueRate: 76 });
  });
});
