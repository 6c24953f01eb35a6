import { z } from 'zod';
import { ENTERPRISE_TYPE_VALUES, LISTING_STATUS_VALUES } from '../../../domain/enterprise.js';
import { isRegionCode } from '../../../domain/regions.js';
import { bi } from '../../platform/validation.js';


export const RegionCode = z
  .string()
  .trim()
  .refine(isRegionCode, bi('Must be a 6-digit GB/T 2260 region code of a mainland province', '须为 6 位 GB/T 2260 行政区划代码'));
const Phone = z
  .string()
  .trim()
  .refine((v) => /^[0-9+\-() ]{5,30}$/.test(v), bi('Not a phone number', '电话号码格式不正确'));
const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const EnterpriseFields = z.object({
  name: z.string().trim().min(2).max(200),
  creditCode: z.string().trim().toUpperCase().length(18, bi('Must be 18 characters', '统一社会信用代码须为 18 位')),
  /** An authority confirms a code that fails the GB 32100 checksum (some early codes are legal). */
  confirmCreditCodeOverride: z.boolean().optional(),
  regionCode: RegionCode,
  address: z.string().trim().min(2).max(300),
  postalCode: z
    .string()
    .trim()
    .refine((v) => /^[0-9]{6}$/.test(v), bi('Must be 6 digits', '邮编须为 6 位数字'))
    .nullable()
    .optional(),
  website: OptionalText(200),
  legalRepresentative: z.string().trim().min(1).max(50),
  contactName: z.string().trim().min(1).max(50),
  contactPhone: Phone,
  contactEmail: z.email(bi('Not an e-mail address', '邮箱格式不正确')).nullable().optional(),
  enterpriseType: z.enum(ENTERPRISE_TYPE_VALUES),
  listingStatus: z.enum(LISTING_STATUS_VALUES),
  parentId: z.uuid().nullable().optional(),
  /** 新疆生产建设兵团 enterprises are assigned to the 兵团 authority explicitly. */
  xpcc: z.boolean().optional(),
});
export type EnterpriseInput = z.infer<typeof EnterpriseFields>;

export const CreateEnterpriseBody = EnterpriseFields;
export const UpdateEnterpriseBody = EnterpriseFields.partial().refine(
  (b) => Object.keys(b).length > 0,
  bi('Nothing to change', '没有要修改的字段'),
);

export const EnterpriseSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    creditCode: z.string(),
    creditCodeOverride: z.boolean(),
    regionCode: z.string(),
    regionName: z.string(),
    address: z.string(),
    postalCode: z.string().nullable(),
    website: z.string().nullable(),
    legalRepresentative: z.string(),
    contactName: z.string(),
    contactPhone: z.string(),
    contactEmail: z.string().nullable(),
    enterpriseType: z.enum(ENTERPRISE_TYPE_VALUES),
    listingStatus: z.enum(LISTING_STATUS_VALUES),
    parentId: z.string().nullable(),
    parentName: z.string().nullable(),
    authority: z.object({ id: z.string(), name: z.string() }),
    siteCount: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Enterprise' });

export const ListEnterprisesQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  /** Name (contains) or credit code (prefix). */
  q: z.string().trim().max(100).optional(),
  /** Province code (e.g. 440000) or any region code: matches enterprises whose region is within it. */
  province: z
    .string()
    .trim()
    .refine((v) => /^[0-9]{6}$/.test(v), bi('Must be a 6-digit region code', '须为 6 位行政区划代码'))
    .optional(),
  authorityId: z.string().trim().max(40).optional(),
});

export const SiteSchema = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    name: z.string(),
    address: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Site' });

export const SiteBody = z.object({
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().min(2).max(300),
  regionCode: RegionCode,
});
export const UpdateSiteBody = SiteBody.partial().refine((b) => Object.keys(b).length > 0, bi('Nothing to change', '没有要修改的字段'));

export const EnterpriseIdParam = z.object({ id: z.uuid(bi('Must be a UUID', '必须是 UUID')) });
export const SiteParams = z.object({ id: z.uuid(bi('Must be a UUID', '必须是 UUID')), siteId: z.uuid(bi('Must be a UUID', '必须是 UUID')) });
