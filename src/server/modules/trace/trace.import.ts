import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { DomainError, errors } from '../../platform/errors.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import { DEFAULT_MAX_UNCOMPRESSED_BYTES, readSpreadsheet } from '../../platform/spreadsheet/index.js';
import type { EpcisService } from '../epcis/epcis.service.js';
import { columnOfPath, GROUPED_TEMPLATES, groupedColumns, groupRows, header, locateGrouped, matchHeader, rowToInput, sheetName, TEMPLATES, type CellError, type GroupedStep, type GroupedTemplate, type ImportStep, type TemplateColumn } from '../../../domain/trace/import-template.js';
import { DOCUMENT_CONTEXT, StepInputs } from '../../../domain/trace/lifecycle.js';
import { STEP_MAPPING } from '../../../domain/trace/vocabulary.js';
import { ensurePrefix } from './trace.projector.js';
import { authorizedWriterEnterprise } from './trace.policy.js';
import { traceRepo } from './trace.repo.js';
import type { TraceService } from './trace.service.js';
import type { Queue } from '../../platform/queue/queue.js';

/**
 * Bulk import (.xlsx/.csv, one template per lifecycle step): every row validated by the step's form schema
 * and its references resolved BEFORE anything is written; any bad cell → 400 listing every bad cell (sheet,
 * row, column, reason in Chinese and English) and nothing stored. A valid file is captured in ONE transaction
 * (all or nothing). Files above SYNC_IMPORT_MAX_ROWS rows run in the background; the job row reports
 * processed/total while it runs.
 */
export const SYNC_IMPORT_MAX_ROWS = 200;
export const IMPORT_MAX_ROWS = 10_000;
const CHUNK = 250;

export const importInvalid = (errs: CellError[]) =>
  new DomainError(
    400,
    'IMPORT_INVALID',
    `导入文件有 ${errs.length} 处错误，未导入任何数据：${errs.slice(0, 5).map((e) => `第 ${e.row} 行「${e.column}」${e.message}`).join('；')}${errs.length > 5 ? '…' : ''}`,
    `The file has ${errs.length} error(s); nothing was imported: ${errs.slice(0, 5).map((e) => `row ${e.row} "${e.column}" ${e.messageEn}`).join('; ')}${errs.length > 5 ? '…' : ''}`,
    errs,
  );

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export type AnyImportStep = ImportStep | GroupedStep;
const isGrouped = (step: AnyImportStep): step is GroupedStep => step in GROUPED_TEMPLATES;
const columnsOf = (step: AnyImportStep): TemplateColumn[] => (isGrouped(step) ? groupedColumns(GROUPED_TEMPLATES[step] as GroupedTemplate) : TEMPLATES[step]);

/** The queue task of a background import (platform/queue). */
export const IMPORT_TASK = 'trace.import';
interface ImportPayload {
  importId: string;
  enterpriseId: string;
  step: AnyImportStep;
  fileName: string;
  sheet: string;
  /** the validated rows (each the step's form input); references are resolved again when the job runs */
  inputs: Record<string, unknown>[];
  ctx: RequestContext;
}
const failure = (err: unknown) =>
  err instanceof DomainError ? { message: err.messageZh, messageEn: err.message } : { message: '导入失败，未导入任何数据', messageEn: `import failed, nothing stored: ${(err as Error).message}` };

