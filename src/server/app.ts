import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { registerWebApp, type WebAssetMode } from './platform/web-static.js';
import { publicHomeRoutes } from './platform/public-home.js';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from './config.js';
import type { Database } from './db/client.js';
import { authPlugin } from './platform/auth.js';
import { LOG_REDACT_PATHS, serializeError } from './platform/log-redaction.js';
import { installErrorHandler, notFoundBody } from './platform/error-handler.js';
import { installInputGuard } from './platform/input-guard.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authorityRoutes } from './modules/authorities/authorities.routes.js';
import { createAuthorityService } from './modules/authorities/authorities.service.js';
import { enterpriseRoutes } from './modules/enterprises/enterprises.routes.js';
import { createEnterpriseService } from './modules/enterprises/enterprises.service.js';
import { expertRoutes } from './modules/experts/experts.routes.js';
import { createExpertService } from './modules/experts/experts.service.js';
import { identityRoutes } from './modules/identity/identity.routes.js';
import { createIdentityService, type OrgDirectory } from './modules/identity/identity.service.js';
import { announcementRoutes } from './modules/announcements/announcements.routes.js';
import { createAnnouncedList, createAnnouncementService } from './modules/announcements/announcements.service.js';
import { applicationRoutes } from './modules/applications/applications.routes.js';
import { createApplicationService } from './modules/applications/applications.service.js';
import { createReviewService } from './modules/applications/review.service.js';
import { createFileService } from './modules/files/files.service.js';
import { fileStore } from './modules/files/blob-store.js';
import { noticeRoutes } from './modules/notices/notices.routes.js';
import { createNoticeService } from './modules/notices/notices.service.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { createNotificationService } from './modules/notifications/notifications.service.js';
import { workbenchRoutes } from './modules/workbench/workbench.routes.js';
import { demoRoutes } from './modules/demo/demo.routes.js';
import { systemClock, type Clock } from './platform/clock.js';
import multipart from '@fastify/multipart';
import { changeRoutes, createChangeService } from './modules/changes/index.js';
import { createConditionsWatch, createFindingsService, findingRoutes } from './modules/findings/index.js';
import { complaintRoutes, createComplaintService } from './modules/complaints/index.js';
import { createRevocationLocks, createRevocationService, revocationRoutes } from './modules/revocations/index.js';
import { createWorkbenchService } from './modules/workbench/workbench.service.js';
import { createAuditService, type AuditService } from './modules/audit/audit.service.js';
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import { getHeapStatistics } from 'node:v8';
import { annualReportRoutes } from './modules/annual-reports/annual-reports.routes.js';
import { createAnnualReportService } from './modules/annual-reports/annual-reports.service.js';
import { statisticsRoutes } from './modules/statistics/statistics.routes.js';
import { epcisRoutes } from './modules/epcis/epcis.routes.js';
import { createEpcisService } from './modules/epcis/epcis.service.js';
import { traceRoutes } from './modules/trace/trace.routes.js';
import { labelRoutes } from './modules/trace/labels.routes.js';
import { createTraceService } from './modules/trace/trace.service.js';
import { createTraceImport } from './modules/trace/trace.import.js';
import { createStatisticsService } from './modules/statistics/statistics.service.js';
import { createQueue, type Queue } from './platform/queue/queue.js';
import { queueRoutes } from './platform/queue/queue.routes.js';
import { createPublicCache, type PublicCache } from './platform/public-cache.js';
import { publicRateLimit } from './platform/public-rate-limit.js';
import { buyerRoutes } from './modules/buyers/buyers.routes.js';
import { createBuyerService } from './modules/buyers/buyers.service.js';
import { listingRoutes } from './modules/listings/listings.routes.js';
import { createListingService } from './modules/listings/listings.service.js';
import { listingsSearchBackfill } from './modules/listings/index.js';
import { portalRoutes } from './modules/portal/portal.routes.js';
import { createPortalContentService, createPortalService } from './modules/portal/portal.service.js';
import { portalSearchBackfill } from './modules/portal/portal.repo.js';
import { deviceRoutes } from './modules/devices/devices.routes.js';
import { createDeviceService } from './modules/devices/devices.service.js';
import { createTelemetryService } from './modules/devices/telemetry.service.js';
import { orderRoutes } from './modules/orders/orders.routes.js';
import { leasingRoutes } from './modules/leasing/leasing.routes.js';
import { createLeasingService } from './modules/leasing/leasing.service.js';
import { leaseOf, unitLeased } from './modules/leasing/index.js';
import { createInsuranceService, insuranceRoutes, type InsuranceService } from './modules/insurance/index.js';
import { coreExchangeRoutes, corePostingsSearchBackfill, createCoreExchangeService, type CoreExchangeService } from './modules/core-exchange/index.js';
import { createOrderMarket } from './modules/orders/index.js';
import { createRatingService, ratingRoutes } from './modules/ratings/index.js';
import { createMarketService, marketRoutes } from './modules/market/index.js';
import { createOrderService } from './modules/orders/orders.service.js';
import { createTradeInService } from './modules/orders/orders.trade-in.js';
import { alarmRoutes, createAlarmService } from './modules/alarms/index.js';
import { caseRoutes, createCaseService } from './modules/cases/index.js';
import type { Principal } from './platform/principal.js';
import { createMqttService, mqttUsername } from './modules/devices/mqtt.service.js';
import { mqttRoutes } from './modules/devices/mqtt.routes.js';
import { commandRoutes } from './modules/devices/commands.routes.js';
import { createCommandService } from './modules/devices/commands.service.js';
import { createDeviceHealthService } from './modules/devices/health.service.js';
import { announcementSources, catalogueSource, createSearchService, listingSource, noticeSource, portalSources, searchRoutes } from './modules/search/index.js';
import { catalogueRoutes, catalogueSearchBackfill, createCatalogueService } from './modules/catalogue/index.js';
import { createSearchBackfill, type SearchBackfill } from './platform/search/backfill.js';

