import { z } from 'zod';

export const AuthoritySchema = z
  .object({
    id: z.string(),
    kind: z.enum(['ministry', 'province', 'plan_city', 'xpcc']),
    regionCode: z.string().nullable(),
    name: z.string(),
    nameEn: z.string(),
  })
  .meta({ id: 'Authority' });

export const AuthorityParams = z.object({ id: z.string().max(40) });

export const RenameAuthorityBody = z
  .object({ name: z.string().trim().min(2).max(100).optional(), nameEn: z.string().trim().min(2).max(200).optional() })
  .refine((b) => b.name !== undefined || b.nameEn !== undefined, { message: 'Nothing to change', params: { zh: '没有要修改的字段' } });
export type RenameAuthority = z.infer<typeof RenameAuthorityBody>;
