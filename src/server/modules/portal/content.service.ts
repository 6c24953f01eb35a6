import { randomUUID } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { nextPublicationState, type PublicationEvent, type PublicationState } from '../../../domain/portal/content.js';
import type { Db } from '../../db/client.js';
import type { PortalAttachment } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { listAudit } from '../audit/index.js';
import { authorize } from '../../platform/authorize.js';
import type { Clock } from '../../platform/clock.js';
import { errors } from '../../platform/errors.js';
import type { Page } from '../../platform/paging.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import type { PublicCache } from '../../platform/public-cache.js';
import { stateChanged, uniqueOr } from '../../platform/tx.js';
import type { FileService } from '../files/files.service.js';
import { portalContentPolicy } from './portal.policy.js';
import { demoUnitRepo, policyRepo, standardRepo, testingOrgRepo, type ContentRepo } from './portal.repo.js';

export type ContentKind = 'standard' | 'policy' | 'demoUnit' | 'testingOrg';
type Row = { id: string; state: PublicationState };

/** Called after a commit that changed what the public may see of an item (the search index listens). */
export type ContentListener = (kind: ContentKind, id: string) => void | Promise<void>;

/**
 * The editorial use cases every kind of portal content shares (docs/architecture.md "Writes"): one transaction
 * → lock the row → authorize (portal.policy.ts) → the publication state machine → write + audit → commit →
 * invalidate the public answers ('portal' tag) and tell the listeners.
 */
function editorial<R extends Row>(
  kind: ContentKind,
  deps: { db: Db; clock: Clock; publicCache: PublicCache; listeners: ContentListener[] },
  repo: ContentRepo<R>,
  meta: { objectType: string; name: readonly [string, string]; conflict?: () => Error },
) {
  const { db, clock, publicCache, listeners } = deps;
  const notFound = () => errors.notFound(meta.name[0], meta.name[1]);
  const guard = <T>(write: () => Promise<T>) => (meta.conflict ? uniqueOr(write, meta.conflict) : write());
  const committed = async (row: R, publicChange: boolean) => {
    if (publicChange) {
      publicCache.invalidate('portal');
      for (const l of listeners) await Promise.resolve(l(kind, row.id)).catch(() => undefined);
    }
    return row;
  };

  async function lockFor(tx: Db, ctx: RequestContext, id: string, action: 'edit' | 'publish' | 'withdraw') {
    const row = await repo.lock(tx, id);
    if (!row) throw notFound();
    authorize(ctx.principal, portalContentPolicy, 'read', row);
    authorize(ctx.principal, portalContentPolicy, action, row);
    return row;
  }

  async function transition(ctx: RequestContext, id: string, event: PublicationEvent) {
    const row = await db.transaction(async (tx) => {
      const r = await lockFor(tx, ctx, id, event);
      const next = nextPublicationState(r.state, event);
      if (!next) throw stateChanged(r.state);
      const patch: Record<string, unknown> = { state: next };
      if (event === 'publish') patch.publishedAt = clock.now();
      const updated = await repo.update(tx, id, patch);
      await recordAudit(tx, ctx, { action: `${meta.objectType}.${event === 'publish' ? 'published' : 'withdrawn'}`, objectType: meta.objectType, objectId: id, change: { from: r.state, to: next } });
      return updated;
    });
    return committed(row, true);
  }

  return {
    repo,
    async create(ctx: RequestContext, input: Record<string, unknown>) {
      authorize(ctx.principal, portalContentPolicy, 'edit', { state: 'draft' });
      const id = randomUUID();
      const row = await guard(() =>
        db.transaction(async (tx) => {
          const r = await repo.insert(tx, { ...input, id, state: 'draft' });
          await recordAudit(tx, ctx, { action: `${meta.objectType}.created`, objectType: meta.objectType, objectId: id, change: input });
          return r;
        }),
      );
      return committed(row, false);
    },
    async update(ctx: RequestContext, id: string, patch: Record<string, unknown>) {
      const row = await guard(() =>
        db.transaction(async (tx) => {
          const r = await lockFor(tx, ctx, id, 'edit');
          const before = Object.fromEntries(Object.keys(patch).map((k) => [k, (r as Record<string, unknown>)[k]]));
          const updated = await repo.update(tx, id, patch);
          await recordAudit(tx, ctx, { action: `${meta.objectType}.updated`, objectType: meta.objectType, objectId: id, change: { before, after: patch } });
          return updated;
        }),
      );
      return committed(row, row.state === 'published');
    },
    publish: (ctx: RequestContext, id: string) => transition(ctx, id, 'publish'),
    withdraw: (ctx: RequestContext, id: string) => transition(ctx, id, 'withdraw'),
    /** One item for this caller: MIIT sees every state, everyone else published items only (404 otherwise). */
    async get(p: Principal | null, id: string) {
      const row = await repo.get(db, id);
      if (!row) throw notFound();
      authorize(p, portalContentPolicy, 'read', row);
      return row;
    },
    /** The audit trail of one item (newest first, at most 200 rows): editors only, like `get`. */
    async history(p: Principal | null, id: string) {
      authorize(p, portalContentPolicy, 'edit', { state: 'draft' });
      const row = await repo.get(db, id);
      if (!row) throw notFound();
      return listAudit(db, 1, 200, { objectType: meta.objectType, objectId: row.id });
    },
    /** MIIT's list: every state. */
    adminPage: (f: { q?: string; state?: string }, p: Page) => repo.page(db, { published: false, ...f }, p),
    /** The public list: published only. */
    publicPage: (f: { q?: string; where?: SQL[] }, p: Page) => repo.page(db, { published: true, ...f }, p),
    allPublished: () => repo.allPublished(db),
    lastModified: () => repo.lastModified(db),
  };
}