export interface Services {
  authorities: ReturnType<typeof createAuthorityService>;
  enterprises: ReturnType<typeof createEnterpriseService>;
  experts: ReturnType<typeof createExpertService>;
  identity: ReturnType<typeof createIdentityService>;
  orgs: OrgDirectory;
  files: ReturnType<typeof createFileService>;
  notifications: ReturnType<typeof createNotificationService>;
  applications: ReturnType<typeof createApplicationService>;
  review: ReturnType<typeof createReviewService>;
  notices: ReturnType<typeof createNoticeService>;
  announcements: ReturnType<typeof createAnnouncementService>;
  revocations: ReturnType<typeof createRevocationService>;
  changes: ReturnType<typeof createChangeService>;
  findings: ReturnType<typeof createFindingsService>;
  conditionsWatch: ReturnType<typeof createConditionsWatch>;
  complaints: ReturnType<typeof createComplaintService>;
  annualReports: ReturnType<typeof createAnnualReportService>;
  statistics: ReturnType<typeof createStatisticsService>;
  workbench: ReturnType<typeof createWorkbenchService>;
  /** the audit trail's reads (every module writes through platform/audit.ts recordAudit) */
  audit: AuditService;
  epcis: ReturnType<typeof createEpcisService>;
  trace: ReturnType<typeof createTraceService>;
  /** The durable job queue (platform/queue): tasks are defined here, the worker is started by buildApp. */
  jobs: Queue;
  /** search vectors of rows stored before their search column (job search.backfill, enqueued by main.ts) */
  searchBackfill: SearchBackfill;
  /** bulk import of lifecycle steps (its background runs are jobs of the queue) */
  traceImport: ReturnType<typeof createTraceImport>;
  /** 交易服务 (issue 13): buyer organisations, listings */
  buyers: ReturnType<typeof createBuyerService>;
  listings: ReturnType<typeof createListingService>;
  clock: Clock;
  /** answers of the public GET endpoints; writes that change them invalidate after commit */
  publicCache: PublicCache;
  /** 公共信息服务: standards, policies, demonstration units, testing organisations, feeds, datasets, targets, search */
  portal: ReturnType<typeof createPortalService>;
  /** 在役运行监测: devices (products of the trace) and their telemetry (docs/monitoring.md) */
  devices: ReturnType<typeof createDeviceService>;
  telemetry: ReturnType<typeof createTelemetryService>;
  /** 交易服务 orders, payments, 以旧换再 trade-in (docs/trading.md §Orders/§Trade-in) */
  orders: ReturnType<typeof createOrderService>;
  tradeIns: ReturnType<typeof createTradeInService>;
  /** 租赁与以租代购 (issue 13, docs/trading.md "Leasing") */
  leasing: ReturnType<typeof createLeasingService>;
  /** 保险 (issue 13): quality insurance policies and the claims routed to insurers */
  insurance: InsuranceService;
  /** 旧件交易 (issue 13): core supply/demand postings, matches, transfers into the traces */
  core: CoreExchangeService;
  /** 告警: rules, evaluation on ingest and on the clocks, lifecycle, webhooks (docs/monitoring-alarms.md) */
  alarms: ReturnType<typeof createAlarmService>;
  /** 交易服务 quality feedback (docs/trading.md "Quality feedback") */
  ratings: ReturnType<typeof createRatingService>;
  /** 交易服务 market statistics; `tradedValue(year)` is the public aggregate for the portal */
  market: ReturnType<typeof createMarketService>;
  /** 工单 and warranty claims (docs/monitoring-cases.md) */
  cases: ReturnType<typeof createCaseService>;
  /** MQTT ingest: embedded broker / external-broker subscriber gateway, broker HTTP auth/ACL (docs/monitoring.md §Ingest) */
  mqtt: ReturnType<typeof createMqttService>;
  commands: ReturnType<typeof createCommandService>;
  /** health index, remaining useful life, fleet view and live stream reads of devices */
  deviceHealth: ReturnType<typeof createDeviceHealthService>;
  /** 一站式检索 (issue 14): search_documents fed by the modules' services (docs/public-portal.md "One search") */
  search: ReturnType<typeof createSearchService>;
  /** 再制造产品目录 (issue 14): catalogue applications, review, numbered batches (docs/public-portal.md "Catalogue") */
  catalogue: ReturnType<typeof createCatalogueService>;
}

