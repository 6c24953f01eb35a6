import { z } from 'zod';
import { REMAN_FIELD_VALUES } from '../../../domain/enterprise.js';
import { PageQuery } from '../../platform/paging.js';

export const ExpertBody = z.object({
  name: z.string().trim().min(1).max(100),
  organization: z.string().trim().min(1).max(200),
  title: z.string().trim().max(100).default(''),
  /** Fields of expertise: the nine remanufacturing fields of 规范条件 一(一). */
  fields: z.array(z.enum(REMAN_FIELD_VALUES)).min(1).max(9),
  phone: z.string().trim().max(30).nullable().optional(),
  email: z.email().nullable().optional(),
  /** The enterprise the expert works for, if any (conflict of interest on assignment). */
  affiliatedEnterpriseId: z.uuid().nullable().optional(),
});

export const ExpertSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    organization: z.string(),
    title: z.string(),
    fields: z.array(z.enum(REMAN_FIELD_VALUES)),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    affiliatedEnterpriseId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Expert' });

export const ExpertQuery = PageQuery.extend({ q: z.string().trim().max(100).optional(), field: z.enum(REMAN_FIELD_VALUES).optional() });
export const IdParam = z.object({ id: z.uuid() });
