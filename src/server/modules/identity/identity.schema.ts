import { z } from 'zod';
import { ROLE_VALUES } from '../../../domain/enterprise.js';
import { isKnownScope } from '../../platform/scopes.js';
import { bi } from '../../platform/validation.js';


export const OrgSchema = z.object({
  id: z.string(),
  /** buyer and insurer: registered trading organisations (an insurer's users hold the buyer roles) */
  kind: z.enum(['enterprise', 'authority', 'expert', 'buyer', 'insurer', 'testing_org']),
  name: z.string(),
});

export const MeSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLE_VALUES),
    mustChangePassword: z.boolean(),
    organization: OrgSchema,
  })
  .meta({ id: 'Me' });

export const SessionSchema = z.object({ user: MeSchema, csrfToken: z.string() });

export const LoginBody = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const PasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

/** `allSessions`: also sign out every other session of the user ("退出所有设备"). */
export const LogoutBody = z.object({ allSessions: z.boolean().optional() }).nullish();

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => /^[a-z0-9][a-z0-9._-]{1,63}$/.test(v), bi('2–64 characters: lower-case letters, digits, . _ -', '用户名须为 2–64 位小写字母、数字或 . _ -'));

export const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLE_VALUES),
    organization: OrgSchema,
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    lockedUntil: z.string().nullable(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

export const CreateUserBody = z.object({
  username: Username,
  displayName: z.string().trim().min(1).max(100),
  role: z.enum(ROLE_VALUES),
  /** An enterprise id, an authority id ('miit' for the ministry), an expert id, a buyer's or an insurer's id (GET /api/v1/buyer-orgs) or a published testing organisation's id; it must fit the role's kind. */
  organizationId: z.string().trim().min(1).max(64),
});

export const UpdateUserBody = z
  .object({
    displayName: z.string().trim().min(1).max(100).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, bi('Nothing to change', '没有要修改的字段'));

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
});

export const TokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  scopes: z.array(z.string()),
});
export const CreateTokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  /** what the token may reach (GET /api/v1/tokens/scopes lists the known scopes); omitted: epcis:write, epcis:read, trace:read */
  scopes: z
    .array(z.string().refine(isKnownScope, bi('Unknown scope (see GET /api/v1/tokens/scopes)', '未知的权限范围（见 GET /api/v1/tokens/scopes）')))
    .min(1, bi('Choose at least one scope', '请至少选择一项权限范围'))
    .max(50)
    .transform((a) => [...new Set(a)])
    .optional(),
});
export const ScopeListSchema = z.object({ items: z.array(z.object({ scope: z.string(), label: z.object({ zh: z.string(), en: z.string() }) })) });
export const IdParam = z.object({ id: z.string().uuid(bi('Must be a UUID', '必须是 UUID')) });
