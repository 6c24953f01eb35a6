import { z } from 'zod';
import { PageQuery, pageOf } from '../../platform/paging.js';
import { bi } from '../../platform/validation.js';

export const RegisterBody = z.object({
  orgName: z.string().trim().min(2, bi('At least 2 characters', '至少 2 个字')).max(200),
  creditCode: z.string().trim().toUpperCase().length(18, bi('Must be 18 characters', '统一社会信用代码须为 18 位')),
  contactName: z.string().trim().min(1).max(50),
  phone: z
    .string()
    .trim()
    .refine((v) => /^[0-9+\-() ]{5,30}$/.test(v), bi('Not a phone number', '电话号码格式不正确')),
  username: z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => /^[a-z0-9][a-z0-9._-]{1,63}$/.test(v), bi('2–64 letters, digits, . _ -, starting with a letter or digit', '用户名须为 2–64 位字母、数字或 . _ -，以字母或数字开头')),
  password: z.string().min(1).max(128),
  /** 'insurer': an insurance company (保险, issue 13) — its users see the policies it underwrites and the claims routed to it */
  kind: z.enum(['buyer', 'insurer'], bi('buyer or insurer', '须为 buyer（采购单位）或 insurer（保险机构）')).default('buyer'),
});
export type RegisterInput = z.input<typeof RegisterBody>;

export const RegisteredSchema = z
  .object({
    organization: z.object({ id: z.string(), name: z.string(), creditCode: z.string(), kind: z.enum(['buyer', 'insurer']) }),
    user: z.object({ id: z.string(), username: z.string(), role: z.enum(['buyer_admin', 'insurer_admin']) }),
  })
  .meta({ id: 'BuyerRegistration' });

export const BuyerOrgSchema = z
  .object({ id: z.string(), name: z.string(), creditCode: z.string(), kind: z.enum(['buyer', 'insurer']), contactName: z.string(), createdAt: z.string() })
  .meta({ id: 'BuyerOrg' });
export const BuyerOrgPage = pageOf(BuyerOrgSchema);
/** The ministry admin's directory: one kind (buyer or insurer), `q` part of the name or the start of the credit code. */
export const BuyerOrgQuery = PageQuery.extend({
  kind: z.enum(['buyer', 'insurer'], bi('buyer or insurer', '须为 buyer（采购单位）或 insurer（保险机构）')),
  q: z.string().trim().max(100).optional(),
});
