/** The title of a case opened from an alarm, in each language (domain/monitoring/cases.ts alarmCaseTitle). */
import { describe, expect, it } from 'vitest';
import { SEVERITIES, SEVERITY_LABELS } from '../../../src/domain/monitoring/alarm-rules.js';
import { alarmCaseTitle } from '../../../src/domain/monitoring/cases.js';
import { THING_MODEL_TEMPLATES } from '../../../src/domain/monitoring/thing-model.js';

describe('alarmCaseTitle', () => {
  const engine = THING_MODEL_TEMPLATES.engine.metrics;

  it('names the metric as the thing model names it and the severity by its label, in each language', () => {
    expect(alarmCaseTitle({ key: 'coolantTemp', severity: 'MAJOR' }, engine)).toEqual({ zh: '告警：冷却液温度 重要', en: 'Alarm: Coolant temperature (Major)' });
    expect(alarmCaseTitle({ key: 'oilPressure', severity: 'CRITICAL' }, engine)).toEqual({ zh: '告警：机油压力 严重', en: 'Alarm: Oil pressure (Critical)' });
  });

  it('falls back to the key when the model does not name the metric (no model, or a key outside it)', () => {
    expect(alarmCaseTitle({ key: 'coolantTemp', severity: 'WARNING' })).toEqual({ zh: '告警：coolantTemp 警告', en: 'Alarm: coolantTemp (Warning)' });
    expect(alarmCaseTitle({ key: 'boostPressure', severity: 'MINOR' }, engine)).toEqual({ zh: '告警：boostPressure 次要', en: 'Alarm: boostPressure (Minor)' });
  });

  it('shows an unknown severity as it is rather than failing', () => {
    expect(alarmCaseTitle({ key: 'rpm', severity: 'FATAL' }, engine)).toEqual({ zh: '告警：转速 FATAL', en: 'Alarm: Engine speed (FATAL)' });
  });

  it('every severity has a label in both languages, and the English text has no Chinese', () => {
    for (const s of SEVERITIES) {
      expect(SEVERITY_LABELS[s].zh).toMatch(/\p{Script=Han}/u);
      expect(alarmCaseTitle({ key: 'flow', severity: s }, THING_MODEL_TEMPLATES.hydraulicPump.metrics).en).not.toMatch(/\p{Script=Han}/u);
    }
  });
});
