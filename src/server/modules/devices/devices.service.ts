import { randomUUID, timingSafeEqual } from 'node:crypto';
import { checkValue, modelProblems, templateModel, type ThingModel, type ThingModelTemplate } from '../../../domain/monitoring/thing-model.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import type { Clock } from '../../platform/clock.js';
import { DomainError, errors } from '../../platform/errors.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import { randomSecret, sha256Hex } from '../../platform/secrets.js';
import { stateChanged, uniqueOr } from '../../platform/tx.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import type { TraceService } from '../trace/trace.service.js';
import { canManageDevices, devicePolicy, makerOf, type DeviceSubject } from './devices.policy.js';
import { deviceRepo, thingModelRepo, type DeviceFilter, type DeviceRow } from './devices.repo.js';

export interface MonitoringSettings {
  /** a device not heard from for this long is offline */
  offlineAfterMs: number;
}

export interface DeviceServiceDeps {
  db: Db;
  clock: Clock;
  trace: TraceService;
  enterprises: EnterpriseService;
  settings: MonitoringSettings;
}

/** One-time credentials of a device: the password is shown once and stored as its SHA-256 digest. */
export interface Credentials {
  clientId: string;
  username: string;
  password: string;
}

const PARTY_PREFIX = 'urn:reman-platform:party:';
/**
 * The platform organisation behind a trace party (owner, possessor), or null. The seam of "access follows the
 * trace": a party recorded as `urn:reman-platform:party:<organisation id>` is that organisation. Today the trace
 * records outside customers under random party ids, which match no organisation (docs/monitoring.md).
 */
export function partyOrg(partyId: string | null): string | null {
  if (!partyId?.startsWith(PARTY_PREFIX)) return null;
  const id = partyId.slice(PARTY_PREFIX.length);
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id.toLowerCase() : null;
}

const deviceNotFound = () => errors.notFound('设备', 'Device');
const badCredentials = () => new DomainError(401, 'DEVICE_UNAUTHENTICATED', '设备凭据无效或设备已吊销', 'Invalid device credentials, or the device is revoked');

