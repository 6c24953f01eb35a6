import { z } from 'zod';
import { PageQuery, pageOf } from '../../platform/paging.js';

export const NotificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  titleEn: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const NotificationPage = pageOf(NotificationSchema).extend({ unread: z.number() });
export const NotificationQuery = PageQuery;
export const IdParam = z.object({ id: z.uuid() });
export const Marked = z.object({ marked: z.number() });