export function createTraceImport(deps: { db: Db; epcis: EpcisService; trace: TraceService; jobs: Queue; maxUncompressedBytes?: number }) {
  const { db, epcis, trace, jobs, maxUncompressedBytes = DEFAULT_MAX_UNCOMPRESSED_BYTES } = deps;
  const progress = new Map<string, number>();
  /** Prepared rows of imports enqueued by this process, for their first attempt. */
  const stash = new Map<string, Awaited<ReturnType<TraceService['prepareStep']>>[]>();

  /**
   * Capture the prepared rows in ONE transaction (all or nothing), which also marks the import row succeeded: a
   * job that runs again after a crash past the commit finds it done.
   */
  async function execute(ctx: RequestContext, enterpriseId: string, jobId: string, step: string, fileName: string, prepared: Awaited<ReturnType<TraceService['prepareStep']>>[], signal?: AbortSignal, report?: (done: number, total: number) => void) {
    running.set(jobId, { enterpriseId, step, fileName, total: prepared.length, createdAt: new Date().toISOString() });
    try {
      await db.transaction(async (tx) => {
        await epcis.lockStream(tx, enterpriseId); // the rows' step rules read the projection under it (as the forms do)
        const prefix = await ensurePrefix(tx, enterpriseId);
        for (let i = 0; i < prepared.length; i += CHUNK) {
          if (signal?.aborted) throw new Error('the process is stopping; the import runs again');
          const events: Record<string, unknown>[] = [];
          for (const p of prepared.slice(i, i + CHUNK)) events.push(...(await p.build(tx, prefix)));
          await epcis.captureInTx(tx, ctx, enterpriseId, events, { documentContext: DOCUMENT_CONTEXT });
          progress.set(jobId, Math.min(i + CHUNK, prepared.length));
          report?.(Math.min(i + CHUNK, prepared.length), prepared.length);
        }
        await recordAudit(tx, ctx, { action: `trace.import.${step}`, objectType: 'trace_import', objectId: jobId, enterpriseId, change: { fileName, rows: prepared.length } });
        await traceRepo.finishJob(tx, enterpriseId, jobId, 'succeeded', prepared.length, []);
      });
      epcis.committed(enterpriseId);
    } finally {
      running.delete(jobId);
      progress.delete(jobId);
    }
  }

  jobs.defineTask<ImportPayload>(
    IMPORT_TASK,
    async (job) => {
      const p = job.payload;
      const row = await traceRepo.job(db, p.importId, [p.enterpriseId]);
      if (!row || row.status === 'succeeded') return; // committed before a crash, or gone
      if (row.status === 'failed') await traceRepo.reopenJob(db, p.enterpriseId, p.importId); // the operator retried a dead job
      let prepared = stash.get(p.importId);
      stash.delete(p.importId);
      try {
        if (!prepared) {
          prepared = [];
          for (const input of p.inputs) prepared.push(await trace.prepareStep(p.enterpriseId, p.step, input));
        }
        await execute(p.ctx, p.enterpriseId, p.importId, p.step, p.fileName, prepared, job.signal, (d, t) => job.progress(d, t));
      } catch (err) {
        if (!(err instanceof DomainError) || err.status >= 500) throw err; // retried with backoff; dead → onDead
        // the data itself is refused (e.g. a code that no longer resolves): no retry can change that
        await traceRepo.finishJob(db, p.enterpriseId, p.importId, 'failed', 0, [{ sheet: p.sheet, row: 0, column: '', ...failure(err) }]);
      }
    },
    {
      maxAttempts: 3,
      onDead: async (tx, job, reason) => {
        const p = job.payload as ImportPayload;
        await traceRepo.finishJob(tx, p.enterpriseId, p.importId, 'failed', 0, [{ sheet: p.sheet, row: 0, column: '', message: `导入失败，未导入任何数据（后台任务 #${job.id}：${reason}）`, messageEn: `import failed, nothing stored (background job #${job.id}: ${reason})` }]);
      },
    },
  );
  /** Running jobs, answered from memory (on the embedded database the import's transaction holds the connection). */
  const running = new Map<string, { enterpriseId: string; step: string; fileName: string; total: number; createdAt: string }>();

  async function readRows(step: AnyImportStep, fileName: string, data: Buffer): Promise<{ sheet: string; rows: Map<TemplateColumn, unknown>[]; rowNumbers: number[]; errors: CellError[] }> {
    const columns = columnsOf(step);
    let sheet = sheetName(step as ImportStep);
    let grid: unknown[][];
    const kind = /\.csv$/i.test(fileName) ? 'csv' : /\.xlsx$/i.test(fileName) ? 'xlsx' : null;
    if (kind) {
      // header + IMPORT_MAX_ROWS data rows; reading stops at the first row over the cap
      const { sheets } = await readSpreadsheet(kind, data, { maxRows: IMPORT_MAX_ROWS + 1, maxUncompressedBytes });
      const ws = kind === 'csv' ? sheets[0] : (sheets.find((s) => s.name === sheet) ?? sheets[0]);
      if (!ws) throw errors.field('file', '文件中没有工作表', 'the file has no worksheet');
      sheet = ws.name;
      grid = [];
      for (const [n, values] of ws.rows) {
        grid[n - 1] = values.slice(1).map((v) => (v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v && typeof v === 'object' && 'richText' in v ? (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('') : v));
      }
      grid = Array.from(grid, (r) => r ?? []);
    } else throw errors.field('file', '请上传 .xlsx 或 .csv 文件', 'upload an .xlsx or .csv file');

    const errs: CellError[] = [];
    const head = (grid[0] ?? []).map((h) => String(h ?? '').trim());
    const byIndex = new Map<number, TemplateColumn>();
    head.forEach((h, i) => {
      if (!h) return;
      const c = matchHeader(columns, h);
      if (c) byIndex.set(i, c);
      else errs.push({ sheet, row: 1, column: h, message: '不是本模板的列', messageEn: 'not a column of this template' });
    });
    for (const c of columns) if (c.required && ![...byIndex.values()].includes(c)) errs.push({ sheet, row: 1, column: header(c), message: '缺少必填列', messageEn: 'required column missing' });
    const rows: Map<TemplateColumn, unknown>[] = [];
    const rowNumbers: number[] = [];
    for (let r = 1; r < grid.length; r++) {
      const cells = new Map<TemplateColumn, unknown>();
      const line = grid[r] ?? [];
      if (!line.some((v) => v !== null && v !== undefined && String(v).trim() !== '')) continue;
      for (const [i, c] of byIndex) cells.set(c, line[i]);
      rows.push(cells);
      rowNumbers.push(r + 1);
    }
    if (!rows.length && !errs.length) errs.push({ sheet, row: 2, column: '', message: '文件中没有数据行', messageEn: 'the file has no data rows' });
    if (rows.length > IMPORT_MAX_ROWS) throw errors.field('file', `单个文件最多 ${IMPORT_MAX_ROWS} 行`, `at most ${IMPORT_MAX_ROWS} rows per file`);
    return { sheet, rows, rowNumbers, errors: errs };
  }

  function present(j: NonNullable<Awaited<ReturnType<typeof traceRepo.job>>>) {
    const iso = (v: string | Date) => (v instanceof Date ? v : new Date(v)).toISOString();
    return {
      id: j.id,
      step: j.step,
      fileName: j.file_name,
      status: j.status,
      processed: j.status === 'running' ? (progress.get(j.id) ?? j.processed) : j.processed,
      total: j.total,
      errors: j.errors as CellError[],
      createdAt: iso(j.created_at),
      finishedAt: j.finished_at ? iso(j.finished_at) : null,
    };
  }

  return {
    /** The empty template of a step (.xlsx with an instructions sheet, or .csv with the header and an example). */
    async template(step: AnyImportStep, format: 'xlsx' | 'csv'): Promise<Buffer> {
      const columns = columnsOf(step);
      if (format === 'csv') return Buffer.from(`\uFEFF${columns.map((c) => csvCell(header(c))).join(',')}\r\n${columns.map((c) => csvCell(c.example)).join(',')}\r\n`, 'utf8');
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet(sheetName(step as ImportStep));
      ws.columns = columns.map((c) => ({ header: header(c), key: c.path, width: Math.max(16, header(c).length * 2) }));
      ws.getRow(1).font = { bold: true };
      const help = wb.addWorksheet('说明 Instructions');
      help.columns = [{ header: '列 Column', width: 30 }, { header: '必填 Required', width: 12 }, { header: '说明 Notes', width: 70 }, { header: '示例 Example', width: 30 }];
      help.addRow([`${STEP_MAPPING[step].label.zh} ${STEP_MAPPING[step].label.en}`]);
      for (const c of columns) {
        help.addRow([header(c), c.required ? '是 yes' : '否 no', `${c.en}${c.values ? `；可选值 values: ${c.values.join(' | ')}` : ''}${c.kind === 'datetime' ? '；北京时间 YYYY-MM-DD HH:mm' : ''}${c.kind === 'bool' ? '；是/否' : ''}${c.kind === 'measurements' ? '；名称=数值 单位；多项以分号分隔' : ''}`, c.example]);
      }
      return Buffer.from(await wb.xlsx.writeBuffer());
    },

    async upload(ctx: RequestContext, step: AnyImportStep, fileName: string, data: Buffer) {
      const enterpriseId = authorizedWriterEnterprise(ctx.principal, 'import');
      const columns = columnsOf(step);
      const { sheet, rows, rowNumbers, errors: errs } = await readRows(step, fileName, data);
      const inputs: Record<string, unknown>[] = [];
      /** per input: where its cells are (grouped steps: one input spans several rows) */
      const locate: ((path: string) => { row: number; column: TemplateColumn | undefined })[] = [];
      if (isGrouped(step)) {
        const t = GROUPED_TEMPLATES[step] as GroupedTemplate;
        const g = groupRows(t, rows, rowNumbers);
        for (const e of g.errors) errs.push({ sheet, row: e.row, column: header(e.column), message: e.zh, messageEn: e.en });
        g.groups.forEach((grp) => {
          const where = (path: string) => locateGrouped(t, grp, path);
          const parsed = StepInputs[step].safeParse(grp.input);
          if (!parsed.success) {
            for (const issue of parsed.error.issues) {
              const at = where(issue.path.join('.'));
              const [en, zh] = issue.message.split('\u241e');
              errs.push({ sheet, row: at.row, column: at.column ? header(at.column) : issue.path.join('.'), message: zh ?? en!, messageEn: en! });
            }
            return;
          }
          inputs.push(parsed.data as Record<string, unknown>);
          locate.push(where);
        });
      } else rows.forEach((cells, n) => {
        const row = rowNumbers[n]!;
        const { input, errors: cellErrs } = rowToInput(columns, cells);
        for (const e of cellErrs) errs.push({ sheet, row, column: header(e.column), message: e.zh, messageEn: e.en });
        if (cellErrs.length) return;
        const parsed = StepInputs[step].safeParse(input);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const c = columnOfPath(columns, issue.path.join('.'));
            const [en, zh] = issue.message.split('\u241e');
            errs.push({ sheet, row, column: c ? header(c) : issue.path.join('.'), message: zh ?? en!, messageEn: en! });
          }
          return;
        }
        inputs.push(parsed.data as Record<string, unknown>);
        locate.push((path) => ({ row, column: columnOfPath(columns, path) }));
      });
      // References (codes, EPCs) resolved row by row, still before anything is written.
      const prepared: Awaited<ReturnType<TraceService['prepareStep']>>[] = [];
      if (!errs.length) {
        for (const [n, input] of inputs.entries()) {
          try {
            prepared.push(await trace.prepareStep(enterpriseId, step, input));
          } catch (err) {
            if (!(err instanceof DomainError) || err.status !== 400) throw err;
            const details = (err.details as { field: string; message: string; messageEn: string }[] | undefined) ?? [{ field: '', message: err.messageZh, messageEn: err.message }];
            for (const d of details) {
              const at = locate[n]!(d.field);
              errs.push({ sheet, row: at.row, column: at.column ? header(at.column) : d.field, message: d.message, messageEn: d.messageEn });
            }
          }
        }
      }
      const jobId = randomUUID();
      const createdBy = ctx.principal?.kind === 'user' ? ctx.principal.username : null;
      if (errs.length) {
        await traceRepo.insertJob(db, { enterpriseId, id: jobId, step, fileName, total: rows.length, createdBy });
        await traceRepo.finishJob(db, enterpriseId, jobId, 'failed', 0, errs);
        throw importInvalid(errs);
      }
      if (prepared.length > SYNC_IMPORT_MAX_ROWS) {
        // a durable job, enqueued with the import row in one transaction: after a restart it runs again (or is
        // marked failed with its reason) instead of staying "running" for ever
        const payload: ImportPayload = { importId: jobId, enterpriseId, step, fileName, sheet, inputs, ctx: { ...ctx, principal: ctx.principal?.kind === 'user' ? { ...ctx.principal, sessionTokenHash: null } : ctx.principal } };
        await db.transaction(async (tx) => {
          await traceRepo.insertJob(tx, { enterpriseId, id: jobId, step, fileName, total: prepared.length, createdBy });
          await jobs.enqueue(tx, { task: IMPORT_TASK, key: `trace-import:${jobId}`, payload, total: prepared.length });
        });
        stash.set(jobId, prepared); // this process's first attempt need not resolve the references again
        jobs.poke();
        return { id: jobId, step, fileName, status: 'running' as const, processed: 0, total: prepared.length, errors: [], createdAt: new Date().toISOString(), finishedAt: null };
      }
      await traceRepo.insertJob(db, { enterpriseId, id: jobId, step, fileName, total: prepared.length, createdBy });
      try {
        await execute(ctx, enterpriseId, jobId, step, fileName, prepared);
      } catch (err) {
        await traceRepo.finishJob(db, enterpriseId, jobId, 'failed', 0, [{ sheet, row: 0, column: '', ...failure(err) }]).catch(() => undefined);
        throw err;
      }
      return present((await traceRepo.job(db, jobId, [enterpriseId]))!);
    },

    async job(p: Principal | null, id: string) {
      const ids = await trace.scopeIds(p);
      const r = running.get(id);
      if (r && (ids === null || ids.includes(r.enterpriseId))) {
        return { id, step: r.step, fileName: r.fileName, status: 'running' as const, processed: progress.get(id) ?? 0, total: r.total, errors: [], createdAt: r.createdAt, finishedAt: null };
      }
      const j = await traceRepo.job(db, id, ids);
      if (!j) throw errors.notFound('导入任务', 'Import job');
      return present(j);
    },
  };
}
export type TraceImport = ReturnType<typeof createTraceImport>;