export function createPortalContentService({ db, clock, files, publicCache }: { db: Db; clock: Clock; files: FileService; publicCache: PublicCache }) {
  const listeners: ContentListener[] = [];
  const deps = { db, clock, publicCache, listeners };
  const codeTaken = () => errors.conflict('STANDARD_CODE_TAKEN', '该标准编号已在标准库中', 'A standard with this code is in the library', [{ field: 'code', message: '已存在', messageEn: 'Already exists' }]);
  const accreditationTaken = () =>
    errors.conflict('ACCREDITATION_TAKEN', '该认可/资质证书编号已登记', 'An organisation with this accreditation number is listed', [{ field: 'accreditationNo', message: '已存在', messageEn: 'Already exists' }]);
  const standards = editorial('standard', deps, standardRepo, { objectType: 'portal_standard', name: ['标准', 'Standard'], conflict: codeTaken });
  const policies = editorial('policy', deps, policyRepo, { objectType: 'portal_policy', name: ['政策文件', 'Policy document'] });
  const demoUnits = editorial('demoUnit', deps, demoUnitRepo, { objectType: 'portal_demo_unit', name: ['示范单位', 'Demonstration unit'] });
  const testingOrgs = editorial('testingOrg', deps, testingOrgRepo, { objectType: 'portal_testing_org', name: ['检测机构', 'Testing organisation'], conflict: accreditationTaken });

  return {
    standards: {
      ...standards,
      /** Ids of published standards by code (replaced-by links). */
      publicList: (f: { q?: string; status?: string; type?: string }, p: Page) => standards.publicPage({ q: f.q, where: standardRepo.filters(f) }, p),
      idsByCode: (codes: string[]) => standardRepo.idsByCode(db, codes),
      publishedByYear: (from: string) => standardRepo.publishedByYear(db, from),
    },
    policies: {
      ...policies,
      publicList: (f: { q?: string; category?: string }, p: Page) => policies.publicPage({ q: f.q, where: policyRepo.filters(f) }, p),
      /** Attach a file (checked by content, stored by the files module) to a policy document. */
      async attach(ctx: RequestContext, id: string, file: { filename: string; data: Buffer }) {
        const row = await db.transaction(async (tx) => {
          const r = await policyRepo.lock(tx, id);
          if (!r) throw errors.notFound('政策文件', 'Policy document');
          authorize(ctx.principal, portalContentPolicy, 'read', r);
          authorize(ctx.principal, portalContentPolicy, 'edit', r);
          if (r.attachments.length >= 20) throw errors.field('file', '附件最多 20 个', 'At most 20 attachments');
          const stored = await files.store(file.data, tx);
          const name = file.filename.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || 'attachment';
          const attachments: PortalAttachment[] = [...r.attachments, { sha256: stored.sha256, name, mime: stored.mime, size: stored.size }];
          const updated = await policyRepo.update(tx, id, { attachments });
          await recordAudit(tx, ctx, { action: 'portal_policy.attachment_added', objectType: 'portal_policy', objectId: id, change: { sha256: stored.sha256, name } });
          return updated;
        });
        if (row.state === 'published') publicCache.invalidate('portal');
        return row;
      },
      /** The bytes of attachment `n` of a policy the caller may read. */
      async attachment(p: Principal | null, id: string, n: number) {
        const r = await policies.get(p, id);
        const a = r.attachments[n];
        if (!a) throw errors.notFound('附件', 'Attachment');
        const f = await files.get(a.sha256);
        if (!f) throw errors.notFound('附件', 'Attachment');
        return { ...a, data: f.data };
      },
    },
    demoUnits: {
      ...demoUnits,
      publicList: (f: { q?: string; kind?: string; province?: string; field?: string; year?: number }, p: Page) => demoUnits.publicPage({ q: f.q, where: demoUnitRepo.filters(f) }, p),
      countByProvince: () => demoUnitRepo.countByProvince(db),
      countByYear: () => demoUnitRepo.countByYear(db),
    },
    testingOrgs: {
      ...testingOrgs,
      publicList: (f: { q?: string; province?: string }, p: Page) => testingOrgs.publicPage({ q: f.q, where: testingOrgRepo.filters(f) }, p),
    },
    /** Run `l` after every commit that changes what the public sees (publish, withdraw, edit of a published item). */
    onPublicChange(l: ContentListener) {
      listeners.push(l);
    },
  };
}
export type PortalContentService = ReturnType<typeof createPortalContentService>;
