import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageOf } from '../../platform/paging.js';
import { BUYER_ROLES, ENTERPRISE_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';
import { presentLeases } from './leasing.presenter.js';
import type { LeaseRow } from './leasing.repo.js';
import { BillBody, CreateLeaseBody, LeaseIdParam, LeaseListQuery, LeaseSchema, PayRentBody, RentParam, ReturnBody, TerminateBody } from './leasing.schema.js';
import type { LeasingService } from './leasing.service.js';
import { renderLeaseXlsx } from './leasing.xlsx.js';

const PARTIES = [...BUYER_ROLES, ...ENTERPRISE_ROLES, ...MINISTRY_ROLES];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 租赁与以租代购 (docs/trading.md "Leasing"). */
export async function leasingRoutes(root: FastifyInstance, deps: { leasing: LeasingService }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { leasing } = deps;
  const one = async (req: FastifyRequest, l: LeaseRow) => (await presentLeases(leasing, req.principal, [l]))[0]!;
  const T = ['trading'];

  app.get('/api/v1/leases', {
    config: { policy: { roles: PARTIES } },
    schema: { tags: T, summary: '租赁合同（出租企业、承租方、融资租赁公司：各自的；工信部：全部），分页 Leases, paged', querystring: LeaseListQuery, response: { 200: pageOf(LeaseSchema) } },
    handler: async (req) => {
      const { rows, total } = await leasing.list(req.principal, req.query.status, req.query);
      return { items: await presentLeases(leasing, req.principal, rows), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });
  app.post('/api/v1/leases', {
    config: { policy: { roles: [...ENTERPRISE_ROLES] } },
    schema: { tags: T, summary: '出租本企业的产品（经营租赁/融资租赁，固定或按用量计租，可以租代购） Lease a unit', body: CreateLeaseBody, response: { 201: LeaseSchema } },
    handler: async (req, reply) => reply.status(201).send(await one(req, await leasing.create(req.ctx, req.body))),
  });
  app.get('/api/v1/leases/:id', {
    config: { policy: { roles: PARTIES } },
    schema: { tags: T, summary: '租赁合同详情（含租金计划与可执行操作） One lease with its schedule and the caller’s actions', params: LeaseIdParam, response: { 200: LeaseSchema } },
    handler: async (req) => one(req, await leasing.detail(req.principal, req.params.id)),
  });
  app.post('/api/v1/leases/:id/rents/:seq/bill', {
    config: { policy: { roles: [...ENTERPRISE_ROLES, ...BUYER_ROLES] } },
    schema: { tags: T, summary: '按运行小时计费（监测读数优先，否则申报读数） Bill a usage period', params: RentParam, body: BillBody, response: { 200: LeaseSchema } },
    handler: async (req) => one(req, await leasing.bill(req.ctx, req.params.id, req.params.seq, req.body)),
  });
  app.post('/api/v1/leases/:id/rents/:seq/pay', {
    config: { policy: { roles: [...ENTERPRISE_ROLES, ...BUYER_ROLES] } },
    schema: { tags: T, summary: '登记收到租金（末期付清：租期届满或以租代购转移所有权） Record a rent received', params: RentParam, body: PayRentBody, response: { 200: LeaseSchema } },
    handler: async (req) => one(req, await leasing.payRent(req.ctx, req.params.id, req.params.seq, req.body)),
  });
  app.post('/api/v1/leases/:id/terminate', {
    config: { policy: { roles: [...ENTERPRISE_ROLES, ...BUYER_ROLES] } },
    schema: { tags: T, summary: '提前终止租赁 Terminate a lease early', params: LeaseIdParam, body: TerminateBody, response: { 200: LeaseSchema } },
    handler: async (req) => one(req, await leasing.terminate(req.ctx, req.params.id, req.body.reason)),
  });
  app.post('/api/v1/leases/:id/return', {
    config: { policy: { roles: [...ENTERPRISE_ROLES] } },
    schema: { tags: T, summary: '租赁物返还（再出租，或作为旧件回收） The unit comes back', params: LeaseIdParam, body: ReturnBody, response: { 200: LeaseSchema } },
    handler: async (req) => one(req, await leasing.return(req.ctx, req.params.id, req.body)),
  });
  app.get('/api/v1/leases/:id/statement.xlsx', {
    config: { policy: { roles: PARTIES } },
    schema: { tags: T, summary: '租金计划与承租方对账单（Excel） Schedule and lessee statement (.xlsx)', params: LeaseIdParam },
    handler: async (req, reply) => {
      const l = await one(req, await leasing.detail(req.principal, req.params.id));
      const buf = await renderLeaseXlsx(l, leasing.clock.today());
      return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="lease-${l.id.slice(0, 8)}.xlsx"`).send(buf);
    },
  });
}
