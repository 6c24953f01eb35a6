import { z } from 'zod';
import { CONDITION_CHAPTER_KEYS } from '../../../domain/announcement/chapters.js';
import { CHANGE_FACT_KEYS } from '../../../domain/supervision/index.js';
import { PageQuery } from '../../platform/paging.js';
import { bi, isoDate } from '../../platform/validation.js';
import { FileRef } from '../supervision/index.js';

const STATES = ['submitted', 'check_passed', 'check_failed', 'confirmed', 'not_confirmed'] as const;

export const ChangeBody = z.object({
  siteId: z.uuid(bi('Must be a UUID', '必须是 UUID')).nullable().optional(),
  changeDate: isoDate,
  description: z.string().trim().min(5, bi('Describe the change and the rectification (at least 5 characters)', '请说明变更及整改情况（至少 5 个字）')).max(10000),
  items: z
    .array(
      z.object({
        fact: z.enum(CHANGE_FACT_KEYS),
        old: z.string().trim().max(2000).default(''),
        new: z.string().trim().min(1, bi('Give the new value', '请填写变更后内容')).max(2000),
      }),
    )
    .min(1, bi('List at least one changed fact', '至少填写一项变更事项'))
    .max(20),
});
export type ChangeInput = z.infer<typeof ChangeBody>;
export const ResubmitBody = z.object({ description: z.string().trim().min(5).max(10000).optional() });
export const CheckBody = z.object({ passed: z.boolean(), opinion: z.string().trim().min(2, bi('Give the opinion', '请填写验收核实意见')).max(5000) });
export const ConfirmBody = z.object({ confirmed: z.boolean(), opinion: z.string().trim().min(2, bi('Give the opinion', '请填写核实意见')).max(5000) });
/** 七(二)3 专家验收核实: the authority involves experts of the pool. */
export const ChangeExpertsBody = z.object({ expertIds: z.array(z.uuid()).min(1, bi('Choose at least one expert', '至少选择一名专家')).max(20) });
/**
 * An expert's opinion on a change: per 规范条件 chapter 二–六 where the change touches it (at least one), and
 * whether the enterprise still meets the conditions after the change.
 */
export const ChangeExpertOpinionBody = z.object({
  chapters: z
    .object(Object.fromEntries(CONDITION_CHAPTER_KEYS.map((c) => [c, z.string().trim().min(1).max(5000).optional()])) as Record<(typeof CONDITION_CHAPTER_KEYS)[number], z.ZodOptional<z.ZodString>>)
    .refine((o) => Object.values(o).some((v) => v), bi('Give the opinion for at least one chapter', '至少对一章给出意见')),
  conclusion: z.enum(['meets', 'does_not_meet']),
  comment: z.string().trim().max(5000).optional(),
});
export type ChangeExpertOpinion = z.infer<typeof ChangeExpertOpinionBody>;

export const ChangeListQuery = PageQuery.extend({
  state: z.preprocess((v) => (typeof v === 'string' ? v.split(',') : v), z.array(z.enum(STATES))).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

export const ChangeSchema = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    authorityId: z.string(),
    siteId: z.string().nullable(),
    items: z.array(z.object({ fact: z.string(), factZh: z.string(), factEn: z.string(), old: z.string(), new: z.string() })),
    changeDate: z.string(),
    deadline: z.string(),
    overdue: z.boolean(),
    overdueFlagged: z.boolean(),
    description: z.string(),
    attachments: z.array(FileRef),
    state: z.string(),
    checkOpinion: z.string().nullable(),
    checkedOn: z.string().nullable(),
    confirmOpinion: z.string().nullable(),
    confirmedOn: z.string().nullable(),
    /** 七(二)3 予以公告: the day MIIT's confirmation was published on the public list of change notices */
    publishedOn: z.string().nullable(),
    /** 七(二)3 专家验收核实: the experts involved and their opinions (detail only) */
    experts: z
      .array(z.object({ expertId: z.string(), name: z.string(), organization: z.string(), submitted: z.boolean(), opinion: z.looseObject({ conclusion: z.string().optional(), chapters: z.record(z.string(), z.string()).optional(), chapterTitles: z.record(z.string(), z.string()).optional(), comment: z.string().optional() }).nullable() }))
      .optional(),
    createdAt: z.string(),
    actions: z.array(z.string()),
  })
  .meta({ id: 'ChangeRequest' });

/** A published change notice (七(二)3 对仍符合本规范条件的，予以公告), as the public sees it. */
export const PublicChangeSchema = z
  .object({
    id: z.string(),
    enterpriseName: z.string(),
    items: z.array(z.object({ factZh: z.string(), factEn: z.string(), old: z.string(), new: z.string() })),
    changeDate: z.string(),
    confirmedOn: z.string(),
    publishedOn: z.string(),
  })
  .meta({ id: 'PublicChangeNotice' });
