import { describe, expect, it } from 'vitest';
import { jointSubmission } from '../../src/domain/announcement/joint-submission.js';

const d = (id: string) => ({ applicationId: id, siteId: `site-${id}` });

describe('七(一)3 一并提交', () => {
  it('the drafts submitted now need nothing; every other draft is either confirmed or named', () => {
    expect(jointSubmission(['a'], [d('a')])).toEqual({ unconfirmed: [], deferred: [], invalid: [] });
    expect(jointSubmission(['a'], [d('a'), d('b'), d('c')]).unconfirmed.map((x) => x.applicationId)).toEqual(['b', 'c']);
    expect(jointSubmission(['a', 'b'], [d('a'), d('b'), d('c')], ['c'])).toEqual({ unconfirmed: [], deferred: [d('c')], invalid: [] });
  });
  it('a confirmation of something that is not another draft is invalid (also one submitted now)', () => {
    expect(jointSubmission(['a'], [d('a'), d('b')], ['b', 'a', 'x']).invalid).toEqual(['a', 'x']);
  });
});
