import { AUTHORITY_SEEDS } from '../../../domain/authorities.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import { errors } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/principal.js';
import { authorityPolicy } from './authorities.policy.js';
import { authorityRepo, type AuthorityRow } from './authorities.repo.js';
import type { RenameAuthority } from './authorities.schema.js';

/**
 * The 38 reviewing authorities (MIIT + 37 provincial-level). Ids and kinds are code (src/domain/authorities.ts);
 * names are data an admin may edit after a reorganisation. A small table read on every presenter call, so it
 * is cached in memory and the cache is dropped after every change made through this service (a failed read is not
 * kept: the next call asks again).
 */
export function createAuthorityService({ db }: { db: Db }) {
  let cache: Promise<Map<string, AuthorityRow>> | null = null;
  const all = () => {
    if (!cache) {
      const loading = authorityRepo.all(db).then((rows) => new Map(rows.map((r) => [r.id, r])));
      cache = loading;
      loading.catch(() => {
        if (cache === loading) cache = null;
      });
    }
    return cache;
  };

  return {
    async ensureSeeded() {
      await authorityRepo.seed(db, AUTHORITY_SEEDS);
      cache = null;
    },
    async list() {
      return [...(await all()).values()];
    },
    async get(id: string) {
      return (await all()).get(id) ?? null;
    },
    /** Rename after a reorganisation: decided on the row locked inside the transaction that writes it. */
    async rename(ctx: RequestContext, id: string, patch: RenameAuthority) {
      const updated = await db.transaction(async (tx) => {
        const before = await authorityRepo.get(tx, id, true);
        if (!before) throw errors.notFound('主管部门', 'Authority');
        authorize(ctx.principal, authorityPolicy, 'rename', before);
        const a = await authorityRepo.update(tx, id, patch);
        await recordAudit(tx, ctx, { action: 'authority.renamed', objectType: 'authority', objectId: id, change: { before: { name: before.name, nameEn: before.nameEn }, after: patch } });
        return a!;
      });
      cache = null; // after commit
      return updated;
    },
  };
}
export type AuthorityService = ReturnType<typeof createAuthorityService>;
