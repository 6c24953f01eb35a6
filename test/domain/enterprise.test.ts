import { describe, expect, it } from 'vitest';
import {
  ENTERPRISE_TYPES,
  ENTERPRISE_TYPE_VALUES,
  LISTING_STATUSES,
  LISTING_STATUS_VALUES,
  REMAN_FIELDS,
  REMAN_FIELD_VALUES,
  ROLES,
  ROLE_VALUES,
  labelOf,
  orgKindForRole,
} from '../../src/domain/enterprise.js';

const cases = [
  ['ENTERPRISE_TYPES', ENTERPRISE_TYPES, ENTERPRISE_TYPE_VALUES, 6],
  ['LISTING_STATUSES', LISTING_STATUSES, LISTING_STATUS_VALUES, 3],
  ['REMAN_FIELDS', REMAN_FIELDS, REMAN_FIELD_VALUES, 9],
  ['ROLES', ROLES, ROLE_VALUES, 13],
] as const;

describe.each(cases)('%s', (_name, options, values, count) => {
  it(`has ${count} unique, labelled values in tuple order`, () => {
    expect(options).toHaveLength(count);
    expect(options.map((o) => o.value)).toEqual([...values]);
    expect(new Set(values).size).toBe(count);
    expect(new Set(options.map((o) => o.zh)).size).toBe(count);
    expect(new Set(options.map((o) => o.en)).size).toBe(count);
  });
});

describe('enterprise enumerations', () => {
  it('carries the 表1-1 and 一(一) wording', () => {
    expect(labelOf(ENTERPRISE_TYPES, 'private')).toBe('内资-民营');
    expect(labelOf(LISTING_STATUSES, 'none')).toBe('否');
    expect(REMAN_FIELDS.map((f) => f.zh).join('、')).toBe(
      '工程机械、机床工具、重型机械、石化通用机械、内燃机、电工电器、农业机械、机械基础件、文化办公设备',
    );
    expect(labelOf(ROLES, 'expert', 'en')).toBe('Expert');
  });
  it('maps roles to organisation kinds', () => {
    expect(ROLE_VALUES.map(orgKindForRole)).toEqual([
      'enterprise',
      'enterprise',
      'authority',
      'authority',
      'ministry',
      'ministry',
      'expert',
      'buyer',
      'buyer',
      'testing_org',
      'testing_org',
      'insurer',
      'insurer',
    ]);
  });
});