/** Reads a user's organisation through identity's own access rule (alarm assignment); never a caller. */
const USER_DIRECTORY_READER: Principal = { kind: 'user', userId: '00000000-0000-0000-0000-000000000000', username: 'system:alarms', role: 'ministry_admin', enterpriseId: null, authorityId: null, expertId: null, mustChangePassword: false, sessionTokenHash: null };

/**
 * Wire the modules in dependency order: each gets the database and the other modules' services it calls,
 * nothing more, and nothing is looked up later (docs/architecture.md "Modules and their dependencies").
 */
export function createServices(database: Database, config: AppConfig, clock: Clock = systemClock): Services {
  const { db } = database;
  const jobs = createQueue({
    db,
    concurrency: database.kind === 'pglite' ? 1 : config.JOBS_CONCURRENCY,
    pollMs: config.JOBS_POLL_MS,
    leaseMs: config.JOBS_LEASE_SECONDS * 1000,
    backoffBaseMs: config.JOBS_BACKOFF_BASE_MS,
  });
  const publicCache = createPublicCache();
  const authorities = createAuthorityService({ db });
  const enterprises = createEnterpriseService({ db, publicCache });
  const experts = createExpertService({ db });
  const orgs: OrgDirectory = {
    async resolve(id) {
      const a = await authorities.get(id);
      if (a) return { id, kind: 'authority', name: a.name };
      if (!z.uuid().safeParse(id).success) return null;
      const name = (await enterprises.names([id])).get(id);
      if (name) return { id, kind: 'enterprise', name };
      const e = await experts.get(id);
      // an expert's organisation is the institution they work at, not their own name (issue 16 item 9)
      if (e) return { id, kind: 'expert', name: e.organization || e.name };
      const b = await buyers.get(id);
      if (b) return { id, kind: b.kind, name: b.name };
      // a published entry of the directory of testing organisations (issue 14: its users issue test reports)
      const t = await portalContent.testingOrgs.get(null, id).catch(() => null);
      return t ? { id, kind: 'testing_org', name: t.name } : null;
    },
  };
  const identity = createIdentityService({ db, config, orgs });
  const buyers = createBuyerService({ db, identity });
  const files = createFileService({ db, maxBytes: config.UPLOAD_MAX_MB * 1024 * 1024, store: fileStore(config) });
  const notifications = createNotificationService({ db });
  const revocationLocks = createRevocationLocks({ db });
  // traceability reads only the announced list; applications read traceability's rates (表1-2 rows 12–13)
  const announcedList = createAnnouncedList({ db });
  const epcis = createEpcisService({ db, clock, enterprises });
  const trace = createTraceService({ db, clock, epcis, enterprises, announcements: announcedList, inlineProjectionMax: config.TRACE_INLINE_PROJECTION_MAX, projectionWorkers: database.kind === 'postgresql' ? 2 : 1, jobs, projectionMaxFailures: config.TRACE_PROJECTION_MAX_FAILURES });
  epcis.onStored(trace.projection.onStored);
  epcis.onCommitted(trace.projection.kick);
  const applications = createApplicationService({
    db,
    clock,
    files,
    enterprises,
    notifications,
    revocationLocks,
    // 表1-2 rows 12–13 cross-check (issue 15 item 7): the traced products' rates
    traceRates: async (p, enterpriseId, year) => {
      const x = (await trace.rates(p, year)).items.find((i) => i.enterpriseId === enterpriseId);
      return x && x.ratedProducts > 0 ? { massRate: x.massRate, valueRate: x.valueRate, products: x.ratedProducts, formulaVersion: String(x.formulaVersion ?? '') } : null;
    },
  });
  const review = createReviewService({ db, clock, applications, experts, enterprises });
  const notices = createNoticeService({ db, clock, applications, files, publicCache });
  const announcements = createAnnouncementService({ db, clock, applications, enterprises, publicCache });
  // the annual reports after traceability (表2-3 prefill) and before revocations (七(二)4(2) evidence)
  const traceImport = createTraceImport({ db, epcis, trace, jobs, maxUncompressedBytes: config.SPREADSHEET_MAX_UNCOMPRESSED_MB * 1024 * 1024 });
  const annualReports = createAnnualReportService({ db, clock, announcements, enterprises, notifications, publicCache, jobs, trace, maxUncompressedBytes: config.SPREADSHEET_MAX_UNCOMPRESSED_MB * 1024 * 1024 });
  // 动态管理 (modules/supervision): complaints open revocation cases
  const revocations = createRevocationService({ db, clock, files, enterprises, notifications, announcements, workdayOverrides: () => notices.overrides(), annualReports, applications });
  // 七(二)4(1) prompts (issue 15 items 13, 15): raised by changes and the conditions watch, decided by the authority
  const findings = createFindingsService({ db, clock, enterprises, notifications });
  const changes = createChangeService({ db, clock, files, enterprises, notifications, announcements, experts, findings });
  // 七(二)4(1) after the 公告 (issue 15 item 15): certificates, lease, annual report figures re-checked (main.ts: daily)
  const conditionsWatch = createConditionsWatch({
    db,
    clock,
    findings,
    sources: { activeEntries: () => announcements.allEntries(), applications: (ids) => applications.loadManyInternal(ids), reportFigures: () => annualReports.latestFigures() },
  });
  const complaints = createComplaintService({ db, clock, files, enterprises, notifications, revocations });
  const audit = createAuditService({ db });
  const workbench = createWorkbenchService({ authorities, enterprises, experts, applications, notices, annualReports, clock, sources: [changes, revocations, complaints, findings] });
  const portalContent = createPortalContentService({ db, clock, files, publicCache });
  const listings = createListingService({ db, trace, enterprises, announcements, publicCache, leases: { unitLeased }, stream: epcis });
  epcis.onStored(listings.onTraceStored); // a recall or revocation withdraws listed units in its own transaction
  const devices = createDeviceService({ db, clock, trace, enterprises, settings: { offlineAfterMs: config.DEVICE_OFFLINE_SECONDS * 1000 } });
  const telemetry = createTelemetryService({
    db, clock, devices,
    settings: { rawRetentionDays: config.TELEMETRY_RAW_RETENTION_DAYS, minuteRetentionDays: config.TELEMETRY_1M_RETENTION_DAYS, hourRetentionDays: config.TELEMETRY_1H_RETENTION_DAYS, partitionsAheadDays: config.TELEMETRY_PARTITIONS_AHEAD_DAYS, maxFutureMs: config.TELEMETRY_MAX_FUTURE_SECONDS * 1000 },
  });
  const tradeNames = { enterprises: (ids: string[]) => enterprises.names(ids), buyers: (ids: string[]) => buyers.names(ids) };
  // 以旧换再: the old unit's running hours from monitoring (latest `runHours` of its device), declared readings otherwise
  const runHours = (productCode: string) => telemetry.latestNumberOfProduct(productCode, 'runHours');
  const orders = createOrderService({ db, clock, listings, trace, files, notifications, publicCache, names: tradeNames, runHours });
  const tradeIns = createTradeInService({ db, clock, orders, trace, notifications, names: tradeNames });
  const leasing = createLeasingService({ db, clock, trace, orgs: buyers, enterprises, notifications, runHours, listings });
  const mqtt = createMqttService({ db, clock, devices, telemetry, settings: { platformUsername: mqttUsername(config.MQTT_URL), authSecret: config.MQTT_AUTH_SECRET ?? null } });
  devices.onCredentialsChanged(mqtt.forget); // a rotation or revocation: the cached device row of the broker ACL goes
  const deviceHealth = createDeviceHealthService({ db, clock, devices, trace, enterprises });
  const catalogue = createCatalogueService({ db, clock, publicCache, enterprises, portal: portalContent, trace, files, notifications, workdayOverrides: () => notices.overrides() });
  // 交易服务 market statistics (issue 13) before the industry statistics, whose public figures include the value traded
  const orderMarket = createOrderMarket({ db });
  const market = createMarketService({ clock, orders: orderMarket, leasing, listings, enterprises });
  const statistics = createStatisticsService({ annualReports, announcements, enterprises, market, thisYear: () => Number(clock.today().slice(0, 4)) });
  const portal = createPortalService({
    clock, content: portalContent, announcements, notices, statistics, catalogue,
    declarationSources: { declaredInApplications: (keys) => applications.declaredStandards(keys), tracedProducts: (keys, ids) => trace.productsByStandard(keys, ids) },
    publicCache,
  });
  // public answers about products (the market's listings, a standard's declarations): dropped once a committed
  // projection — inside the capture's transaction or the follower's — changed product rows
  trace.onProductsChanged(() => {
    listings.onProductsChanged();
    portal.declarations.onTraceCommitted();
  });
  epcis.onCommitted(listings.onTraceCommitted); // a recall's withdrawal of listed units shows at once, even when its projection is deferred
  // one search over the public data: sources read the owning modules' services; portal edits refresh at once
  const search = createSearchService({
    db,
    publicCache,
    sources: [...announcementSources(announcements), noticeSource(notices, enterprises), ...portalSources(portal.content), listingSource(listings), catalogueSource(catalogue)],
    productLookup: async (code) => {
      const p = await trace.publicProduct(code);
      return { type: 'product', refId: p.row.code, title: `${p.row.name}${p.row.model ? ` ${p.row.model}` : ''}`, body: `${p.row.code} ${p.enterpriseName} ${p.row.standard_no ?? ''}`, url: `/p/${encodeURIComponent(p.row.code)}` };
    },
  });
  portal.content.onPublicChange(async (kind, id) => void (await search.refresh(kind, id)));
  catalogue.onPublicChange(async () => void (await search.sync(['catalogue'])));
  const alarms = createAlarmService({
    db, clock, devices, notifications, jobs,
    parties: devices.parties, webhookAllowPrivate: config.WEBHOOK_ALLOW_PRIVATE, // owners hear of alarms; webhooks only to public addresses
    users: { enterpriseOf: (id) => identity.loadManagedUser(USER_DIRECTORY_READER, id).then((u) => u.enterpriseId, () => null) },
  });
  telemetry.onStored(alarms.onStored); // alarm evaluation after each ingest commits (HTTP and MQTT)
  // 保险 (issue 13): policies recorded at a sale or lease; a case out of warranty routes to the insurer (cases' hook)
  const insurance = createInsuranceService({
    db, clock, publicCache, notifications, orgs: buyers, enterprises, products: trace,
    sales: { order: async (id) => { const o = await orderMarket.order(id); return o ? { ...o, codes: (await listings.unitsOfOrder(db, o.enterpriseId, id)).map((u) => u.product_code) } : null; } },
    leases: { lease: (id) => leaseOf(db, id) },
  });
  const commands = createCommandService({ db, clock, devices, mqtt });
  const core = createCoreExchangeService({ db, clock, notifications, enterprises, orgs: buyers, trace, files });
  const searchBackfill = createSearchBackfill({ db, jobs, targets: [corePostingsSearchBackfill(db), catalogueSearchBackfill(db), ...portalSearchBackfill(db), listingsSearchBackfill(db, (ids) => enterprises.names(ids))] });
  const cases = createCaseService({ db, clock, devices, alarms: alarms.alarms, trace, notifications, enterprises, insurance, commands });
  // 交易服务 quality feedback and market statistics (issue 13): after orders, leasing and cases; the listings show the
  // sellers' quality figures through an explicit registration (listings are built before orders)
  const ratings = createRatingService({ db, clock, orders: orderMarket, listings, claims: cases, publicCache });
  listings.useQuality(ratings);
  return { audit, catalogue, search, authorities, enterprises, experts, identity, orgs, files, notifications, applications, review, notices, announcements, revocations, changes, conditionsWatch, findings, complaints, annualReports, statistics, workbench, epcis, trace, jobs, searchBackfill, traceImport, buyers, listings, clock, publicCache, devices, telemetry, deviceHealth, portal, mqtt, commands, orders, tradeIns, alarms, cases, leasing, ratings, market, insurance, core };
}

