/**
 * Operator CLI: `npm run reman -- <command> [options]`.
 *   user:create --username U --role R --org ORG_ID --name "显示名" [--password P]
 *   user:reset-password --username U [--password P]
 *   audit:verify
 *   backup:export <file.tar.gz>          (embedded database only; stop the server first)
 *   backup:import <file.tar.gz> [--force] (embedded database only; --force moves the current DATA_DIR aside)
 *   migrate | demo:seed
 *   jobs:list [--state queued|running|succeeded|failed|discarded] [--task T] | jobs:retry <id> | jobs:discard <id>
 *   trace:repair --enterprise <id> [--skip]
 *   files:gc [--dry-run]
 *   search:backfill
 */
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ROLE_VALUES, type Role } from '../domain/enterprise.js';
import { createServices } from './app.js';
import type { AppConfig } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { seedDemoData } from './demo.js';
import { verifyAuditChain } from './platform/audit.js';
import { verifyEventChains } from './modules/epcis/epcis-chain.js';
import { initialPassword } from './platform/secrets.js';
import { readBackupArchive, writeBackupArchive } from './modules/files/backup-archive.js';
import { fileStore } from './modules/files/blob-store.js';
import { DomainError } from './platform/errors.js';
import { JOB_STATES, type JobState } from './platform/queue/queue.js';

export const USAGE = `用法 Usage: npm run reman -- <command>
  user:create --username U --role ROLE --org ORG_ID --name NAME [--password P]
      ROLE: ${ROLE_VALUES.join(', ')}
      ORG_ID: enterprise id, authority id (miit, prov-440000, city-440300, xpcc …) or expert id
  user:reset-password --username U [--password P]
  audit:verify
  backup:export FILE        (embedded PGlite database; stop the server first)
  backup:import FILE [--force]
  migrate
  demo:seed
  jobs:list [--state queued|running|succeeded|failed|discarded] [--task T]   (failed = dead jobs)
  jobs:retry ID             run a dead (or discarded, or waiting) job again now
  jobs:discard ID           give up a waiting or dead job
  trace:repair --enterprise ID [--skip]
                                 clear a quarantined trace projection stream and project its backlog now;
                                 --skip first moves past the stream's next event that cannot be projected (audited)
  files:gc [--dry-run]           delete stored files no record refers to, unreferenced for more than a day
  search:backfill                write the search words of rows stored without them, or of every row after the segmenter changed (also a job at each start)`;

