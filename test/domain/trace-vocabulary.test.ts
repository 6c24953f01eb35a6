import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BIZ_STEPS, DISPOSITIONS, GRADES, REMAN_NS, STEP_KINDS, STEP_MAPPING, stepKindOf, vocLabel } from '../../src/domain/trace/vocabulary.js';

const cbv = (file: string) => new Set((JSON.parse(readFileSync(`src/server/modules/epcis/schema/JSON-Schema/schemas/${file}`, 'utf8')).definitions[file.replace('-JSON-Schema.json', '')].anyOf.find((a: { enum?: string[] }) => a.enum).enum as string[]));

describe('reman extension vocabulary', () => {
  it('uses standard CBV 2.0 values where they exist, and only our namespace otherwise', () => {
    const steps = cbv('bizStep-JSON-Schema.json');
    const disps = cbv('disposition-JSON-Schema.json');
    for (const v of Object.values(BIZ_STEPS)) {
      if (v.standard) expect(steps.has(v.value), v.value).toBe(true);
      else {
        expect(v.value.startsWith(`${REMAN_NS}bizstep:`)).toBe(true);
        // never shadow a CBV value with our own
        expect(steps.has(v.value.slice(`${REMAN_NS}bizstep:`.length))).toBe(false);
      }
    }
    for (const v of Object.values(DISPOSITIONS)) {
      if (v.standard) expect(disps.has(v.value), v.value).toBe(true);
      else expect(disps.has(v.value.slice(`${REMAN_NS}disp:`.length))).toBe(false);
    }
  });

  it('every value has Chinese and English labels', () => {
    for (const v of [...Object.values(BIZ_STEPS), ...Object.values(DISPOSITIONS), ...Object.values(GRADES)]) {
      expect(v.label.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(v.label.en).toMatch(/[A-Za-z]/);
    }
  });

  it('maps every lifecycle step, and classifies events back into the same step (MES events included)', () => {
    for (const k of STEP_KINDS) {
      const m = STEP_MAPPING[k];
      expect(m.kind).toBe(k);
      expect(stepKindOf(m.eventType, m.bizStep, m.disposition), k).toBe(k);
    }
    expect(stepKindOf('ObjectEvent', 'repairing', null)).toBe('process');
    expect(stepKindOf('ObjectEvent', 'assembling', null)).toBeNull(); // only a TransformationEvent makes a product
    expect(stepKindOf('ObjectEvent', 'urn:partner:step', 'recalled')).toBe('recall');
    expect(vocLabel('shipping')).toEqual({ zh: '出厂发货', en: 'Shipping' });
    expect(vocLabel('urn:partner:voc:polishing')).toEqual({ zh: 'polishing', en: 'polishing' });
  });

  it('the docs list every mapping row', () => {
    const doc = readFileSync('docs/traceability.md', 'utf8');
    for (const k of STEP_KINDS) expect(doc, k).toContain(`| ${k} |`);
    for (const v of [...Object.values(BIZ_STEPS), ...Object.values(DISPOSITIONS)]) if (!v.standard) expect(doc, v.value).toContain(v.value);
  });
});