/** The web app's Content-Security-Policy (helmet directives). */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  // blob: — documents the app opens from blobs (label PDFs, downloads) inherit this policy and read their own blob
  'connect-src': ["'self'", 'blob:'],
  'object-src': ["'self'", 'blob:'],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/**
 * The web app's headers (@fastify/helmet with our options): a strict CSP for documents (Vite output: scripts from
 * 'self' only; antd's CSS-in-JS needs inline <style>), no framing, nosniff, same-origin referrer policy, COOP/CORP and
 * helmet's document defaults. HSTS is added per request, over HTTPS only.
 */
const DOCUMENT_HELMET = {
  contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'same-origin' },
  crossOriginEmbedderPolicy: false,
} as const;
/**
 * The API's headers (/api/…, JSON and files, never rendered as a page — docs/decisions.md "Security headers of API
 * answers", after the OWASP REST Security Cheat Sheet): the strictest CSP (`default-src 'none'; frame-ancestors
 * 'none'`: an answer opened in a tab runs and loads nothing, and is never framed), X-Frame-Options DENY, nosniff,
 * the referrer policy and CORP, `Cache-Control: no-store`; without helmet's document-only headers (COOP, X-XSS-Protection,
 * X-Download-Options, X-DNS-Prefetch-Control, Origin-Agent-Cluster, X-Permitted-Cross-Domain-Policies), which no
 * browser applies to a JSON answer.
 */