/** Devices (连接的再制造产品): provisioning, credentials, access, thing models. Telemetry: telemetry.service.ts. */
export function createDeviceService(deps: DeviceServiceDeps) {
  const { db, clock, trace, settings } = deps;

  function newCredentials(id: string): { credentials: Credentials; hash: string } {
    const password = randomSecret('dev_');
    return { credentials: { clientId: `reman-${id}`, username: id, password }, hash: sha256Hex(password) };
  }

  /** The policy subject of a device: its maker, and the organisations owning and holding the product now (trace). */
  async function subject(p: Principal | null, d: DeviceRow): Promise<DeviceSubject> {
    const s: DeviceSubject = { enterpriseId: d.enterpriseId, status: d.status, ownerOrgId: null, possessorOrgId: null };
    const org = makerOf(p);
    if (org && org !== d.enterpriseId) {
      // not the maker: does the trace say this caller owns or holds the product now?
      const product = await trace.resolveProductKey(d.enterpriseId, d.productCode, 'productCode').catch(() => null);
      s.ownerOrgId = partyOrg(product?.owner_id ?? null);
      s.possessorOrgId = partyOrg(product?.possessor_id ?? null);
    }
    return s;
  }

  /**
   * Owner and possessor organisations of a device's product, read before a write's transaction (the trace is another
   * module, read through its service on the root connection; PGlite has one). The write decides on the locked row's
   * maker and status; who holds the product is reference data for the read rule.
   */
  async function holdersOf(p: Principal | null, id: string): Promise<Pick<DeviceSubject, 'ownerOrgId' | 'possessorOrgId'>> {
    const d = await deviceRepo.get(db, id);
    if (!d) return { ownerOrgId: null, possessorOrgId: null };
    const s = await subject(p, d);
    return { ownerOrgId: s.ownerOrgId, possessorOrgId: s.possessorOrgId };
  }

  async function loadReadable(p: Principal | null, id: string) {
    const d = await deviceRepo.get(db, id);
    if (!d) throw deviceNotFound();
    const s = await subject(p, d);
    authorize(p, devicePolicy, 'read', s);
    return { device: d, subject: s };
  }

  const online = (d: DeviceRow, now = clock.now()) => d.status === 'active' && d.lastSeenAt !== null && now.getTime() - d.lastSeenAt.getTime() <= settings.offlineAfterMs;

  // thing models per (enterprise, product model), cached briefly for the ingest (each process; 30 s)
  const modelCache = new Map<string, { model: ThingModel | null; at: number }>();
  async function thingModelOf(enterpriseId: string, productModel: string | null): Promise<ThingModel | null> {
    if (!productModel) return null;
    const k = `${enterpriseId}\u0000${productModel}`;
    const hit = modelCache.get(k);
    if (hit && Date.now() - hit.at < 30_000) return hit.model;
    const row = await thingModelRepo.get(db, enterpriseId, productModel);
    const model = row ? ({ metrics: row.metrics } as ThingModel) : null;
    if (modelCache.size > 10_000) modelCache.clear();
    modelCache.set(k, { model, at: Date.now() });
    return model;
  }

  const credentialListeners: ((deviceId: string) => void)[] = [];
  const credentialsChanged = (id: string) => {
    for (const l of credentialListeners) l(id);
  };

  return {
    online,
    subject,
    loadReadable,
    thingModelOf,
    checkValue,
    /** After a rotation or revocation commits (the MQTT broker drops the device's connection). */
    onCredentialsChanged(fn: (deviceId: string) => void) {
      credentialListeners.push(fn);
    },

    /** POST /devices: a product of the caller's enterprise becomes a device; credentials shown once. */
    async provision(ctx: RequestContext, input: { productCode: string; name?: string }) {
      const p = ctx.principal;
      if (!canManageDevices(p)) throw errors.forbidden('只有企业管理员可以接入设备', 'Only an enterprise admin provisions devices');
      // unknown codes and other enterprises' products are refused alike, naming the field
      const product = await trace.resolveProductKey(p.enterpriseId, input.productCode, 'productCode');
      const id = randomUUID();
      const { credentials, hash } = newCredentials(id);
      const taken = () =>
        errors.conflict('DEVICE_EXISTS', `产品 ${product.code} 已接入为设备`, `Product ${product.code} is already a device`, [{ field: 'productCode', message: '已接入', messageEn: 'already a device' }]);
      const device = await uniqueOr(
        () =>
          db.transaction(async (tx) => {
            const d = await deviceRepo.insert(tx, {
              id, enterpriseId: p.enterpriseId, productCode: product.code, productModel: product.model, name: input.name?.trim() || product.name, clientId: credentials.clientId, secretHash: hash,
            });
            if (!d) throw taken();
            await recordAudit(tx, ctx, { action: 'device.provisioned', objectType: 'device', objectId: id, enterpriseId: p.enterpriseId, change: { productCode: product.code, name: d.name } });
            return d;
          }),
        taken,
      );
      return { device, credentials };
    },

    async rotate(ctx: RequestContext, id: string) {
      const holders = await holdersOf(ctx.principal, id);
      const result = await db.transaction(async (tx) => {
        const d = await deviceRepo.lock(tx, id);
        if (!d) throw deviceNotFound();
        const s = { ...holders, enterpriseId: d.enterpriseId, status: d.status };
        authorize(ctx.principal, devicePolicy, 'read', s);
        authorize(ctx.principal, devicePolicy, 'rotateCredentials', s);
        const { credentials, hash } = newCredentials(d.id);
        const updated = await deviceRepo.setSecret(tx, d.id, hash);
        if (!updated) throw stateChanged(d.status);
        await recordAudit(tx, ctx, { action: 'device.credentials_rotated', objectType: 'device', objectId: d.id, enterpriseId: d.enterpriseId, change: { secretVersion: updated.secretVersion } });
        return { device: updated, credentials };
      });
      credentialsChanged(id);
      return result;
    },

    async revoke(ctx: RequestContext, id: string) {
      const holders = await holdersOf(ctx.principal, id);
      const device = await db.transaction(async (tx) => {
        const d = await deviceRepo.lock(tx, id);
        if (!d) throw deviceNotFound();
        const s = { ...holders, enterpriseId: d.enterpriseId, status: d.status };
        authorize(ctx.principal, devicePolicy, 'read', s);
        authorize(ctx.principal, devicePolicy, 'revoke', s);
        const updated = await deviceRepo.revoke(tx, d.id, clock.now());
        if (!updated) throw stateChanged(d.status);
        await recordAudit(tx, ctx, { action: 'device.revoked', objectType: 'device', objectId: d.id, enterpriseId: d.enterpriseId, change: { status: 'revoked' } });
        return updated;
      });
      credentialsChanged(id);
      return device;
    },

    /** Devices the caller's enterprise made (the list of an owner or lessee comes with the trace seam). */
    async list(p: Principal | null, f: DeviceFilter, page: number, pageSize: number) {
      const org = makerOf(p);
      if (!org) return { rows: [], total: 0 };
      return deviceRepo.list(db, org, f, new Date(clock.now().getTime() - settings.offlineAfterMs), page, pageSize);
    },

    async detail(p: Principal | null, id: string) {
      const { device, subject: s } = await loadReadable(p, id);
      const product = await trace.resolveProductKey(device.enterpriseId, device.productCode, 'productCode').catch(() => null);
      const recentErrors = await deviceRepo.recentErrors(db, device.id);
      const model = await thingModelRepo.get(db, device.enterpriseId, device.productModel ?? '');
      return { device, subject: s, product, recentErrors, thingModel: device.productModel && model ? ({ metrics: model.metrics } as ThingModel) : null };
    },

    /** Aggregates only (authorities: their jurisdiction; MIIT: all; an enterprise: its own). */
    async summary(p: Principal | null) {
      const onlineSince = new Date(clock.now().getTime() - settings.offlineAfterMs);
      const org = makerOf(p);
      const scope = org ? { enterpriseId: org } : p?.kind === 'user' && p.authorityId && (p.role === 'authority_admin' || p.role === 'authority_reviewer') ? { enterpriseIds: deps.enterprises.idsOfAuthority(p.authorityId) } : {};
      const rows = await deviceRepo.summary(db, scope, onlineSince);
      const names = await deps.enterprises.cards(rows.map((r) => r.enterprise_id));
      return rows.map((r) => ({ enterpriseId: r.enterprise_id, enterpriseName: names.get(r.enterprise_id)?.name ?? '', regionCode: names.get(r.enterprise_id)?.regionCode ?? '', total: r.total, active: r.active, online: r.online, pointsStored: Number(r.points) }));
    },

    // ---- thing models ----
    async thingModels(p: Principal | null) {
      const org = makerOf(p);
      if (!org) return [];
      return thingModelRepo.list(db, org);
    },

    async putThingModel(ctx: RequestContext, productModel: string, input: { template?: ThingModelTemplate; metrics?: ThingModel['metrics'] }) {
      const p = ctx.principal;
      if (!canManageDevices(p)) throw errors.forbidden('只有企业管理员可以维护物模型', 'Only an enterprise admin maintains thing models');
      const model: ThingModel = input.metrics ? { metrics: input.metrics } : templateModel(input.template!);
      const problems = modelProblems(model);
      if (problems.length) throw errors.validation(problems);
      const row = await db.transaction(async (tx) => {
        const r = await thingModelRepo.upsert(tx, { enterpriseId: p.enterpriseId, productModel, template: input.metrics ? null : input.template!, metrics: model.metrics });
        await recordAudit(tx, ctx, { action: 'thing_model.saved', objectType: 'thing_model', objectId: productModel, enterpriseId: p.enterpriseId, change: { template: r.template, keys: model.metrics.map((m) => m.key) } });
        return r;
      });
      modelCache.delete(`${p.enterpriseId}\u0000${productModel}`);
      return row;
    },

    /** Device credentials (HTTP Basic, MQTT CONNECT): the active device, or null. Constant-time digest comparison. */
    async authenticate(username: string | undefined, password: string | Buffer | undefined): Promise<DeviceRow | null> {
      if (!username || !password || !/^[0-9a-f-]{36}$/i.test(username)) return null;
      const d = await deviceRepo.get(db, username.toLowerCase());
      if (!d || d.status !== 'active') return null;
      const given = Buffer.from(sha256Hex(password.toString()), 'hex');
      const stored = Buffer.from(d.secretHash, 'hex');
      return given.length === stored.length && timingSafeEqual(given, stored) ? d : null;
    },
    badCredentials,
  };
}

export type DeviceService = ReturnType<typeof createDeviceService>;
