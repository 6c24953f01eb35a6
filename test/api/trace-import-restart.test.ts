/**
 * Issue 10 §4: an import is background work that survives a restart. A real .xlsx import interrupted by the
 * process stopping mid-file is rolled back (nothing half-imported) and finished by the next process on the same
 * database — every row exactly once.
 */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { testConfig, testEnvironment } from '../../src/server/config.js';
import { q } from '../../src/server/modules/trace/trace.repo.js';
import { login } from '../support/app.js';
import { freshDatabase, reopenableDatabase } from '../support/db.js';
import { buildEnterprise, buildUser, TEST_PASSWORD } from '../support/factories.js';
import { principalOf } from '../../src/server/modules/identity/identity.service.js';
import { until } from '../support/wait.js';


const ROWS = 3000;

async function intakeWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('回收 intake');
  ws.addRow(['旧件名称 (name)', '交回方 (source.returnedBy)', '回收渠道 (source.channel)', '以旧换新 (source.tradeIn)']);
  for (let i = 0; i < ROWS; i++) ws.addRow([`重启旧件${i}`, '回收站', 'recycler', '否']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(name: string, data: Buffer) {
  const boundary = '----restart' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('trace import across a restart', () => {
  it('an .xlsx import stopped mid-file by a shutdown is rolled back and finished once by the next process', async () => {
    const onPostgres = !!testEnvironment().databaseUrl;
    const store = onPostgres ? await reopenableDatabase() : null;
    const shared = store ? null : await freshDatabase();
    const open = async () => (store ? store.open() : { ...shared!, close: async () => undefined });
    const config = testConfig({ JOBS_POLL_MS: 20, LOGIN_RATE_PER_MINUTE: 10_000 });
    try {
      const db1 = await open();
      const app1 = await buildApp({ config, database: db1, serveWeb: false });
      const e = await buildEnterprise(app1.services, { regionCode: '440106' });
      const user = await buildUser(app1.services, 'enterprise_admin', { organizationId: e.id });
      const s1 = await login(app1, user.username, TEST_PASSWORD);
      const m = multipart('intake.xlsx', await intakeWorkbook());
      const r = await app1.inject({ method: 'POST', url: '/api/v1/trace/import/intake', headers: { ...s1.headers, ...m.headers }, payload: m.payload });
      expect(r.statusCode, r.body).toBe(200);
      const importId = r.json().job.id as string;
      // its first chunks are captured: the import's transaction is open mid-file (read from the import's memory —
      // on PGlite the open transaction holds the one connection, so no query could answer now)
      const principal = principalOf(user, null);
      await until(() => app1.services.traceImport.job(principal, importId), (j) => j.status === 'running' && j.processed > 0, 120_000);
      await app1.close(); // the shutdown aborts the job: its transaction rolls back, the job is handed back

      const count = async (db: typeof db1.db) => (await q<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM trace_objects WHERE enterprise_id = ${e.id} AND name LIKE '重启旧件%'`))[0]!.n;
      const db2 = await open();
      expect(await count(db2.db)).toBe(0); // nothing half-imported
      expect((await q<{ state: string }>(db2.db, sql`SELECT state FROM jobs WHERE key = ${`trace-import:${importId}`}`))[0]!.state).toBe('queued');
      const app2 = await buildApp({ config, database: db2, serveWeb: false });
      const s2 = await login(app2, user.username, TEST_PASSWORD);
      const done = await until(
        async () => (await app2.inject({ method: 'GET', url: `/api/v1/trace/import/jobs/${importId}`, headers: s2.headers })).json().job as { status: string; processed: number },
        (j) => j.status !== 'running',
        180_000,
      );
      expect(done).toMatchObject({ status: 'succeeded', processed: ROWS });
      const events = (await q<{ n: number }>(db2.db, sql`SELECT count(*)::int AS n FROM epcis_events WHERE enterprise_id = ${e.id}`))[0]!.n;
      await app2.services.trace.projection.drain();
      expect({ events, objects: await count(db2.db) }).toEqual({ events: ROWS, objects: ROWS });
      await app2.close();
    } finally {
      await store?.drop();
      await shared?.close();
    }
  }, 400_000);
});