const API_HELMET = {
  contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] } },
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'same-origin' },
  frameguard: { action: 'deny' },
  crossOriginEmbedderPolicy: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
} as const;

/**
 * The headers @fastify/helmet sets with the given options, computed once at start and set by one synchronous hook
 * (registered as a plugin, @fastify/helmet rebuilds helmet on every request behind an async hook: 0.67× the cached
 * product scan, measured — see docs/security.md).
 */
async function helmetHeaders(options: Parameters<typeof helmet>[1]): Promise<Record<string, string>> {
  const probe = Fastify();
  await probe.register(helmet, options);
  probe.get('/', async () => 'probe');
  const res = await probe.inject('/');
  await probe.close();
  const own = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);
  return Object.fromEntries(Object.entries(res.headers).filter(([k]) => !own.has(k)).map(([k, v]) => [k, String(v)]));
}

export interface BuildOptions {
  config: AppConfig;
  database: Database;
  /** Serve the built web app from config.WEB_DIST_DIR when it exists (default true). */
  serveWeb?: boolean;
  /** How its files are sent (platform/web-static.ts): 'plain' only for the before/after first-load measurement. */
  webAssets?: WebAssetMode;
  /** /public answered with its first screen as HTML (platform/public-home.ts; default true; false only to measure without). */
  publicFirstScreen?: boolean;
  /** Time source (tests pass a manual clock). */
  clock?: Clock;
  /** Where the JSON log goes (default stdout; tests capture it). */
  logStream?: { write(line: string): void };
}

