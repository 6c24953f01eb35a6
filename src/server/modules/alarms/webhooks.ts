import { createHmac, randomUUID } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { privateAddressReason, webhookHostRefusal } from './webhook-target.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import { errors } from '../../platform/errors.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import type { Queue } from '../../platform/queue/queue.js';
import { randomSecret } from '../../platform/secrets.js';
import { stateChanged } from '../../platform/tx.js';
import { alarmScopePolicy, enterpriseOf, webhookPolicy } from './alarms.policy.js';
import { webhookRepo } from './alarms.repo.js';
import type { WebhookEvent } from './alarms.schema.js';

export const WEBHOOK_TASK = 'alarms.webhook';
/** attempts of a delivery before it is dead (failed): 1 + 5 retries with backoff (JOBS_BACKOFF_BASE_MS · 2^n) */
export const WEBHOOK_ATTEMPTS = 6;
const TIMEOUT_MS = 10_000;

/**
 * The signature header of a delivery (issue 12 "webhook (signed, retried)"), as Stripe and GitHub do it:
 * `X-Reman-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. The receiver recomputes
 * it over the raw body, compares in constant time and refuses a `t` too far from its clock (replays).
 */
export function signature(secret: string, t: number, body: string): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/**
 * Webhooks per enterprise and their deliveries: `enqueue` writes a delivery row and its durable job inside the
 * caller's transaction (it exists iff the alarm event does); the queue's worker posts it after the commit,
 * retries a failure with backoff and marks it failed after WEBHOOK_ATTEMPTS; every attempt is logged on the row.
 */
