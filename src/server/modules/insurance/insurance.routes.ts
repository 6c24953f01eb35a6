import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageOf } from '../../platform/paging.js';
import { AUTHORITY_ROLES, BUYER_ROLES, ENTERPRISE_ROLES, INSURER_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';
import { sendJson, type PublicCache } from '../../platform/public-cache.js';
import { CaseIdParam, ClaimListQuery, ClaimSchema, CodeParam, DecideClaimBody, FiguresSchema, PolicyIdParam, PolicyListQuery, PolicySchema, PublicInsuranceSchema, RecordPolicyBody } from './insurance.schema.js';
import type { InsuranceService } from './insurance.service.js';

const PARTIES = [...ENTERPRISE_ROLES, ...BUYER_ROLES, ...INSURER_ROLES, ...MINISTRY_ROLES];
const T = ['trading'];

/** 保险 (docs/trading.md "Insurance"). */
export async function insuranceRoutes(root: FastifyInstance, { insurance, publicCache }: { insurance: InsuranceService; publicCache: PublicCache }) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/insurance/policies', {
    config: { policy: { roles: [...ENTERPRISE_ROLES] } },
    schema: { tags: T, summary: '登记产品质量保险（随销售订单或租赁合同） Record a unit’s quality insurance at its sale or lease', body: RecordPolicyBody, response: { 201: PolicySchema } },
    handler: async (req, reply) => reply.status(201).send(await insurance.record(req.ctx, req.body)),
  });
  app.get('/api/v1/insurance/policies', {
    config: { policy: { roles: PARTIES } },
    schema: { tags: T, summary: '保单（企业：本企业产品的；保险机构：承保的；采购/承租方：持有的；工信部：全部），分页 Policies, paged', querystring: PolicyListQuery, response: { 200: pageOf(PolicySchema) } },
    handler: async (req) => {
      const { page, pageSize, productCode } = req.query;
      return { ...(await insurance.list(req.principal, { productCode }, { page, pageSize })), page, pageSize };
    },
  });
  app.get('/api/v1/insurance/policies/:id', {
    config: { policy: { roles: PARTIES } },
    schema: { tags: T, summary: '保单详情 One policy', params: PolicyIdParam, response: { 200: PolicySchema } },
    handler: async (req) => insurance.detail(req.principal, req.params.id),
  });
  app.get('/api/v1/insurance/claims', {
    config: { policy: { roles: PARTIES } },
    schema: { tags: T, summary: '转交保险机构的理赔（质保期外、保险期内的故障工单），分页 Claims routed to insurers, paged', querystring: ClaimListQuery, response: { 200: pageOf(ClaimSchema) } },
    handler: async (req) => {
      const { page, pageSize, status } = req.query;
      return { ...(await insurance.claims(req.principal, { status }, { page, pageSize })), page, pageSize };
    },
  });
  app.get('/api/v1/insurance/claims/:caseId', {
    config: { policy: { roles: PARTIES } },
    schema: { tags: T, summary: '理赔详情 One claim', params: CaseIdParam, response: { 200: ClaimSchema } },
    handler: async (req) => insurance.claim(req.principal, req.params.caseId),
  });
  app.post('/api/v1/insurance/claims/:caseId/decide', {
    config: { policy: { roles: [...INSURER_ROLES] } },
    schema: { tags: T, summary: '保险机构理赔决定（赔付金额不超过剩余保额，或拒赔） The insurer decides a claim', params: CaseIdParam, body: DecideClaimBody, response: { 200: ClaimSchema } },
    handler: async (req) => insurance.decide(req.ctx, req.params.caseId, req.body),
  });
  app.get('/api/v1/insurance/figures', {
    config: { policy: { roles: [...PARTIES, ...AUTHORITY_ROLES] } },
    schema: { tags: T, summary: '各企业投保产品与理赔统计 Insured units and claims per enterprise', response: { 200: FiguresSchema } },
    handler: async (req) => insurance.figures(req.principal),
  });
  app.get('/api/v1/public/insurance/:code', {
    config: { policy: { public: true } },
    schema: { tags: ['trading', 'public'], summary: '产品的质量保险（公开：承保机构、保单号、保额、期限） A unit’s quality insurance, public', params: CodeParam, response: { 200: PublicInsuranceSchema } },
    handler: async (req, reply) => sendJson(reply, publicCache.json('listings', insurance.publicKey(req.params.code), PublicInsuranceSchema, () => insurance.publicOfUnit(req.params.code))),
  });
}
