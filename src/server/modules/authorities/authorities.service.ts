import { AUTHORITY_SEEDS } from '../../../domain/authorities.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { errors } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/principal.js';
import { authorityRepo, type AuthorityRow } from './authorities.repo.js';

/**
 * The 38 reviewing authorities (MIIT + 37 provincial-level). Ids and kinds are code (src/domain/authorities.ts);
 * names are data an admin may edit after a reorganisation. A small table read on every presenter call, so it
 * is cached in memory and the cache is dropped on every change made through this service.
 */
export function createAuthorityService({ db }: { db: Db }) {
  let cache: Promise<Map<string, AuthorityRow>> | null = null;
  const all = () => {
    cache ??= authorityRepo.all(db).then((rows) => new Map(rows.map((r) => [r.id, r])));
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
    async update(ctx: RequestContext, id: string, patch: { name?: string; nameEn?: string }) {
      const before = await this.get(id);
      if (!before) throw errors.notFound('主管部门', 'Authority');
      const updated = await db.transaction(async (tx) => {
        const a = await authorityRepo.update(tx, id, patch);
        await recordAudit(tx, ctx, { action: 'authority.renamed', objectType: 'authority', objectId: id, change: { before: { name: before.name, nameEn: before.nameEn }, after: patch } });
        return a!;
      });
      cache = null;
      return updated;
    },
  };
}
export type AuthorityService = ReturnType<typeof createAuthorityService>;
