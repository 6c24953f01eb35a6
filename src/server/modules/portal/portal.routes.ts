import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readOneFile, sendAttachment } from '../../platform/multipart.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PageQuery } from '../../platform/paging.js';
import { MINISTRY_ROLES } from '../../platform/policy.js';
import { queryKey, sendJson, type PublicCache } from '../../platform/public-cache.js';
import type { PortalContentService } from './content.service.js';
import type { PortalService } from './portal.service.js';
import { openDataRoutes } from './opendata.routes.js';
import { portalPageRoutes, type SitemapSource } from './pages.routes.js';
import { presentDemoUnit, presentPolicy, presentPolicyListItem, presentProvinceCounts, presentStandard, presentTestingOrg } from './portal.presenter.js';
import {
  AdminQuery,
  AttachmentParams,
  HistoryPage,
  DemoUnitInput,
  DemoUnitPage,
  DemoUnitPatch,
  DemoUnitQuery,
  DemoUnitSchema,
  IdParam,
  PolicyInput,
  PolicyAdminPage,
  PolicyPage,
  PolicyPatch,
  PolicyQuery,
  PolicySchema,
  ProvinceCounts,
  StandardInput,
  StandardPage,
  StandardDeclarationPage,
  StandardPatch,
  StandardQuery,
  StandardSchema,
  TestingOrgInput,
  TestingOrgPage,
  TestingOrgPatch,
  TestingOrgQuery,
  TestingOrgSchema,
} from './portal.schema.js';

const EDITORS = { policy: { roles: MINISTRY_ROLES } };
const PUBLIC = { policy: { public: true as const } };



/**
 * 公共信息服务 content (docs/public-portal.md): MIIT's editing routes under /api/v1/portal/…, the public's
 * read routes under /api/v1/public/… (published only, cached under the 'portal' tag, rate-limited).
 */
