import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * The only reader of process.env. Every setting is validated at start; a bad value stops the process
 * with a message naming the variable.
 */
const boolish = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Demo data on a new database (and the movable demo clock). Unset: on, except with NODE_ENV=production. */
  REMAN_DEMO: boolish.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Behind a TLS-terminating proxy: whose X-Forwarded-* to believe (Fastify trustProxy). `0`/`false`: nobody;
   * `1`/`true`: exactly one hop (the proxy in front); `N`: N hops; or a comma list of proxy addresses/CIDRs.
   * Never "trust everything": any client could then forge its address (rate limits, audit log).
   */
  TRUST_PROXY: z
    .string()
    .default('0')
    .transform((v, ctx): false | number | string[] => {
      const t = v.trim().toLowerCase();
      if (t === '0' || t === 'false' || t === 'no') return false;
      if (t === 'true' || t === 'yes') return 1;
      if (/^\d+$/.test(t)) return Math.min(Number(t), 100);
      const list = t.split(',').map((s) => s.trim()).filter(Boolean);
      const bad = list.filter((a) => { const [ip, bits, ...rest] = a.split('/'); return rest.length > 0 || !isIP(ip!) || (bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(ip!) === 4 ? 32 : 128))); });
      if (list.length === 0 || bad.length > 0) {
        ctx.addIssue({ code: 'custom', message: `must be 0, 1, a number of hops, or a comma list of addresses/CIDRs (bad: ${bad.join(', ') || v})` });
        return z.NEVER;
      }
      return list;
    }),
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** account lock after this many failed logins (a known device still gets its owner in; docs/security.md) */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  /** failed logins per client address before it must wait 1, 2, 4 … 30 minutes between attempts */
  LOGIN_ADDRESS_FAILURES: z.coerce.number().int().min(1).max(100_000).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  /** public product verification (QR scans) per client address per minute */
  VERIFY_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(120),
  /** every other public endpoint (/api/v1/public/*, /p/*) per client address per minute, each route counted apart */
  PUBLIC_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(300),
  /** URLs per sitemap file (the protocol allows 50,000): beyond, /sitemap.xml is an index of /sitemap-portal.xml and /sitemap-market-N.xml */
  SITEMAP_URLS_PER_FILE: z.coerce.number().int().min(1).max(50_000).default(45_000),
  /** scrypt cost parameter N (power of two). Stored with each hash, so changing it keeps old hashes valid. */
  PASSWORD_SCRYPT_N: z.coerce
    .number()
    .int()
    .refine((n) => n >= 1024 && (n & (n - 1)) === 0, 'must be a power of two ≥ 1024')
    .default(16384),
  WEB_DIST_DIR: z.string().default('./dist/web'),
  /**
   * /epcis captures of at most this many events are projected into the trace tables inside their own
   * transaction; larger ones are acknowledged at the event store's speed and projected right after commit.
   */
  TRACE_INLINE_PROJECTION_MAX: z.coerce.number().int().min(0).max(20_000).default(1000),
  /** Durable job queue (docs/architecture.md "Background jobs"): jobs run at once per process (PGlite: always 1). */
  JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Idle poll interval of the job workers (doubles up to 8× while idle; a commit that enqueues wakes them). */
  JOBS_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  /** Lease of a running job: a job left running by a stopped process runs again after this. */
  JOBS_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Retry delay of a failed job attempt n: base·2^(n−1), jittered to 50–100 %. */
  JOBS_BACKOFF_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(5000),
  /** A trace projection stream failing this many times in a row is quarantined until `reman trace:repair`. */
  TRACE_PROJECTION_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  /** Per-file upload limit (attachments, evidence, photos). */
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(200).default(20),
  /** .xlsx uploads whose entries would inflate beyond this are refused before reading (zip bombs). */
  /**
   * Load shedding (@fastify/under-pressure): above this mean event-loop delay, or this much V8 heap in use
   * (0: 85 % of the heap limit), requests answer 503 with Retry-After instead of queueing. 0 turns a check off.
   */
  PRESSURE_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(1000),
  PRESSURE_MAX_HEAP_MB: z.coerce.number().int().min(0).max(1_000_000).default(0),
  /** Uploaded files' bytes (content-addressed, ab/cd/<sha256>); default `${DATA_DIR}-files`. Shared by all processes. */
  FILE_STORE_DIR: z.string().min(1).optional(),
  /** Total size of the evidence files of one filing by a caller who is not logged in (complaint, objection). */
  ANON_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(1000).default(20),
  SPREADSHEET_MAX_UNCOMPRESSED_MB: z.coerce.number().int().min(1).max(2000).default(50),
  // ---- 在役运行监测 (docs/monitoring.md) ----
  /** MQTT ingest (docs/monitoring.md §Ingest); `0` turns it off (HTTP ingest only). */
  MQTT_ENABLED: boolish.default(true),
  /**
   * Port of the embedded broker (aedes). Set: a port in use is a startup error naming MQTT_PORT. Unset: 1883, and when
   * 1883 is taken (Mosquitto often holds it) the next free port, said loudly in the log and the start banner
   * (docs/decisions.md "Embedded MQTT broker port").
   */
  MQTT_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  MQTT_HOST: z.string().min(1).default('0.0.0.0'),
  /** An external broker (Mosquitto, EMQX) instead of the embedded one: mqtt://user:pass@host:1883 */
  MQTT_URL: z.string().regex(/^mqtts?:\/\//, 'must start with mqtt:// or mqtts://').optional(),
  /** Client id base of this process at the external broker (stable: its persistent session survives a restart); default reman-<host>-<PORT>. */
  MQTT_CLIENT_ID: z.string().min(1).max(100).optional(),
  /** Shared-subscription group at the external broker ($share/<group>/…): the processes of one platform share it. */
  MQTT_SHARE_GROUP: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only').default('reman'),
  /** Connections per process in the shared group (each takes one message at a time, acknowledged after it is stored). */
  MQTT_SUBSCRIBERS: z.coerce.number().int().min(1).max(64).default(4),
  /** How long the external broker keeps this process's session (and its unacknowledged messages) while it is away. */
  MQTT_SESSION_EXPIRY_SECONDS: z.coerce.number().int().min(60).max(4_294_967_295).default(7 * 86_400),
  /** Shared secret of the broker's HTTP auth/ACL calls (header x-reman-mqtt-secret); unset: those endpoints refuse. */
  MQTT_AUTH_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  /** A device not heard from for this long is shown offline. */
  DEVICE_OFFLINE_SECONDS: z.coerce.number().int().min(10).max(30 * 86_400).default(300),
  /** Retention per resolution: raw points (dropped by day partition), 1-minute and 1-hour rollups. */
  TELEMETRY_RAW_RETENTION_DAYS: z.coerce.number().int().min(2).max(3650).default(30),
  TELEMETRY_1M_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  TELEMETRY_1H_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).default(1825),
  /** Day partitions of the raw table created ahead by the partitions job. */
  TELEMETRY_PARTITIONS_AHEAD_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  /** A point stamped later than now + this is refused (device clock wrong). */
  TELEMETRY_MAX_FUTURE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
  /**
   * Demo: the in-process simulator keeps the live demo devices publishing (docs/monitoring.md "Demo"). Unset: on when
   * demo data is on, except with NODE_ENV=production or test.
   */
  DEMO_LIVE_DEVICES: boolish.optional(),
  /** Alarm webhooks may aim at loopback, private and link-local addresses (tests; a closed network). Off: refused (SSRF). */
  WEBHOOK_ALLOW_PRIVATE: boolish.default(false),
});

