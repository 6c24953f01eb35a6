import { z } from 'zod';
import { REMAN_FIELD_VALUES } from '../../../domain/enterprise.js';
import { PageQuery } from '../../platform/paging.js';
import { isoDate } from '../../platform/validation.js';

export const IdParam = z.object({ id: z.uuid() });

const History = z.array(z.object({ on: z.string(), fact: z.string(), old: z.string(), new: z.string() }));

export const EntrySchema = z.object({
  seq: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  siteName: z.string(),
  fields: z.array(z.string()),
  status: z.string(),
  /** 七(二)4: the day the entry was revoked (null while on the list). */
  revokedOn: z.string().nullable(),
  /** 七(二)3: confirmed changes of the listed facts, old → new. */
  history: History,
});
export const BatchSchema = z
  .object({ id: z.string(), batchNo: z.number(), docNumber: z.string(), announcedOn: z.string(), title: z.string(), entries: z.array(EntrySchema) })
  .meta({ id: 'AnnouncementBatch' });

export const PublishBody = z.object({
  applicationIds: z.array(z.uuid()).min(1).max(1000),
  announcedOn: isoDate.optional(),
  docNumber: z.string().trim().min(4).max(100).optional(),
  title: z.string().trim().min(2).max(200).optional(),
});

export const BatchListItem = BatchSchema.omit({ entries: true }).extend({
  /** all entries of the batch; `entries` holds the first page of them (GET …/{id}/entries pages the rest) */
  entryCount: z.number(),
  entries: z.array(EntrySchema),
});
export const BatchPageQuery = PageQuery.extend({ entriesPageSize: PageQuery.shape.pageSize });

export const AnnouncedPage = z.object({
  items: z.array(
    z.object({
      enterpriseName: z.string(),
      creditCode: z.string(),
      regionCode: z.string(),
      regionName: z.string(),
      siteName: z.string(),
      fields: z.array(z.string()),
      batch: z.object({ batchNo: z.number(), docNumber: z.string(), announcedOn: z.string() }),
      history: History,
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
/** The announced list's filters, shared by the list and its .xlsx download. */
export const AnnouncedFilter = z.object({
  q: z.string().trim().max(100).optional(),
  region: z.string().trim().regex(/^\d{2,6}$/).optional(),
  field: z.enum(REMAN_FIELD_VALUES).optional(),
});
export const AnnouncedQuery = AnnouncedFilter.extend(PageQuery.shape);
