import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageOf } from '../../platform/paging.js';
import { BUYER_ROLES, ENTERPRISE_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';
import { readOneFile, sendAttachment } from '../../platform/multipart.js';
import { DocumentSchema, AcceptBody, DeclineBody, IdParam, MatchListQuery, MatchSchema, PostBody, PostingListQuery, PostingSchema, ProposeBody, SuggestionList } from './core-exchange.schema.js';
import type { CoreExchangeService } from './core-exchange.service.js';

/** Enterprises and registered organisations (recyclers, dealers). */
const PARTIES = [...ENTERPRISE_ROLES, ...BUYER_ROLES];
const T = ['trading'];

/** 旧件交易 core exchange (docs/trading.md "Core exchange"). */
export async function coreExchangeRoutes(root: FastifyInstance, { core, maxUploadBytes }: { core: CoreExchangeService; maxUploadBytes: number }) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/core-exchange/postings', {
    config: { policy: { roles: PARTIES } },
    schema: { tags: T, summary: '发布旧件供应或需求 Post a supply or demand of cores', body: PostBody, response: { 201: PostingSchema } },
    handler: async (req, reply) => reply.status(201).send(await core.post(req.ctx, req.body)),
  });
  app.get('/api/v1/core-exchange/postings', {
    config: { policy: { roles: PARTIES } },
    schema: { tags: T, summary: '旧件供需信息（公开中的，或 mine=true 本单位的全部），分页 Core postings, paged', querystring: PostingListQuery, response: { 200: pageOf(PostingSchema) } },
    handler: async (req) => {
      const { page, pageSize, mine, ...f } = req.query;
      return { ...(await core.list(req.principal, { ...f, mine: mine === 'true' }, { page, pageSize })), page, pageSize };
    },
  });
  app.get('/api/v1/core-exchange/postings/:id', {
    config: { policy: { roles: PARTIES } },
    schema: { tags: T, summary: '旧件供需信息详情 One core posting', params: IdParam, response: { 200: PostingSchema } },
    handler: async (req) => core.detail(req.principal, req.params.id),
  });
  app.post('/api/v1/core-exchange/postings/:id/withdraw', {
    config: { policy: { roles: PARTIES } },
    schema: { tags: T, summary: '撤回旧件供需信息 Withdraw a core posting', params: IdParam, response: { 200: PostingSchema } },
    handler: async (req) => core.withdraw(req.ctx, req.params.id),
  });
  app.get('/api/v1/core-exchange/postings/:id/suggestions', {
    config: { policy: { roles: PARTIES } },
    schema: { tags: T, summary: '匹配建议（按型号/领域、等级、数量，附理由） Match suggestions with their reasons', params: IdParam, response: { 200: SuggestionList } },
    handler: async (req) => core.suggestions(req.principal, req.params.id),
  });
  app.post('/api/v1/core-exchange/matches', {
    config: { policy: { roles: PARTIES } },
    schema: { tags: T, summary: '提出匹配（供应方提出时声明旧件来源） Propose a match', body: ProposeBody, response: { 201: MatchSchema } },
    handler: async (req, reply) => reply.status(201).send(await core.propose(req.ctx, req.body)),
  });
  app.get('/api/v1/core-exchange/matches', {
    config: { policy: { roles: PARTIES } },
    schema: { tags: T, summary: '本单位参与的旧件交易匹配，分页 My core matches, paged', querystring: MatchListQuery, response: { 200: pageOf(MatchSchema) } },
    handler: async (req) => {
      const { page, pageSize, ...f } = req.query;
      return { ...(await core.matches(req.principal, f, { page, pageSize })), page, pageSize };
    },
  });
  app.get('/api/v1/core-exchange/matches/:id', {
    config: { policy: { roles: PARTIES } },
    schema: { tags: T, summary: '旧件交易匹配详情 One core match', params: IdParam, response: { 200: MatchSchema } },
    handler: async (req) => core.match(req.principal, req.params.id),
  });
  app.post('/api/v1/core-exchange/matches/:id/accept', {
    config: { policy: { roles: PARTIES } },
    schema: { tags: T, summary: '确认匹配：双方同意，转移记入双方追溯 Accept: the transfer is recorded in both traces', params: IdParam, body: AcceptBody, response: { 201: MatchSchema } },
    handler: async (req, reply) => reply.status(201).send(await core.accept(req.ctx, req.params.id, req.body)),
  });
  app.post('/api/v1/core-exchange/documents', {
    config: { policy: { roles: PARTIES } },
    schema: { tags: T, summary: '上传旧件来源证明文件（按内容和大小检查），供来源声明引用 Upload a source declaration\'s supporting document (checked by content and size)', consumes: ['multipart/form-data'], response: { 201: DocumentSchema } },
    handler: async (req, reply) => reply.status(201).send(await core.uploadDocument(req.ctx, (await readOneFile(req, maxUploadBytes)).file)),
  });
  app.get('/api/v1/core-exchange/matches/:id/document', {
    config: { policy: { roles: [...PARTIES, ...MINISTRY_ROLES] } },
    schema: { tags: T, summary: '下载来源声明的证明文件（交易双方和工信部） Download the declaration\'s supporting document (the two parties and MIIT)', params: IdParam },
    handler: async (req, reply) => sendAttachment(reply, await core.matchDocument(req.principal, req.params.id)),
  });
  app.post('/api/v1/core-exchange/matches/:id/decline', {
    config: { policy: { roles: PARTIES } },
    schema: { tags: T, summary: '拒绝或撤回匹配 Decline or take back a match', params: IdParam, body: DeclineBody, response: { 200: MatchSchema } },
    handler: async (req) => core.decline(req.ctx, req.params.id, req.body),
  });
}
