import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import { errors } from '../../platform/errors.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import { matchPolicy, requireParty } from './core-exchange.policy.js';
import { matchSubject } from './core-exchange.presenter.js';
import { coreExchangeRepo as repo, type DocumentRow } from './core-exchange.repo.js';
import type { CoreExchangeDeps } from './core-exchange.service.js';

const noDocument = () => errors.notFound('旧件来源证明文件', 'Core source document');

/**
 * The source declaration's supporting document as an uploaded file (规范条件 四(二)): a trading party uploads it to
 * the platform's file store (checked by content — PDF, JPEG, PNG, OFD — and size; 400/413/415 naming `file`) and
 * references it in its declaration (`attestation.documentFile`, only its own uploads); the two parties of the match
 * and MIIT download it (others 404).
 */
export function createDocumentUseCases(deps: CoreExchangeDeps) {
  const { db, clock, files } = deps;
  return {
    async uploadDocument(ctx: RequestContext, file: { filename: string; data: Buffer }) {
      const party = requireParty(ctx.principal);
      const name = file.filename.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || 'document';
      const doc = await db.transaction(async (tx) => {
        const stored = await files.store(file.data, tx);
        const d: DocumentRow = { sha256: stored.sha256, name, mime: stored.mime, size: stored.size };
        await repo.insertDocument(tx, party.id, d, ctx.principal?.kind === 'user' ? ctx.principal.userId : null, clock.now());
        await recordAudit(tx, ctx, { action: 'core_exchange.attachment_uploaded', objectType: 'core_exchange_document', objectId: stored.sha256, enterpriseId: party.kind === 'enterprise' ? party.id : null, change: { name, size: stored.size, mime: stored.mime } });
        return (await repo.document(tx, party.id, stored.sha256))!;
      });
      return { id: doc.sha256, name: doc.name, mime: doc.mime, size: doc.size };
    },

    /** The supplying party's own upload, for its declaration (400 naming `attestation.documentFile` otherwise). */
    async ownDocument(tx: Db, partyId: string, sha256: string): Promise<DocumentRow> {
      const d = await repo.document(tx, partyId, sha256);
      if (!d) throw errors.field('attestation.documentFile', '请先上传证明文件（只能引用本单位上传的文件）', 'upload the document first (only your own uploads)');
      return d;
    },

    /** Download: the two parties of the match and MIIT. */
    async matchDocument(p: Principal | null, matchId: string) {
      const m = await repo.match(db, matchId);
      if (!m) throw noDocument();
      const rows = await repo.postings(db, [m.supply_id, m.demand_id]);
      const supply = rows.find((r) => r.id === m.supply_id)!;
      const demand = rows.find((r) => r.id === m.demand_id)!;
      authorize(p, matchPolicy, 'document', matchSubject(m, supply, demand));
      const doc = m.attestation?.file;
      if (!doc) throw noDocument();
      const f = await files.get(doc.sha256);
      if (!f) throw noDocument();
      return { name: doc.name, mime: f.mime, data: f.data };
    },
  };
}
