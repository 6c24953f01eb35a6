import type { Db } from '../../db/client.js';
import { searchBackfillTarget, type SearchBackfillTarget } from '../../platform/search/backfill.js';
import { catalogueSearchTexts } from './catalogue.repo.js';

/**
 * Catalogue applications stored with an empty search vector (not through the repo: a restore, rows loaded by SQL), or
 * all of them after the segmenter changed, get the vector the repo writes: batches by id, each written where the text
 * is still the one read (platform/search/backfill.ts runs the batches, as the job `search.backfill` or `reman search:backfill`).
 */
export function catalogueSearchBackfill(db: Db): SearchBackfillTarget {
  return searchBackfillTarget(db, catalogueSearchTexts);
}