export async function runCli(argv: string[], config: AppConfig, out: (s: string) => void = console.log): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      org: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      force: { type: 'boolean', default: false },
      state: { type: 'string' },
      task: { type: 'string' },
      enterprise: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      skip: { type: 'boolean', default: false },
    },
  });

  const open = (): Promise<Database> => openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const withServices = async <T>(fn: (s: ReturnType<typeof createServices>, d: Database) => Promise<T>) => {
    const database = await open();
    try {
      const s = createServices(database, config);
      await s.authorities.ensureSeeded();
      return await fn(s, database);
    } finally {
      await database.close();
    }
  };

  switch (command) {
    case 'user:create': {
      const { username, role, org, name } = values;
      if (!username || !role || !org || !name) throw new UsageError('user:create needs --username, --role, --org and --name');
      if (!(ROLE_VALUES as readonly string[]).includes(role)) throw new UsageError(`unknown role ${role}`);
      const password = values.password ?? initialPassword();
      await withServices((s) =>
        s.identity.createUserAsOperator({ username, displayName: name, role: role as Role, organizationId: org, password, mustChangePassword: values.password === undefined }),
      );
      out(values.password ? `created ${username}` : `created ${username}; initial password (change on first login): ${password}`);
      return 0;
    }
    case 'user:reset-password': {
      if (!values.username) throw new UsageError('user:reset-password needs --username');
      const password = values.password ?? initialPassword();
      await withServices((s) => s.identity.setPasswordAsOperator(values.username!, password, values.password === undefined));
      out(values.password ? `password set for ${values.username}` : `new initial password for ${values.username}: ${password}`);
      return 0;
    }
    case 'audit:verify': {
      const report = await withServices(async (_s, d) => {
        const audit = await verifyAuditChain(d.db);
        const eventChains = await verifyEventChains(d.db);
        return { ...audit, ok: audit.ok && eventChains.ok, eventChains };
      });
      out(JSON.stringify(report));
      return report.ok ? 0 : 1;
    }
    case 'backup:export': {
      const file = positionals[0];
      if (!file) throw new UsageError('backup:export needs a file name');
      if (config.DATABASE_URL) throw new UsageError('backup:export covers the embedded database; use pg_dump for PostgreSQL');
      const database = await openDatabase({ dataDir: config.DATA_DIR, migrate: false });
      let count = 0;
      try {
        // the database and the file store together (files whose bytes are still in the table travel in the dump)
        const dump = Buffer.from(await (await database.pglite!.dumpDataDir('gzip')).arrayBuffer());
        const store = fileStore(config);
        count = await writeBackupArchive(file, dump, (async function* () {
          for await (const sha of store.list()) yield { sha, data: (await store.get(sha))! };
        })());
      } finally {
        await database.close();
      }
      out(`exported ${config.DATA_DIR} and ${count} stored files → ${file}`);
      return 0;
    }
    case 'backup:import': {
      const file = positionals[0];
      if (!file) throw new UsageError('backup:import needs a file name');
      if (config.DATABASE_URL) throw new UsageError('backup:import covers the embedded database; use pg_restore for PostgreSQL');
      if (existsSync(config.DATA_DIR) && readdirSync(config.DATA_DIR).length > 0) {
        if (!values.force) throw new UsageError(`${config.DATA_DIR} is not empty: pass --force to move it aside`);
        const aside = `${config.DATA_DIR.replace(/\/$/, '')}.before-import-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        renameSync(config.DATA_DIR, aside);
        out(`moved current data to ${aside}`);
      }
      // an archive of database + files, or (backups made before the file store) the database dump alone
      const store = fileStore(config);
      const count = await readBackupArchive(
        file,
        async (dump) => {
          const database = await openDatabase({ dataDir: config.DATA_DIR, loadDataDir: new Blob([new Uint8Array(dump)]) });
          await database.close();
        },
        async (sha, data) => {
          if ((await store.put(data)) !== sha) throw new Error(`backup entry files/${sha} does not match its hash`);
        },
      );
      out(`imported ${file} → ${config.DATA_DIR} (${count} stored files)`);
      return 0;
    }
    case 'migrate': {
      const database = await open();
      await database.close();
      out('migrations applied');
      return 0;
    }
    case 'demo:seed': {
      const created = await withServices((s, d) => seedDemoData(s, d, config));
      out(created ? 'demo data created' : 'demo data already present');
      return 0;
    }
    case 'jobs:list': {
      const state = values.state as JobState | undefined;
      if (state && !(JOB_STATES as readonly string[]).includes(state)) throw new UsageError(`unknown state ${state} (${JOB_STATES.join(', ')})`);
      const { items, total } = await withServices((s) => s.jobs.list({ state, task: values.task }, 1, 200));
      for (const j of items) {
        const progress = j.total != null ? ` ${j.done ?? 0}/${j.total}` : '';
        out(`${j.id}\t${j.state}\t${j.task}\tattempts ${j.attempts}/${j.maxAttempts}${progress}\t${j.updatedAt}${j.lastError ? `\t${j.lastError.split('\n')[0]}` : ''}`);
      }
      out(`${total} job(s)${total > items.length ? `, newest ${items.length} shown` : ''}`);
      return 0;
    }
    case 'jobs:retry':
    case 'jobs:discard': {
      const id = Number(positionals[0]);
      if (!Number.isSafeInteger(id) || id <= 0) throw new UsageError(`${command} needs a job id`);
      const job = await withServices((s) => (command === 'jobs:retry' ? s.jobs.retry(null, id) : s.jobs.discard(null, id))).catch((err: unknown) => {
        if (err instanceof DomainError) throw new UsageError(err.message);
        throw err;
      });
      out(`job ${job.id} (${job.task}): ${job.state}`);
      return 0;
    }
    case 'trace:repair': {
      const enterpriseId = values.enterprise;
      if (!enterpriseId || !/^[0-9a-f-]{36}$/i.test(enterpriseId)) throw new UsageError('trace:repair needs --enterprise <enterprise id>');
      const r = await withServices((s) => s.trace.projection.repair(null, enterpriseId, { skip: values.skip === true })).catch((err: unknown) => {
        if (err instanceof DomainError) throw new UsageError(err.message);
        throw err;
      });
      out(`${enterpriseId}: quarantine cleared (was: ${r.before.quarantinedAt ? `quarantined since ${r.before.quarantinedAt}: ${r.before.quarantineReason}` : `not quarantined, ${r.before.failures} failure(s) in a row`})`);
      if (values.skip === true) out(r.skipped ? `skipped event ${r.skipped.eventId} (stream seq ${r.skipped.seq}): ${r.skipped.error} — it stays stored and queryable, outside the projection (audited)` : 'no failing event found after the cursor: nothing skipped')
      out(r.caughtUp ? 'projected to the head of the stream' : `projection failed again (retried with backoff, quarantined again after TRACE_PROJECTION_MAX_FAILURES): ${r.error}`);
      return r.caughtUp ? 0 : 1;
    }
    case 'files:gc': {
      const dryRun = values['dry-run'] === true;
      const r = await withServices((s) => s.files.collectGarbage({ dryRun }));
      out(`${r.scanned} stored file(s) scanned; ${r.deleted.length} unreferenced for more than a day (${r.bytes} bytes) ${dryRun ? 'would be deleted (dry run)' : 'deleted'}`);
      for (const sha of r.deleted) out(`  ${sha}`);
      return 0;
    }
    case 'search:backfill': {
      const counts = await withServices((s) => s.searchBackfill.run());
      for (const c of counts) out(`${c.table}: ${c.written} search vector(s) written of ${c.read} row(s) ${c.mode === 'resegment' ? 're-segmented (segmenter changed)' : 'without one'}`);
      return 0;
    }
    default:
      out(USAGE);
      return command ? 2 : 0;
  }
}

export class UsageError extends Error {}