const ConfigSchema = EnvSchema.transform((c) => ({ ...c, REMAN_DEMO: c.REMAN_DEMO ?? c.NODE_ENV !== 'production' }));

export type AppConfig = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parse a set of variables (defaults to process.env). Throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.')}=${JSON.stringify(cleaned[String(i.path[0])] ?? '')}: ${i.message}`),
    );
  }
  return parsed.data;
}

/** Config for tests: defaults suitable for in-process apps, overridable. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  // no load shedding by event-loop delay: test machines stall for reasons unrelated to the code under test;
  // many tests log in wrongly from one address (127.0.0.1): the per-address backoff is tested where set explicitly
  return { ...loadConfig({ NODE_ENV: 'test', REMAN_DEMO: '0', LOG_LEVEL: 'silent' }), PASSWORD_SCRYPT_N: 1024, PRESSURE_MAX_EVENT_LOOP_DELAY_MS: 0, FILE_STORE_DIR: 'memory://', LOGIN_ADDRESS_FAILURES: 100_000, ...overrides };
}

/** Test-only settings (read here so that config.ts stays the only reader of process.env). */
export function testEnvironment(env: Record<string, string | undefined> = process.env) {
  return {
    databaseUrl: env.TEST_DATABASE_URL || undefined,
    mqttUrl: env.TEST_MQTT_URL || undefined,
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
    outputDir: env.TEST_OUTPUT_DIR || 'test-output',
    /** CI=true: a check that cannot run here (no Chromium, LibreOffice, CJK font, pdftotext) fails instead of skipping. */
    ci: env.CI === 'true',
  };
}
