import { describe, expect, it } from 'vitest';
import { missingItems } from '../../src/domain/announcement/completeness.js';
import { ATTACHMENT_SLOTS, OUTLINE_SECTIONS, type ApplicationForm, type AttachmentSlot } from '../../src/domain/announcement/form.js';
import { completeApplicationForm, completeAttachments } from './fixtures.js';

const paths = (form: ApplicationForm, attachments: Partial<Record<AttachmentSlot, number>> = completeAttachments()) =>
  missingItems(form, attachments).map((i) => i.path);

function without(edit: (f: ApplicationForm) => void): string[] {
  const f = completeApplicationForm();
  edit(f);
  return paths(f);
}

describe('missingItems', () => {
  it('lists nothing for the complete fixture', () => {
    expect(missingItems(completeApplicationForm(), completeAttachments())).toEqual([]);
  });

  it('lists everything for an empty draft, with labels', () => {
    const items = missingItems({}, {});
    const p = items.map((i) => i.path);
    expect(p).toContain('fields');
    expect(p).toContain('declaration.accepted');
    expect(p).toContain('declaration.legalRepresentative');
    expect(p).toContain('declaration.date');
    for (const s of OUTLINE_SECTIONS) {
      if (s.key === 's6_other') expect(p).not.toContain('outline.s6_other');
      else expect(p).toContain(`outline.${s.key}`);
    }
    expect(p).toContain('table11.employees');
    expect(p).toContain('table11.selfDescription');
    expect(p).not.toContain('table11.fax');
    expect(p).not.toContain('table11.website');
    for (const k of ['investmentApprovalNo', 'landApprovalNo', 'environmentApprovalNo', 'businessLicenseNo', 'landTenure', 'siteArea', 'buildingArea', 'bom', 'auditedYears', 'collegeEducated', 'rdStaff', 'rdSpending', 'rdSpendingYear', 'lastYearRevenue', 'warranties', 'patents', 'noInfringementDeclared', 'wastewaterCompliant', 'airCompliant', 'noiseCompliant', 'certifiedPostHolders', 'certifiedPostStaff']) {
      expect(p).toContain(`table12.${k}`);
    }
    expect(p).not.toContain('table12.leaseYears'); // only when leased
    // rows 8–11: three years × four figures, the year numbers themselves are not items
    for (let i = 0; i < 3; i++) for (const k of ['revenue', 'remanOutput', 'remanSales', 'remanUnits']) expect(p).toContain(`table12.years[${i}].${k}`);
    expect(p).not.toContain('table12.years');
    // 三(一): 加工集成 includes 装配设备 (row 20)
    for (const c of ['disassembly', 'cleaning', 'ndt', 'inspection', 'machining', 'assembly', 'performanceTest']) expect(p).toContain(`table12.equipment.${c}`);
    for (const c of ['packaging', 'other']) expect(p).not.toContain(`table12.equipment.${c}`);
    expect(p).toContain('contractProcessing.used');
    expect(p).not.toContain('fieldsOther'); // only with 其他
    expect(p).not.toContain('table12.rateBasis'); // only with stated rates
    for (const c of ['qualityCert', 'ohsCert', 'environmentCert']) {
      expect(p).toContain(`table12.${c}.number`);
      expect(p).toContain(`table12.${c}.validUntil`);
    }
    for (const d of ['policyCompliant', 'notInProtectedArea', 'noMajorAccidents3y', 'remanProductsMarked', 'noSecondaryPollution']) expect(p).toContain(`declarations.${d}`);
    for (const s of ATTACHMENT_SLOTS) {
      if (s.required) expect(p).toContain(`attachments.${s.key}`);
      else expect(p).not.toContain(`attachments.${s.key}`);
    }
    expect(new Set(p).size).toBe(p.length);
    for (const i of items) {
      expect(i.zh).not.toBe('');
      expect(i.en).not.toBe('');
    }
    expect(items.find((i) => i.path === 'attachments.r04_license')!.zh).toContain('营业执照');
  });

  describe('single omissions', () => {
    const omissions: [string, (f: ApplicationForm) => void][] = [
      ['fields', (f) => (f.fields = [])],
      ['declaration.accepted', (f) => (f.declaration!.accepted = false)],
      ['declaration.legalRepresentative', (f) => (f.declaration!.legalRepresentative = '  ')],
      ['declaration.date', (f) => (f.declaration!.date = null)],
      ['outline.s3_marking', (f) => (f.outline!.s3_marking = '')],
      ['table11.postalCode', (f) => (f.table11!.postalCode = null)],
      ['table11.employees', (f) => delete f.table11!.employees],
      ['table11.selfDescription', (f) => (f.table11!.selfDescription = ' ')],
      ['table12.businessLicenseNo', (f) => (f.table12!.businessLicenseNo = '')],
      ['table12.buildingArea', (f) => (f.table12!.buildingArea = null)],
      ['table12.bom', (f) => (f.table12!.bom = [])],
      ['table12.auditedYears', (f) => (f.table12!.auditedYears = [])],
      ['table12.equipment.ndt', (f) => (f.table12!.equipment!.ndt = [])],
      ['table12.rdSpending', (f) => (f.table12!.rdSpending = null)],
      ['table12.patents', (f) => (f.table12!.patents = [])],
      ['table12.noInfringementDeclared', (f) => (f.table12!.noInfringementDeclared = false)],
      ['table12.ohsCert.validUntil', (f) => (f.table12!.ohsCert!.validUntil = null)],
      ['table12.airCompliant', (f) => (f.table12!.airCompliant = null)],
      ['table12.certifiedPostStaff', (f) => (f.table12!.certifiedPostStaff = undefined)],
      ['declarations.noSecondaryPollution', (f) => (f.declarations!.noSecondaryPollution = false)],
    ];
    it.each(omissions)('%s', (path, edit) => {
      expect(without(edit)).toEqual([path]);
    });

    it('a "no" emission answer is complete (the conditions check judges it)', () => {
      expect(without((f) => (f.table12!.airCompliant = 'no'))).toEqual([]);
    });

    it('zero is a value, not an omission', () => {
      expect(without((f) => (f.table12!.rdSpending = 0))).toEqual([]);
    });

    it('lease term only when leased', () => {
      expect(without((f) => (f.table12!.landTenure = 'leased'))).toEqual(['table12.leaseYears']);
      expect(without((f) => Object.assign(f.table12!, { landTenure: 'leased', leaseYears: 12 }))).toEqual([]);
    });

    it('fax, website and the optional outline section may stay empty', () => {
      expect(without((f) => Object.assign(f.table11!, { fax: null, website: '' }))).toEqual([]);
      expect(without((f) => (f.outline!.s6_other = undefined))).toEqual([]);
    });

    it('three distinct years, each with all four figures', () => {
      expect(without((f) => f.table12!.years!.pop())).toEqual(['table12.years[2].revenue', 'table12.years[2].remanOutput', 'table12.years[2].remanSales', 'table12.years[2].remanUnits']);
      expect(without((f) => (f.table12!.years![2].year = 2024))).toEqual(['table12.years']);
      expect(without((f) => (f.table12!.years![1].remanUnits = null))).toEqual(['table12.years[1].remanUnits']);
    });

    it('一(一) 其他 needs its description', () => {
      expect(without((f) => (f.fields = ['other']))).toEqual(['fieldsOther']);
      expect(without((f) => Object.assign(f, { fields: ['other'], fieldsOther: '医疗影像设备' }))).toEqual([]);
    });

    it('rows 12–13: stated rates need their calculation basis, text and attachment', () => {
      const { r12_13_rates: _r, ...rest } = completeAttachments();
      const f = completeApplicationForm();
      f.table12!.declaredMassRate = 80;
      expect(paths(f, rest)).toEqual(['table12.rateBasis', 'attachments.r12_13_rates']);
      f.table12!.rateBasis = '按 GB/T 28620 以发动机总成物料清单计算';
      expect(paths(f, { ...rest, r12_13_rates: 1 })).toEqual([]);
    });

    it('六(一) warranty lines and 六(二) contracted processors', () => {
      expect(without((f) => (f.table12!.warranties = [{ model: 'X', newProductWarrantyMonths: 12 }]))).toEqual(['table12.warranties[0].remanWarrantyMonths']);
      expect(without((f) => (f.contractProcessing = { used: true }))).toEqual(['contractProcessing.processors']);
      expect(without((f) => (f.contractProcessing = { used: true, processors: [{ name: ' ' }] }))).toEqual(['contractProcessing.processors[0].name']);
      expect(without((f) => (f.contractProcessing = { used: true, processors: [{ name: '某某加工厂' }] }))).toEqual([]);
    });

    it('a required attachment with no file, but not the optional standards slot', () => {
      expect(paths(completeApplicationForm(), { ...completeAttachments(), r24_quality_records: 0 })).toEqual(['attachments.r24_quality_records']);
      const { r30_standards: _, ...rest } = completeAttachments();
      expect(paths(completeApplicationForm(), rest)).toEqual([]);
    });
  });
});

