import { describe, expect, it } from 'vitest';
import { attributedSite, resolveStepSite, siteIdOfLocation, siteLocation } from '../../src/domain/trace/site.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

describe('the site of a lifecycle event (issue 15 item 14, 七(一)3 / 附2 表2-3 per site)', () => {
  it('writes and reads the platform site URN; other locations name no site', () => {
    expect(siteLocation(A)).toBe(`urn:reman-platform:site:${A}`);
    expect(siteIdOfLocation(siteLocation(A))).toBe(A);
    expect(siteIdOfLocation('urn:epc:id:sgln:6901234.00001.0')).toBeNull();
    expect(siteIdOfLocation('urn:reman-platform:site:not-a-uuid')).toBeNull();
    expect(siteIdOfLocation(null)).toBeNull();
  });
  it('an event counts for the site it names; without one for the only site, or 场地未知 with several', () => {
    expect(attributedSite(siteLocation(B), [A, B])).toBe(B);
    expect(attributedSite(null, [A, B])).toBeNull();
    expect(attributedSite(null, [A])).toBe(A);
    // a foreign location (SGLN of an MES) is not a platform site: the only site, else unknown
    expect(attributedSite('urn:epc:id:sgln:6901234.00001.0', [A])).toBe(A);
    expect(attributedSite('urn:epc:id:sgln:6901234.00001.0', [A, B])).toBeNull();
    // a site of another enterprise named by a foreign document is not one of ours
    expect(attributedSite(siteLocation(B), [A])).toBe(A);
    expect(attributedSite(null, [])).toBeNull();
  });
  it('a form names the site by id or name; empty = the only site; a foreign site is refused', () => {
    const sites = [{ id: A, name: '番禺厂区' }, { id: B, name: '花都厂区' }];
    expect(resolveStepSite(B, sites)).toEqual({ siteId: B });
    expect(resolveStepSite('番禺厂区', sites)).toEqual({ siteId: A });
    expect(resolveStepSite(' ', sites)).toEqual({ siteId: null });
    expect(resolveStepSite(undefined, [sites[0]!])).toEqual({ siteId: A });
    expect(resolveStepSite('白云厂区', sites)).toEqual({ error: 'unknown_site' });
  });
});
