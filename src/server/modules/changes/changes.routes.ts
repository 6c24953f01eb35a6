import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CHANGE_FACT_KEYS, CHANGE_FACTS, changeOverdue, type ChangeState } from '../../../domain/supervision/index.js';
import type { Clock } from '../../platform/clock.js';
import { AUTHORITY_ROLES, ENTERPRISE_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';
import type { Principal } from '../../platform/principal.js';
import { bi, isoDate } from '../../platform/validation.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import { EXTENSION, type AcceptedMime } from '../files/files.content.js';
import type { FileService } from '../files/files.service.js';
import { isAuthorityOf, isEnterpriseAdminOf, isMinistry } from '../revocations/supervision.policy.js';
import { readBodyAndFiles } from '../revocations/upload.js';
import type { ChangeRow } from './changes.repo.js';
import type { ChangeService } from './changes.service.js';

const VIEWERS = [...ENTERPRISE_ROLES, ...AUTHORITY_ROLES, ...MINISTRY_ROLES] as const;
const IdParam = z.object({ id: z.uuid() });
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
const ResubmitBody = z.object({ description: z.string().trim().min(5).max(10000).optional() });
const CheckBody = z.object({ passed: z.boolean(), opinion: z.string().trim().min(2, bi('Give the opinion', '请填写验收核实意见')).max(5000) });
const ConfirmBody = z.object({ confirmed: z.boolean(), opinion: z.string().trim().min(2, bi('Give the opinion', '请填写核实意见')).max(5000) });
const ListQuery = z.object({
  state: z.preprocess((v) => (typeof v === 'string' ? v.split(',') : v), z.array(z.enum(STATES))).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

const FileRef = z.object({ sha256: z.string(), mime: z.string(), size: z.number() });
const ChangeSchema = z
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
    createdAt: z.string(),
    actions: z.array(z.string()),
  })
  .meta({ id: 'ChangeRequest' });

export async function changeRoutes(root: FastifyInstance, deps: { changes: ChangeService; enterprises: EnterpriseService; files: FileService; clock: Clock; maxUploadBytes: number }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { changes, clock } = deps;

  function actions(p: Principal | null, c: ChangeRow): string[] {
    const out: string[] = [];
    if (isAuthorityOf(p, c.authorityId) && c.state === 'submitted') out.push('check');
    if (isEnterpriseAdminOf(p, c.enterpriseId) && c.state === 'check_failed') out.push('resubmit');
    if (isMinistry(p) && c.state === 'check_passed') out.push('confirm');
    return out;
  }
  async function present(req: FastifyRequest, rows: ChangeRow[]) {
    const names = await deps.enterprises.names([...new Set(rows.map((r) => r.enterpriseId))]);
    const shas = [...new Set(rows.flatMap((r) => r.attachments))];
    const meta = new Map((await deps.files.meta(shas)).map((m) => [m.sha256, m]));
    const today = clock.today();
    return rows.map((c) => ({
      id: c.id,
      enterpriseId: c.enterpriseId,
      enterpriseName: names.get(c.enterpriseId) ?? '',
      authorityId: c.authorityId,
      siteId: c.siteId,
      items: c.items.map((i) => {
        const f = CHANGE_FACTS.find((x) => x.key === i.fact);
        return { fact: i.fact, factZh: f?.zh ?? i.fact, factEn: f?.en ?? i.fact, old: i.old, new: i.new };
      }),
      changeDate: c.changeDate,
      deadline: c.deadline,
      overdue: changeOverdue({ state: c.state as ChangeState, changeDate: c.changeDate }, today),
      overdueFlagged: c.overdueFlaggedAt != null,
      description: c.description,
      attachments: c.attachments.map((s) => ({ sha256: s, mime: meta.get(s)?.mime ?? 'application/octet-stream', size: Number(meta.get(s)?.size ?? 0) })),
      state: c.state,
      checkOpinion: c.checkOpinion,
      checkedOn: c.checkedOn,
      confirmOpinion: c.confirmOpinion,
      confirmedOn: c.confirmedOn,
      createdAt: c.createdAt.toISOString(),
      actions: actions(req.principal, c),
    }));
  }
  const one = async (req: FastifyRequest, c: ChangeRow) => (await present(req, [c]))[0]!;

  app.get('/api/v1/changes', {
    config: { policy: { roles: VIEWERS } },
    schema: { tags: ['supervision'], summary: '变更申请（按角色范围；overdue=true 仅逾期） Change requests in scope', querystring: ListQuery, response: { 200: z.object({ items: z.array(ChangeSchema) }) } },
    handler: async (req) => ({ items: await present(req, await changes.list(req.principal, { states: req.query.state, overdue: req.query.overdue === 'true' })) }),
  });

  app.post('/api/v1/changes', {
    config: { policy: { roles: ['enterprise_admin'] } },
    schema: {
      tags: ['supervision'],
      summary: '提出变更申请（七(二)3） File a change request',
      description: 'JSON, or multipart/form-data with the same fields (items as a JSON string) plus up to 5 files.',
      response: { 201: ChangeSchema },
    },
    handler: async (req, reply) => {
      const { body, files } = await readBodyAndFiles(req, deps.maxUploadBytes);
      const c = await changes.create(req.ctx, ChangeBody.parse(body), files);
      return reply.status(201).send(await one(req, c));
    },
  });

  app.get('/api/v1/changes/:id', {
    config: { policy: { roles: VIEWERS } },
    schema: { tags: ['supervision'], summary: '变更申请详情 One change request', params: IdParam, response: { 200: ChangeSchema } },
    handler: async (req) => one(req, await changes.load(req.principal, req.params.id)),
  });

  app.post('/api/v1/changes/:id/check', {
    config: { policy: { roles: AUTHORITY_ROLES } },
    schema: { tags: ['supervision'], summary: '省级验收核实 Acceptance check (pass / fail)', params: IdParam, body: CheckBody, response: { 200: ChangeSchema } },
    handler: async (req) => one(req, await changes.check(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/v1/changes/:id/resubmit', {
    config: { policy: { roles: ['enterprise_admin'] } },
    schema: { tags: ['supervision'], summary: '整改后重新提交 Resubmit after a failed check', params: IdParam, response: { 200: ChangeSchema } },
    handler: async (req) => {
      const { body, files } = await readBodyAndFiles(req, deps.maxUploadBytes);
      return one(req, await changes.resubmit(req.ctx, req.params.id, ResubmitBody.parse(body), files));
    },
  });

  app.post('/api/v1/changes/:id/confirm', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['supervision'], summary: '工信部核实（通过后公告名单显示新信息） MIIT confirmation', params: IdParam, body: ConfirmBody, response: { 200: ChangeSchema } },
    handler: async (req) => one(req, await changes.confirm(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/v1/changes/flag-overdue', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['supervision'], summary: '标记逾期变更并通知（幂等；每日任务亦调用） Flag overdue change requests', body: z.object({}).optional(), response: { 200: z.object({ flagged: z.number() }) } },
    handler: async (req) => ({ flagged: await changes.flagOverdue(req.ctx) }),
  });

  app.get('/api/v1/changes/:id/files/:sha', {
    config: { policy: { roles: VIEWERS } },
    schema: { tags: ['supervision'], summary: '下载变更证明材料 Download an attachment', params: z.object({ id: z.uuid(), sha: z.string().regex(/^[0-9a-f]{64}$/) }) },
    handler: async (req, reply) => {
      const f = await changes.file(req.principal, req.params.id, req.params.sha);
      const ext = EXTENSION[f.mime as AcceptedMime] ?? 'bin';
      return reply.header('content-type', f.mime).header('content-disposition', `attachment; filename="change-file.${ext}"`).send(f.data);
    },
  });
}
