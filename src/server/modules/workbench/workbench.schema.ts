import { z } from 'zod';
import { PageQuery } from '../../platform/paging.js';

export const TodoSchema = z.object({
  kind: z.enum(['application', 'notice', 'annual_report', 'supervision']),
  id: z.string(),
  title: z.string(),
  titleEn: z.string(),
  state: z.string(),
  link: z.string(),
  since: z.string(),
});
export type Todo = z.infer<typeof TodoSchema>;

export const TodoQuery = PageQuery;
export const TodoPage = z.object({ items: z.array(TodoSchema), counts: z.record(z.string(), z.number()), total: z.number(), page: z.number(), pageSize: z.number() });