export function createWebhooks(deps: { db: Db; jobs: Queue; fetch?: typeof fetch; allowPrivate?: boolean; lookup?: (host: string) => Promise<string[]> }) {
  const { db, jobs } = deps;
  const doFetch = deps.fetch ?? fetch;
  const resolve = deps.lookup ?? (async (host: string) => (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address));

  /**
   * Before each delivery: every address the host resolves to must be public (unless WEBHOOK_ALLOW_PRIVATE). A name
   * that resolved publicly at registration and privately now (DNS rebinding) is refused here. The remaining window
   * (fetch resolves again a moment later) is closed only by an egress proxy; docs/monitoring-alarms.md says so.
   */
  async function targetRefusal(url: string): Promise<string | null> {
    if (deps.allowPrivate) return null;
    const literal = webhookHostRefusal(url);
    if (literal) return `refused: ${literal}`;
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) return null;
    let addresses: string[];
    try {
      addresses = await resolve(host);
    } catch (err) {
      return null; // unresolvable: fetch fails with its own error and the queue retries
    }
    for (const a of addresses) {
      const why = privateAddressReason(a);
      if (why) return `refused: ${host} resolves to ${a} (${why})`;
    }
    return null;
  }

  jobs.defineTask<{ deliveryId: string }>(
    WEBHOOK_TASK,
    async (job) => {
      const d = await webhookRepo.delivery(db, job.payload.deliveryId);
      if (!d || d.status !== 'pending') return;
      const w = await webhookRepo.get(db, d.webhookId);
      if (!w || !w.active) {
        await webhookRepo.markFailed(db, d.id, 'webhook removed');
        return;
      }
      const refused = await targetRefusal(w.url);
      if (refused) {
        await webhookRepo.recordAttempt(db, d.id, { ok: false, statusCode: null, error: refused, at: new Date() });
        await webhookRepo.markFailed(db, d.id, refused); // an internal target is not retried
        return;
      }
      const body = JSON.stringify({ id: d.id, event: d.event, createdAt: d.createdAt.toISOString(), data: d.payload });
      const t = Math.floor(Date.now() / 1000);
      let statusCode: number | null = null;
      let error: string | null = null;
      try {
        const res = await doFetch(w.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'reman-platform-webhook/1', 'x-reman-event': d.event, 'x-reman-delivery': d.id, 'x-reman-signature': signature(w.secret, t, body) },
          body,
          redirect: 'manual',
          signal: AbortSignal.any([job.signal, AbortSignal.timeout(TIMEOUT_MS)]),
        });
        statusCode = res.status;
        await res.body?.cancel().catch(() => undefined);
        if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
      } catch (err) {
        error = err instanceof Error ? (err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message) : String(err);
      }
      await webhookRepo.recordAttempt(db, d.id, { ok: error === null, statusCode, error, at: new Date() });
      if (error) throw new Error(`webhook ${d.id}: ${error}`); // the queue retries with backoff
    },
    { maxAttempts: WEBHOOK_ATTEMPTS, onDead: (tx, job, reason) => webhookRepo.markFailed(tx, (job.payload as { deliveryId: string }).deliveryId, reason.slice(0, 500)) },
  );

  const load = async (p: Principal | null, id: string) => {
    const w = await webhookRepo.get(db, id);
    if (!w || !w.active) throw errors.notFound('Webhook', 'Webhook');
    authorize(p, webhookPolicy, 'read', w);
    return w;
  };

  return {
    /** Deliveries of an alarm event to the enterprise's subscribed webhooks, in the caller's transaction. */
    async enqueue(tx: Db, enterpriseId: string, event: WebhookEvent, data: Record<string, unknown>): Promise<number> {
      const hooks = await webhookRepo.subscribed(tx, enterpriseId, event);
      for (const w of hooks) {
        const id = randomUUID();
        await webhookRepo.insertDelivery(tx, { id, enterpriseId, webhookId: w.id, event, payload: data });
        await jobs.enqueue(tx, { task: WEBHOOK_TASK, payload: { deliveryId: id }, key: `webhook:${id}`, maxAttempts: WEBHOOK_ATTEMPTS });
      }
      return hooks.length;
    },
    poke: () => jobs.poke(),

    async create(ctx: RequestContext, input: { url: string; events: string[]; secret?: string }) {
      const scope = { enterpriseId: enterpriseOf(ctx.principal) };
      authorize(ctx.principal, alarmScopePolicy, 'registerWebhook', scope);
      const enterpriseId = scope.enterpriseId!;
      authorize(ctx.principal, webhookPolicy, 'manage', { enterpriseId });
      const refused = deps.allowPrivate ? null : webhookHostRefusal(input.url);
      if (refused) throw errors.field('url', `不允许指向内部网络地址（${refused}）`, `must not point at an internal address (${refused})`);
      const secret = input.secret ?? randomSecret('whsec_');
      return db.transaction(async (tx) => {
        const w = await webhookRepo.insert(tx, { id: randomUUID(), enterpriseId, url: input.url, events: [...new Set(input.events)], secret });
        await recordAudit(tx, ctx, { action: 'webhook.created', objectType: 'webhook', objectId: w.id, enterpriseId, change: { url: w.url, events: w.events } });
        return w;
      });
    },
    async list(p: Principal | null, page: number, pageSize: number) {
      const enterpriseId = enterpriseOf(p);
      if (!enterpriseId || !p || p.kind !== 'user' || p.role !== 'enterprise_admin') return { rows: [], total: 0 };
      return webhookRepo.list(db, enterpriseId, page, pageSize);
    },
    async remove(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const w = await webhookRepo.lock(tx, id);
        if (!w || !w.active) throw errors.notFound('Webhook', 'Webhook');
        authorize(ctx.principal, webhookPolicy, 'manage', w);
        const gone = await webhookRepo.deactivate(tx, id);
        if (!gone) throw stateChanged('removed');
        await recordAudit(tx, ctx, { action: 'webhook.removed', objectType: 'webhook', objectId: id, enterpriseId: w.enterpriseId, change: { url: w.url } });
        return gone;
      });
    },
    async deliveries(p: Principal | null, id: string, page: number, pageSize: number) {
      const w = await load(p, id);
      return webhookRepo.deliveries(db, w.id, page, pageSize);
    },
  };
}
export type Webhooks = ReturnType<typeof createWebhooks>;
