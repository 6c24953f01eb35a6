import type { Db } from '../../db/client.js';
import { searchBackfillTarget, type SearchBackfillTarget } from '../../platform/search/backfill.js';
import { postingSearchTexts } from './core-exchange.repo.js';

/**
 * 旧件交易 postings posted before their search column (migration 20261215020000), or all of them after the segmenter
 * changed, get the vector a new posting gets: batches by id, each written where name, model and note are still the
 * ones read (platform/search/backfill.ts runs the batches, as the job `search.backfill` or `reman search:backfill`).
 */
export function corePostingsSearchBackfill(db: Db): SearchBackfillTarget {
  return searchBackfillTarget(db, postingSearchTexts);
}