/** The page a browser gets for a page address while the server sheds load (both languages; reload after Retry-After). */
const OVERLOADED_PAGE =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<meta http-equiv="refresh" content="10"><link rel="icon" href="data:,"><title>服务器繁忙 · Server busy</title></head>' +
  '<body style="font-family:sans-serif;max-width:36em;margin:4em auto;padding:0 1em;color:#1f1f1f">' +
  '<h1 style="font-size:1.3em">服务器繁忙，请稍后再试</h1><p>页面将在 10 秒后自动重新加载。</p>' +
  '<h2 lang="en" style="font-size:1.1em">The server is busy; please try again shortly</h2><p lang="en">This page reloads itself in 10 seconds.</p></body></html>';

export async function buildApp({ config, database, serveWeb = true, webAssets = 'optimized', publicFirstScreen = true, clock = systemClock, logStream }: BuildOptions): Promise<FastifyInstance & { services: Services }> {
  const app = Fastify({
    logger: (config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL, redact: LOG_REDACT_PATHS, serializers: { err: serializeError }, ...(logStream ? { stream: logStream } : {}) }) as FastifyServerOptions['logger'],
    // N hops: trust the N nearest forwarders (Fastify ≥ 5.12 treats a bare number as "trust nobody"); a list: those addresses only
    trustProxy: typeof config.TRUST_PROXY === 'number' ? (_addr: string, hop: number) => hop < (config.TRUST_PROXY as number) : config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installInputGuard(app);
  // Security headers on every answer (docs/security.md): helmet's, computed once; set before any other hook so
  // that error answers carry them too and a route (/docs) may still replace its CSP.
  const documentHeaders = await helmetHeaders(DOCUMENT_HELMET);
  const apiHeaders = await helmetHeaders(API_HELMET);
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(req.url.startsWith('/api/') ? apiHeaders : documentHeaders);
    done();
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    reply.header('x-request-id', req.id);
    // HSTS only over HTTPS (directly, or via a trusted proxy's X-Forwarded-Proto): never pin plain-HTTP hosts
    if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    // /api/ answers are never stored (a handler cannot lift it), nor those of other routes with a policy. The URL
    // first: request.routeOptions builds a new object on every read
    if (req.url.startsWith('/api/')) {
      reply.header('cache-control', 'no-store');
      // files (PDF, images, spreadsheets) may be opened in a tab: the document headers (the PDF viewer is an object)
      const type = reply.getHeader('content-type');
      if (typeof type === 'string' && !type.startsWith('application/json')) reply.headers(documentHeaders);
    } else if (req.routeOptions.config?.policy) reply.header('cache-control', 'no-store');
    done(null, payload);
  });

  const services = createServices(database, config, clock);
  services.trace.projection.useLog(app.log);
  services.jobs.useLog(app.log);
  const movedFiles = await services.files.moveBlobsToStore();
  if (movedFiles) app.log.info({ files: movedFiles }, 'moved stored files from the database into the file store');
  await services.authorities.ensureSeeded();

  // Shed load before the process drowns: 503 in the error shape with Retry-After; /healthz always answers.
  await app.register(underPressure, {
    maxEventLoopDelay: config.PRESSURE_MAX_EVENT_LOOP_DELAY_MS,
    maxHeapUsedBytes: config.PRESSURE_MAX_HEAP_MB ? config.PRESSURE_MAX_HEAP_MB * 1024 * 1024 : Math.floor(getHeapStatistics().heap_size_limit * 0.85),
    // a returned body is sent as the answer (the plugin's contract; its type says void); undefined lets the request through
    // The web app's hashed files are let through: they cost a file read, and a page whose chunk failed cannot go on
    // (walkthrough 2026-12-07, docs/ux.md). A page address asked for by a browser gets a page, not the JSON error.
    pressureHandler: ((req: FastifyRequest, reply: FastifyReply) => {
      const path = req.url.split('?')[0]!;
      if (path === '/healthz' || (req.method === 'GET' && path.startsWith('/assets/'))) return undefined;
      void reply.status(503).header('retry-after', '10');
      if (!path.startsWith('/api/') && String(req.headers.accept ?? '').includes('text/html')) {
        void reply.type('text/html; charset=utf-8');
        return OVERLOADED_PAGE;
      }
      return { error: { code: 'OVERLOADED', message: '服务器繁忙，请稍后再试', messageEn: 'The server is overloaded; retry later', details: null } };
    }) as unknown as () => void,
  });
  await app.register(cookie);
  publicRateLimit(app, config.PUBLIC_RATE_PER_MINUTE); // before the plugin: its onRoute hook reads the config set here
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: config.UPLOAD_MAX_MB * 1024 * 1024, files: 5, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '再制造公共信息服务平台 API — Remanufacturing Public Information Service Platform',
        version: '1.0.0',
        description:
          'Errors: {"error":{"code","message","messageEn","details"}}. Browser sessions use the httpOnly cookie `reman_session`; writes must echo the `reman_csrf` cookie in `X-CSRF-Token`. Machines use `Authorization: Bearer <API token>`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'reman_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // Swagger UI: its own CSP (script hashes of its page), still no framing by others
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true, transformStaticCSP: (h) => h.replace("frame-ancestors 'self'", "frame-ancestors 'none'").replace(' upgrade-insecure-requests;', '') });
  await app.register(authPlugin, {
    config,
    resolvers: { session: (t) => services.identity.resolveSession(t), apiToken: (t) => services.identity.resolveApiToken(t) },
  });

  app.get('/healthz', {
    schema: { tags: ['ops'], summary: '健康检查 Health', response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) }) } },
    handler: async () => {
      await database.raw.query('SELECT 1');
      return { status: 'ok' as const, database: database.kind };
    },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(identityRoutes, { identity: services.identity, orgs: services.orgs, config });
  await app.register(authorityRoutes, { authorities: services.authorities });
  await app.register(enterpriseRoutes, { enterprises: services.enterprises, authorities: services.authorities });
  await app.register(expertRoutes, { experts: services.experts });
  await app.register(auditRoutes, { audit: services.audit });
  const presenterDeps = { authorities: services.authorities, enterprises: services.enterprises, experts: services.experts, applications: services.applications };
  await app.register(applicationRoutes, { ...presenterDeps, review: services.review, maxUploadBytes: config.UPLOAD_MAX_MB * 1024 * 1024 });
  await app.register(noticeRoutes, { notices: services.notices, applications: services.applications, enterprises: services.enterprises, publicCache: services.publicCache, maxUploadBytes: config.UPLOAD_MAX_MB * 1024 * 1024, anonUploadMaxBytes: config.ANON_UPLOAD_MAX_MB * 1024 * 1024 });
  await app.register(announcementRoutes, { announcements: services.announcements, publicCache: services.publicCache });
  await app.register(notificationRoutes, { notifications: services.notifications });
  await app.register(workbenchRoutes, { workbench: services.workbench });
  await app.register(demoRoutes, { clock, db: database.db, config });
  await app.register(annualReportRoutes, { annualReports: services.annualReports, authorities: services.authorities, clock, maxUploadBytes: config.UPLOAD_MAX_MB * 1024 * 1024 });
  await app.register(statisticsRoutes, { statistics: services.statistics, authorities: services.authorities, publicCache: services.publicCache });
  await app.register(epcisRoutes, { epcis: services.epcis });
  await app.register(traceRoutes, { trace: services.trace, imports: services.traceImport, maxUploadBytes: config.UPLOAD_MAX_MB * 1024 * 1024, verifyRatePerMinute: config.VERIFY_RATE_PER_MINUTE });
  await app.register(labelRoutes, { trace: services.trace, catalogue: services.catalogue }); // the catalogue badge on labels (issue 14)
  const supervisionDeps = { enterprises: services.enterprises, files: services.files, maxUploadBytes: config.UPLOAD_MAX_MB * 1024 * 1024 };
  await app.register(revocationRoutes, { ...supervisionDeps, revocations: services.revocations });
  await app.register(changeRoutes, { ...supervisionDeps, changes: services.changes, publicCache: services.publicCache });
  await app.register(findingRoutes, { findings: services.findings, enterprises: services.enterprises, runWatch: services.conditionsWatch });
  await app.register(complaintRoutes, { ...supervisionDeps, complaints: services.complaints, revocations: services.revocations, anonUploadMaxBytes: config.ANON_UPLOAD_MAX_MB * 1024 * 1024 });
  await app.register(queueRoutes, { jobs: services.jobs });
  await app.register(buyerRoutes, { buyers: services.buyers });
  await app.register(listingRoutes, { listings: services.listings, publicCache: services.publicCache, webDir: config.WEB_DIST_DIR });
  await app.register(catalogueRoutes, { catalogue: services.catalogue, publicCache: services.publicCache, maxUploadBytes: config.UPLOAD_MAX_MB * 1024 * 1024 });
  await app.register(portalRoutes, {
    portal: services.portal, publicCache: services.publicCache, maxUploadBytes: config.UPLOAD_MAX_MB * 1024 * 1024, webDir: config.WEB_DIST_DIR,
    // the market's listing pages in the sitemap (an index of files of SITEMAP_URLS_PER_FILE URLs once they are more)
    sitemapSources: [{ tag: 'listings', key: 'market', ...services.listings.sitemap }],
    sitemapUrlsPerFile: config.SITEMAP_URLS_PER_FILE,
  });
  await app.register(deviceRoutes, {
    devices: services.devices, telemetry: services.telemetry, health: services.deviceHealth,
    mqtt: config.MQTT_ENABLED ? { url: config.MQTT_URL ?? null, port: config.MQTT_URL ? null : (config.MQTT_PORT ?? 1883) } : null,
  });
  await app.register(orderRoutes, { orders: services.orders, tradeIns: services.tradeIns, maxUploadBytes: config.UPLOAD_MAX_MB * 1024 * 1024 });
  await app.register(leasingRoutes, { leasing: services.leasing });
  await app.register(insuranceRoutes, { insurance: services.insurance, publicCache: services.publicCache });
  await app.register(coreExchangeRoutes, { core: services.core, maxUploadBytes: config.UPLOAD_MAX_MB * 1024 * 1024 });
  await app.register(ratingRoutes, { ratings: services.ratings, publicCache: services.publicCache });
  await app.register(marketRoutes, { market: services.market });
  await app.register(alarmRoutes, { alarms: services.alarms });
  await app.register(caseRoutes, { cases: services.cases });
  await app.register(commandRoutes, { commands: services.commands });
  await app.register(mqttRoutes, { mqtt: services.mqtt });
  await app.register(searchRoutes, { search: services.search, publicCache: services.publicCache });

  const webDir = resolve(config.WEB_DIST_DIR);
  const hasWeb = serveWeb && existsSync(resolve(webDir, 'index.html'));
  if (hasWeb && publicFirstScreen) await app.register(publicHomeRoutes, { webDir });
  if (hasWeb) await registerWebApp(app, webDir, webAssets);
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    if (hasWeb && req.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/docs') && (path.startsWith('/p/') || !/\.\w+$/.test(path))) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(notFoundBody(req.method, req.url));
  });

  services.jobs.start();
  app.addHook('onClose', async () => {
    await services.jobs.stop();
    await services.trace.projection.stop();
    await database.close();
  });
  return Object.assign(app, { services }) as unknown as FastifyInstance & { services: Services };
}

