import type { Db } from '../../db/client.js';
import type { CatalogueTestReport } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import { errors } from '../../platform/errors.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import { stateChanged } from '../../platform/tx.js';
import type { FileService } from '../files/files.service.js';
import { catalogueApplicationPolicy } from './catalogue.policy.js';
import { catalogueRepo, type CatalogueRow } from './catalogue.repo.js';

const notFound = () => errors.notFound('目录申请', 'Catalogue application');
const noFile = () => errors.notFound('检测报告文件', 'Test report file');
/** The public sees the report files of models in 公示 and listed models (the catalogue's evidence), nothing else. */
const PUBLIC_STATES: ReadonlyArray<CatalogueRow['state']> = ['in_notice', 'notice_passed', 'listed'];

/**
 * 第三方检测报告文件 of a catalogue application (issue 14 "Catalogue"; docs/public-portal.md): the enterprise uploads
 * the file of each report it names (PDF/JPEG/PNG/OFD, checked by content and size-limited by the files module, one
 * `files` row each so the file-store GC keeps it) while the application is a draft or returned; the reviewers read
 * it; once the model is in 公示 or listed the public may download it. A report whose organisation and number stay
 * the same keeps its file when the reports are edited (`keepFiles`).
 */
export function catalogueReports(deps: { db: Db; files: FileService }) {
  const { db, files } = deps;
  const fileOf = async (a: CatalogueRow, n: number) => {
    const r = a.testReports[n];
    if (!r?.sha256) throw noFile();
    const f = await files.get(r.sha256);
    if (!f) throw noFile();
    return { mime: f.mime, name: r.fileName ?? `report-${n + 1}`, data: f.data };
  };
  return {
    async attach(ctx: RequestContext, id: string, n: number, file: { filename: string; data: Buffer }) {
      return db.transaction(async (tx) => {
        const a = await catalogueRepo.lock(tx, id);
        if (!a) throw notFound();
        authorize(ctx.principal, catalogueApplicationPolicy, 'read', a);
        authorize(ctx.principal, catalogueApplicationPolicy, 'edit', a);
        if (a.state !== 'draft' && a.state !== 'returned') throw stateChanged(a.state);
        const r = a.testReports[n];
        if (!r) throw errors.field('n', `没有第 ${n + 1} 份检测报告：先填写报告的机构、编号和日期`, `There is no test report ${n + 1}: enter its organisation, number and date first`);
        const stored = await files.store(file.data, tx);
        const fileName = file.filename.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || `report-${n + 1}`;
        const testReports = a.testReports.map((x, i) => (i === n ? { ...x, sha256: stored.sha256, fileName, mime: stored.mime, size: stored.size } : x));
        const updated = await catalogueRepo.update(tx, id, { testReports });
        await recordAudit(tx, ctx, { action: 'catalogue_application.report_file_added', objectType: 'catalogue_application', objectId: id, enterpriseId: a.enterpriseId, change: { report: n, reportNo: r.reportNo, sha256: stored.sha256, fileName } });
        return updated;
      });
    },
    /** The file of report `n` for a party that may read the application (any state). */
    async file(p: Principal | null, id: string, n: number) {
      const a = await catalogueRepo.get(db, id);
      if (!a) throw notFound();
      authorize(p, catalogueApplicationPolicy, 'read', a);
      return fileOf(a, n);
    },
    /** The file of report `n` of a model in 公示 or listed, for anyone. */
    async publicFile(id: string, n: number) {
      const a = await catalogueRepo.get(db, id);
      if (!a || !PUBLIC_STATES.includes(a.state)) throw noFile();
      return fileOf(a, n);
    },
  };
}

/** Edited reports keep the file of the same organisation and report number. */
export function keepFiles(before: readonly CatalogueTestReport[], after: CatalogueTestReport[]): CatalogueTestReport[] {
  return after.map((r) => {
    const same = before.find((b) => b.sha256 && b.testingOrgId === r.testingOrgId && b.reportNo === r.reportNo);
    return same ? { ...r, sha256: same.sha256, fileName: same.fileName, mime: same.mime, size: same.size } : r;
  });
}