export async function portalRoutes(root: FastifyInstance, deps: { portal: PortalService; publicCache: PublicCache; maxUploadBytes: number; webDir: string; sitemapSources?: readonly SitemapSource[]; sitemapUrlsPerFile?: number }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { publicCache } = deps;
  const content = deps.portal.content;
  const tags = ['portal'];

  // ------------------------------------------------------------ MIIT: one set of editing routes per kind
  const editing = <K extends 'standards' | 'policies' | 'demoUnits' | 'testingOrgs'>(
    kind: K,
    path: string,
    names: [string, string],
    schemas: { input: z.ZodType; patch: z.ZodType; item: z.ZodType; page: z.ZodType },
    present: (p: FastifyRequest['principal'], row: never) => unknown,
  ) => {
    const svc = content[kind] as unknown as {
      adminPage: PortalContentService['standards']['adminPage'];
      get: (p: unknown, id: string) => Promise<never>;
      create: (ctx: unknown, input: Record<string, unknown>) => Promise<never>;
      update: (ctx: unknown, id: string, patch: Record<string, unknown>) => Promise<never>;
      publish: (ctx: unknown, id: string) => Promise<never>;
      withdraw: (ctx: unknown, id: string) => Promise<never>;
      history: PortalContentService['standards']['history'];
    };
    const base = `/api/v1/portal/${path}`;
    app.get(base, {
      config: EDITORS,
      schema: { tags, summary: `${names[0]}（全部状态） ${names[1]}: every state`, querystring: AdminQuery, response: { 200: schemas.page } },
      handler: async (req) => {
        const { page, pageSize, q, state } = req.query;
        const { rows, total } = await svc.adminPage({ q, state }, { page, pageSize });
        return { items: rows.map((r) => present(req.principal, r as never)), total, page, pageSize };
      },
    });
    app.post(base, {
      config: EDITORS,
      schema: { tags, summary: `新建${names[0]}（草稿） New ${names[1]} (draft)`, body: schemas.input, response: { 201: schemas.item } },
      handler: async (req, reply) => reply.status(201).send(present(req.principal, await svc.create(req.ctx, req.body as Record<string, unknown>))),
    });
    app.get(`${base}/:id`, {
      config: EDITORS,
      schema: { tags, summary: `${names[0]}详情 One ${names[1]}`, params: IdParam, response: { 200: schemas.item } },
      handler: async (req) => present(req.principal, await svc.get(req.principal, req.params.id)),
    });
    app.patch(`${base}/:id`, {
      config: EDITORS,
      schema: { tags, summary: `修改${names[0]} Edit a ${names[1]}`, params: IdParam, body: schemas.patch, response: { 200: schemas.item } },
      handler: async (req) => present(req.principal, await svc.update(req.ctx, req.params.id, req.body as Record<string, unknown>)),
    });
    app.post(`${base}/:id/publish`, {
      config: EDITORS,
      schema: { tags, summary: `发布${names[0]} Publish a ${names[1]}`, params: IdParam, response: { 200: schemas.item } },
      handler: async (req) => present(req.principal, await svc.publish(req.ctx, req.params.id)),
    });
    app.get(`${base}/:id/history`, {
      config: EDITORS,
      schema: { tags, summary: `${names[0]}的操作记录 Audit trail of a ${names[1]}`, params: IdParam, response: { 200: HistoryPage } },
      handler: async (req) => {
        const { items, total } = await svc.history(req.principal, req.params.id);
        return { items: items.map((r) => ({ id: r.id, at: r.at.toISOString(), action: r.action, actorUsername: r.actorUsername, actorRole: r.actorRole })), total };
      },
    });
    app.post(`${base}/:id/withdraw`, {
      config: EDITORS,
      schema: { tags, summary: `撤回${names[0]} Withdraw a ${names[1]}`, params: IdParam, response: { 200: schemas.item } },
      handler: async (req) => present(req.principal, await svc.withdraw(req.ctx, req.params.id)),
    });
  };

  editing('standards', 'standards', ['标准', 'standard'], { input: StandardInput, patch: StandardPatch, item: StandardSchema, page: StandardPage }, (p, r) => presentStandard(p, r));
  editing('policies', 'policies', ['政策文件', 'policy document'], { input: PolicyInput, patch: PolicyPatch, item: PolicySchema, page: PolicyAdminPage }, (p, r) => presentPolicy(p, r, false));
  editing('demoUnits', 'demonstration-units', ['示范单位', 'demonstration unit'], { input: DemoUnitInput, patch: DemoUnitPatch, item: DemoUnitSchema, page: DemoUnitPage }, (p, r) => presentDemoUnit(p, r));
  editing('testingOrgs', 'testing-organizations', ['检测机构', 'testing organisation'], { input: TestingOrgInput, patch: TestingOrgPatch, item: TestingOrgSchema, page: TestingOrgPage }, (p, r) => presentTestingOrg(p, r));

  app.post('/api/v1/portal/policies/:id/attachments', {
    config: EDITORS,
    schema: { tags, summary: '上传政策文件附件（按内容检查） Attach a file to a policy document', params: IdParam, consumes: ['multipart/form-data'], response: { 201: PolicySchema } },
    handler: async (req, reply) => reply.status(201).send(presentPolicy(req.principal, await content.policies.attach(req.ctx, req.params.id, (await readOneFile(req, deps.maxUploadBytes)).file), false)),
  });
  app.get('/api/v1/portal/policies/:id/attachments/:n', {
    config: EDITORS,
    schema: { tags, summary: '下载附件（任何状态） Download an attachment (any state)', params: AttachmentParams },
    handler: async (req, reply) => sendAttachment(reply, await content.policies.attachment(req.principal, req.params.id, req.params.n)),
  });

  // ------------------------------------------------------------ the public: published only, cached
  app.get('/api/v1/public/standards', {
    config: PUBLIC,
    schema: { tags: ['public'], summary: '标准库（已发布） Standards library', querystring: StandardQuery, response: { 200: StandardPage } },
    handler: async (req, reply) =>
      sendJson(
        reply,
        publicCache.json('portal', `standards:${queryKey(req.query)}`, StandardPage, async () => {
          const { page, pageSize, q, status, type } = req.query;
          const { rows, total } = await content.standards.publicList({ q, status, type }, { page, pageSize });
          const replaced = await content.standards.idsByCode(rows.map((r) => r.replacedBy).filter((c): c is string => !!c));
          return { items: rows.map((r) => presentStandard(null, r, replaced)), total, page, pageSize };
        }),
      ),
  });
  app.get('/api/v1/public/standards/:id', {
    config: PUBLIC,
    schema: { tags: ['public'], summary: '标准详情 One standard', params: IdParam, response: { 200: StandardSchema } },
    handler: async (req, reply) =>
      sendJson(
        reply,
        publicCache.json('portal', `standard:${req.params.id}`, StandardSchema, async () => {
          const r = await content.standards.get(null, req.params.id);
          return presentStandard(null, r, await content.standards.idsByCode(r.replacedBy ? [r.replacedBy] : []));
        }),
      ),
  });
  app.get('/api/v1/public/standards/:id/declarations', {
    config: PUBLIC,
    schema: {
      tags: ['public'],
      summary: '声明执行该标准的目录型号、产品与公告企业 Who declares a standard: catalogue models, traced products, announced enterprises',
      params: IdParam,
      querystring: PageQuery,
      response: { 200: StandardDeclarationPage },
    },
    // cached under 'declarations': dropped after a standard's publication, a catalogue listing, an announcement, a trace capture
    handler: async (req, reply) =>
      sendJson(reply, publicCache.json('declarations', `standard-declarations:${req.params.id}:${queryKey(req.query)}`, StandardDeclarationPage, () => deps.portal.declarations.of(req.params.id, req.query))),
  });
  app.get('/api/v1/public/policies', {
    config: PUBLIC,
    schema: { tags: ['public'], summary: '政策与通知（已发布） Policies and notices', querystring: PolicyQuery, response: { 200: PolicyPage } },
    handler: async (req, reply) =>
      sendJson(
        reply,
        publicCache.json('portal', `policies:${queryKey(req.query)}`, PolicyPage, async () => {
          const { page, pageSize, q, category } = req.query;
          const { rows, total } = await content.policies.publicList({ q, category }, { page, pageSize });
          return { items: rows.map((r) => presentPolicyListItem(null, r)), total, page, pageSize };
        }),
      ),
  });
  app.get('/api/v1/public/policies/:id', {
    config: PUBLIC,
    schema: { tags: ['public'], summary: '政策文件全文 One policy document', params: IdParam, response: { 200: PolicySchema } },
    handler: async (req, reply) => sendJson(reply, publicCache.json('portal', `policy:${req.params.id}`, PolicySchema, async () => presentPolicy(null, await content.policies.get(null, req.params.id)))),
  });
  app.get('/api/v1/public/policies/:id/attachments/:n', {
    config: PUBLIC,
    schema: { tags: ['public'], summary: '政策文件附件 Attachment of a published policy document', params: AttachmentParams },
    handler: async (req, reply) => sendAttachment(reply, await content.policies.attachment(null, req.params.id, req.params.n)),
  });
  app.get('/api/v1/public/demonstration-units', {
    config: PUBLIC,
    schema: { tags: ['public'], summary: '示范单位（已发布） Demonstration units', querystring: DemoUnitQuery, response: { 200: DemoUnitPage } },
    handler: async (req, reply) =>
      sendJson(
        reply,
        publicCache.json('portal', `units:${queryKey(req.query)}`, DemoUnitPage, async () => {
          const { page, pageSize, ...f } = req.query;
          const { rows, total } = await content.demoUnits.publicList(f, { page, pageSize });
          return { items: rows.map((r) => presentDemoUnit(null, r)), total, page, pageSize };
        }),
      ),
  });
  app.get('/api/v1/public/demonstration-units/by-province', {
    config: PUBLIC,
    schema: { tags: ['public'], summary: '示范单位按省份统计（地图） Demonstration units per province', response: { 200: ProvinceCounts } },
    handler: async (_req, reply) => sendJson(reply, publicCache.json('portal', 'units-by-province', ProvinceCounts, async () => presentProvinceCounts(await content.demoUnits.countByProvince()))),
  });
  app.get('/api/v1/public/testing-organizations', {
    config: PUBLIC,
    schema: { tags: ['public'], summary: '第三方检测评价机构（已发布） Testing organisations', querystring: TestingOrgQuery, response: { 200: TestingOrgPage } },
    handler: async (req, reply) =>
      sendJson(
        reply,
        publicCache.json('portal', `orgs:${queryKey(req.query)}`, TestingOrgPage, async () => {
          const { page, pageSize, q, province } = req.query;
          const { rows, total } = await content.testingOrgs.publicList({ q, province }, { page, pageSize });
          return { items: rows.map((r) => presentTestingOrg(null, r)), total, page, pageSize };
        }),
      ),
  });

  await openDataRoutes(root, { opendata: deps.portal.opendata, publicCache });
  await portalPageRoutes(root, { portal: deps.portal, publicCache, webDir: deps.webDir, sitemapSources: deps.sitemapSources, sitemapUrlsPerFile: deps.sitemapUrlsPerFile });
}