describe('one definition of "missing" (issue 16 item 3)', () => {
  it('counts rows 8–11 the same whether the draft holds no year rows or the editor’s three empty ones', () => {
    const none = missingItems({}, {});
    const editorRows = missingItems({ table12: { years: [{ year: 2023 }, { year: 2024 }, { year: 2025 }] } }, {});
    expect(editorRows.length).toBe(none.length);
    // empty arrays and objects the editor adds change nothing either
    const editorShape = missingItems(
      { fields: [], declaration: {}, outline: {}, table11: {}, table12: { years: [{ year: 2023 }, { year: 2024 }, { year: 2025 }], bom: [], patents: [], standards: [], auditedYears: [], equipment: { disassembly: [], assembly: [] }, qualityCert: {}, ohsCert: {}, environmentCert: {}, rdInstitutions: {}, warranties: [] }, declarations: {} },
      {},
    );
    expect(editorShape.length).toBe(none.length);
  });
  it('counts each typed figure once, whatever its row index', () => {
    const a = missingItems({ table12: { years: [{ year: 2024, revenue: 1 }] } }, {});
    const b = missingItems({ table12: { years: [{ year: 2023 }, { year: 2024, revenue: 1 }, { year: 2025 }] } }, {});
    expect(a.length).toBe(b.length);
    expect(a.length).toBe(missingItems({}, {}).length - 1);
  });
});
