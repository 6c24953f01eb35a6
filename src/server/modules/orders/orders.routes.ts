import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readBodyAndFiles } from '../../platform/multipart.js';
import { pageOf } from '../../platform/paging.js';
import { BUYER_ROLES, ENTERPRISE_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';
import { sendStoredFile } from '../supervision/index.js';
import { contractDocx, deliveryNoteDocx, settlementDocx } from './orders.documents.js';
import { presentOrders, presentRule } from './orders.presenter.js';
import type { OrderRow } from './orders.repo.js';
import {
  ConfirmBody, CreateOrderBody, DeliverBody, EstimateBody, EstimateSchema, InvoiceBody, OptionalReasonBody, OrderIdParam, OrderListQuery, OrderSchema, PaymentBody, PaymentDecisionBody,
  PaymentParam, QuoteBody, ReasonBody, ReceiveCoreBody, ResolveBody, RuleBody, RuleParam, RuleSchema, ShipCoreBody,
} from './orders.schema.js';
import type { OrderService } from './orders.service.js';
import type { TradeInService } from './orders.trade-in.js';
import { errors } from '../../platform/errors.js';
import type { FastifyRequest } from 'fastify';

const PARTIES = [...BUYER_ROLES, ...ENTERPRISE_ROLES, ...MINISTRY_ROLES];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function orderRoutes(root: FastifyInstance, deps: { orders: OrderService; tradeIns: TradeInService; maxUploadBytes: number }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { orders, tradeIns } = deps;
  const one = async (req: FastifyRequest, o: OrderRow) => (await presentOrders(orders, req.principal, [o]))[0]!;
  const T = ['trading'];
  const post = <B extends z.ZodType>(path: string, roles: readonly (typeof PARTIES)[number][], summary: string, body: B | null, run: (req: FastifyRequest<{ Params: { id: string } }>, body: z.infer<B>) => Promise<OrderRow>) =>
    app.post(path, {
      config: { policy: { roles: [...roles] } },
      schema: { tags: T, summary, params: OrderIdParam, ...(body ? { body } : {}), response: { 200: OrderSchema } },
      handler: async (req) => one(req, await run(req as FastifyRequest<{ Params: { id: string } }>, (req as { body: z.infer<B> }).body)),
    });
  const docx = async (reply: FastifyReply, name: string, buf: Promise<Buffer>) =>
    reply.header('content-type', DOCX).header('content-disposition', `attachment; filename="${name}.docx"`).send(await buf);

  app.get('/api/v1/orders', {
    config: { policy: { roles: PARTIES } },
    schema: { tags: T, summary: '订单（买方：本单位的；卖方：本企业的；工信部：全部），分页 Orders, paged', querystring: OrderListQuery, response: { 200: pageOf(OrderSchema) } },
    handler: async (req) => {
      const { rows, total } = await orders.list(req.principal, req.query.status, req.query);
      return { items: await presentOrders(orders, req.principal, rows), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });

  app.post('/api/v1/orders', {
    config: { policy: { roles: [...BUYER_ROLES] } },
    schema: { tags: T, summary: '下单或询价（可附以旧换再） Place an order or an inquiry (optionally with a trade-in)', body: CreateOrderBody, response: { 201: OrderSchema } },
    handler: async (req, reply) => reply.status(201).send(await one(req, await orders.create(req.ctx, req.body))),
  });

  app.get('/api/v1/orders/:id', {
    config: { policy: { roles: PARTIES } },
    schema: { tags: T, summary: '订单详情（含可执行操作） One order with the caller’s actions', params: OrderIdParam, response: { 200: OrderSchema } },
    handler: async (req) => one(req, await orders.detail(req.principal, req.params.id)),
  });

  post('/api/v1/orders/:id/quote', ENTERPRISE_ROLES, '卖方报价（可还价） Quote an inquiry', QuoteBody, (req, b) => orders.quote(req.ctx, req.params.id, b));
  post('/api/v1/orders/:id/place', BUYER_ROLES, '买方接受报价并下单 Accept the quotation', null, (req) => orders.place(req.ctx, req.params.id));
  post('/api/v1/orders/:id/confirm', ENTERPRISE_ROLES, '卖方确认订单（预留产品） Confirm (reserves the units)', ConfirmBody, (req, b) => orders.confirm(req.ctx, req.params.id, b));
  post('/api/v1/orders/:id/cancel', [...BUYER_ROLES, ...ENTERPRISE_ROLES], '取消订单 Cancel', OptionalReasonBody, (req, b) => orders.cancel(req.ctx, req.params.id, b));
  post('/api/v1/orders/:id/deliver', ENTERPRISE_ROLES, '交付（记录销售到追溯链） Deliver (records the sale in the trace)', DeliverBody, (req, b) => orders.deliver(req.ctx, req.params.id, b));
  post('/api/v1/orders/:id/accept', BUYER_ROLES, '买方验收 Accept the delivery', null, (req) => orders.accept(req.ctx, req.params.id));
  post('/api/v1/orders/:id/dispute', BUYER_ROLES, '买方提出争议 Dispute the delivery', ReasonBody, (req, b) => orders.dispute(req.ctx, req.params.id, b.reason));
  post('/api/v1/orders/:id/resolve', ENTERPRISE_ROLES, '卖方解决争议 Resolve a dispute', ResolveBody, (req, b) => orders.resolve(req.ctx, req.params.id, b.resolution));
  post('/api/v1/orders/:id/invoice', ENTERPRISE_ROLES, '登记发票号码 Record the invoice number', InvoiceBody, (req, b) => orders.recordInvoice(req.ctx, req.params.id, b.invoiceNumber));
  post('/api/v1/orders/:id/trade-in/ship', BUYER_ROLES, '买方寄回旧件 The old unit is on its way', ShipCoreBody, (req, b) => tradeIns.shipCore(req.ctx, req.params.id, b));
  post('/api/v1/orders/:id/trade-in/receive', ENTERPRISE_ROLES, '卖方接收并验收旧件（记录旧件回收） Receive and inspect the core (core intake in the trace)', ReceiveCoreBody, (req, b) => tradeIns.receiveCore(req.ctx, req.params.id, b));
  post('/api/v1/orders/:id/trade-in/settle', ENTERPRISE_ROLES, '以旧换再结算（退押金、多退少补） Settle the trade-in', null, (req) => tradeIns.settle(req.ctx, req.params.id));

  app.post('/api/v1/orders/:id/payments', {
    config: { policy: { roles: [...BUYER_ROLES] } },
    schema: {
      tags: T,
      summary: '登记付款（银行转账回单） Record a payment with its bank transfer voucher',
      description: 'multipart/form-data: amountCny, reference?, note? and one file (PDF, JPEG, PNG or OFD, checked by content).',
      params: OrderIdParam,
      response: { 200: OrderSchema },
    },
    handler: async (req) => {
      const { body, files } = await readBodyAndFiles(req, deps.maxUploadBytes, 1);
      return one(req, await orders.pay(req.ctx, req.params.id, PaymentBody.parse(body), files));
    },
  });
  for (const [verb, confirm, summary] of [['confirm', true, '卖方确认收款 Confirm the payment'], ['reject', false, '卖方退回付款凭证 Reject the voucher']] as const) {
    app.post(`/api/v1/orders/:id/payments/:pid/${verb}`, {
      config: { policy: { roles: [...ENTERPRISE_ROLES] } },
      schema: { tags: T, summary, params: PaymentParam, body: PaymentDecisionBody, response: { 200: OrderSchema } },
      handler: async (req) => one(req, await orders.decidePayment(req.ctx, req.params.id, req.params.pid, confirm, req.body.note)),
    });
  }
  app.get('/api/v1/orders/:id/payments/:pid/voucher', {
    config: { policy: { roles: PARTIES } },
    schema: { tags: T, summary: '下载付款凭证 Download a payment voucher', params: PaymentParam },
    handler: async (req, reply) => sendStoredFile(reply, await orders.voucher(req.principal, req.params.id, req.params.pid), 'payment-voucher'),
  });

  for (const [file, summary, make] of [
    ['contract.docx', '买卖合同（Word） The sales contract', contractDocx],
    ['delivery-note.docx', '送货单（Word） The delivery note', deliveryNoteDocx],
    ['settlement.docx', '以旧换再结算单（Word） The trade-in settlement statement', settlementDocx],
  ] as const) {
    app.get(`/api/v1/orders/:id/${file}`, {
      config: { policy: { roles: PARTIES } },
      schema: { tags: T, summary, params: OrderIdParam },
      handler: async (req, reply) => {
        const o = await one(req, await orders.detail(req.principal, req.params.id));
        if (file === 'delivery-note.docx' && !o.deliveredAt) throw errors.conflict('NOT_DELIVERED', '订单尚未交付，没有送货单', 'The order is not delivered yet; there is no delivery note');
        if (file === 'settlement.docx' && !o.tradeIn?.finalGrade) throw errors.conflict('NOT_SETTLED', '旧件尚未验收，没有结算单', 'The core is not received yet; there is no settlement statement');
        return docx(reply, `${file.replace('.docx', '')}-${o.id.slice(0, 8)}`, make(o));
      },
    });
  }

  app.get('/api/v1/trade-in-rules', {
    config: { policy: { roles: [...ENTERPRISE_ROLES] } },
    schema: { tags: T, summary: '本企业的以旧换再估值规则 The seller’s trade-in valuation rules', querystring: OrderListQuery.pick({ page: true, pageSize: true }), response: { 200: pageOf(RuleSchema) } },
    handler: async (req) => {
      const { rows, total } = await tradeIns.rules(req.principal, req.query);
      return { items: rows.map(presentRule), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });
  app.put('/api/v1/trade-in-rules/:scope/:key', {
    config: { policy: { roles: [...ENTERPRISE_ROLES] } },
    schema: { tags: T, summary: '设定估值规则（按型号，或按领域作为默认） Set a valuation rule (per model, or per field as default)', params: RuleParam, body: RuleBody, response: { 200: RuleSchema } },
    handler: async (req) => presentRule(await tradeIns.putRule(req.ctx, req.params.scope, req.params.key, req.body)),
  });
  app.post('/api/v1/public/trade-in/estimate', {
    config: { policy: { public: true } },
    schema: { tags: [...T, 'public'], summary: '以旧换再即时估价 Instant trade-in estimate for a listing', body: EstimateBody, response: { 200: EstimateSchema } },
    handler: async (req) => {
      const { listingId, ...t } = req.body;
      const e = await orders.estimateFor(listingId, t);
      return { model: e.model, grade: e.grade, declaredGrade: e.declaredGrade, ruleSource: e.ruleSource, creditCny: e.creditCny, coreDepositCny: e.coreDepositCny, returnDays: e.returnDays, effectiveAgeYears: e.effectiveAgeYears, ageFactor: e.ageFactor, gradeFactor: e.gradeFactor, record: e.record };
    },
  });
}
