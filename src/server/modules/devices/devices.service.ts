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
import { decideConsent, effectiveAccess } from '../../../domain/monitoring/consent.js';
import { tileProvinceOf } from '../../../domain/monitoring/province-tiles.js';
import { createBulkProvisioning } from './bulk.service.js';
import { deviceFleetPolicy, devicePolicy, holderOf, makerOf, type DeviceSubject } from './devices.policy.js';
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
 * trace": a party recorded as `urn:reman-platform:party:<organisation id>` is that organisation (an enterprise or a
 * registered buyer organisation). Outside customers recorded under other party ids match no organisation.
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

  interface Holders {
    ownerParty: string | null;
    possessorParty: string | null;
  }
  const noHolders: Holders = { ownerParty: null, possessorParty: null };

  /** Who owns and holds the device's product now, per the trace (read through its service). */
  async function holdersOfRow(d: DeviceRow): Promise<Holders> {
    const product = await trace.resolveProductKey(d.enterpriseId, d.productCode, 'productCode').catch(() => null);
    return { ownerParty: product?.owner_id ?? null, possessorParty: product?.possessor_id ?? null };
  }

  /** The policy subject from a device row and its product's holders. */
  const subjectOf = (d: DeviceRow, h: Holders): DeviceSubject => ({
    enterpriseId: d.enterpriseId,
    status: d.status,
    ownerOrgId: partyOrg(h.ownerParty),
    possessorOrgId: partyOrg(h.possessorParty),
    manufacturerAccess: effectiveAccess({ manufacturerAccess: d.manufacturerAccess, consentParty: d.consentParty }, h.ownerParty),
  });

  /**
   * The policy subject of a device: its maker, the organisations owning and holding the product now (trace), and
   * the owner's consent in effect. The trace is asked only when it can change the answer: the caller is not the
   * maker, or the maker's access was withdrawn by some owner.
   */
  async function subject(p: Principal | null, d: DeviceRow): Promise<DeviceSubject> {
    const org = holderOf(p);
    const ask = (org !== null && org !== d.enterpriseId) || !d.manufacturerAccess;
    return subjectOf(d, ask ? await holdersOfRow(d) : noHolders);
  }

  /**
   * Owner and possessor of a device's product, read before a write's transaction (the trace is another module, read
   * through its service on the root connection; PGlite has one). The write decides on the locked row's maker,
   * status and consent; who holds the product is reference data for the rule.
   */
  async function holdersOf(id: string): Promise<Holders> {
    const d = await deviceRepo.get(db, id);
    return d ? holdersOfRow(d) : noHolders;
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

  const bulk = createBulkProvisioning({ db, trace, newCredentials });

  return {
    ...bulk,
    online,
    subject,
    loadReadable,
    thingModelOf,
    checkValue,
    holdersOf,
    /**
     * Inside another use case's transaction (remote commands): the device row locked FOR UPDATE, read and `action`
     * authorized on it, with the product's holders read before the transaction (`holdersOf`).
     */
    async lockAuthorized(tx: Db, p: Principal | null, id: string, action: 'command', holders: Holders) {
      const d = await deviceRepo.lock(tx, id);
      if (!d) throw deviceNotFound();
      const s = subjectOf(d, holders);
      authorize(p, devicePolicy, 'read', s);
      authorize(p, devicePolicy, action, s);
      return { device: d, subject: s };
    },
    /**
     * The platform organisations owning and holding a device's product now (trace), and whether the maker's service
     * access is in effect — for notifications of other modules (alarms, cases); not an access check.
     */
    async parties(id: string): Promise<{ ownerOrgId: string | null; possessorOrgId: string | null; manufacturerAccess: boolean } | null> {
      const d = await deviceRepo.get(db, id);
      if (!d) return null;
      const s = subjectOf(d, await holdersOfRow(d));
      return { ownerOrgId: s.ownerOrgId, possessorOrgId: s.possessorOrgId, manufacturerAccess: s.manufacturerAccess };
    },
    /** After a rotation or revocation commits (the MQTT broker drops the device's connection). */
    onCredentialsChanged(fn: (deviceId: string) => void) {
      credentialListeners.push(fn);
    },

    /** POST /devices: a product of the caller's enterprise becomes a device; credentials shown once. */
    async provision(ctx: RequestContext, input: { productCode: string; name?: string; regionCode?: string }) {
      const enterpriseId = makerOf(ctx.principal);
      authorize(ctx.principal, deviceFleetPolicy, 'provision', { enterpriseId });
      // unknown codes and other enterprises' products are refused alike, naming the field
      const product = await trace.resolveProductKey(enterpriseId!, input.productCode, 'productCode');
      const id = randomUUID();
      const { credentials, hash } = newCredentials(id);
      const taken = () =>
        errors.conflict('DEVICE_EXISTS', `产品 ${product.code} 已接入为设备`, `Product ${product.code} is already a device`, [{ field: 'productCode', message: '已接入', messageEn: 'already a device' }]);
      const device = await uniqueOr(
        () =>
          db.transaction(async (tx) => {
            const d = await deviceRepo.insert(tx, {
              id, enterpriseId: enterpriseId!, productCode: product.code, productModel: product.model, name: input.name?.trim() || product.name, clientId: credentials.clientId, secretHash: hash, regionCode: input.regionCode ?? null,
            });
            if (!d) throw taken();
            await recordAudit(tx, ctx, { action: 'device.provisioned', objectType: 'device', objectId: id, enterpriseId: enterpriseId!, change: { productCode: product.code, name: d.name } });
            return d;
          }),
        taken,
      );
      return { device, credentials };
    },

    async rotate(ctx: RequestContext, id: string) {
      const holders = await holdersOf(id);
      const result = await db.transaction(async (tx) => {
        const d = await deviceRepo.lock(tx, id);
        if (!d) throw deviceNotFound();
        const s = subjectOf(d, holders);
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
      const holders = await holdersOf(id);
      const device = await db.transaction(async (tx) => {
        const d = await deviceRepo.lock(tx, id);
        if (!d) throw deviceNotFound();
        const s = subjectOf(d, holders);
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

    /**
     * Devices the caller may read: those its enterprise made (unless an owner withdrew the maker's access), and
     * those of the products its organisation owns or holds now per the trace (owner, lessee).
     */
    async list(p: Principal | null, f: DeviceFilter, page: number, pageSize: number) {
      const maker = makerOf(p);
      const holder = holderOf(p);
      const held = holder ? (await trace.productsHeldBy(holder)).filter((h) => h.enterpriseId !== maker) : [];
      if (!maker && !held.length) return { rows: [], total: 0 };
      return deviceRepo.list(db, { enterpriseId: maker, products: held }, f, new Date(clock.now().getTime() - settings.offlineAfterMs), page, pageSize);
    },

    /**
     * POST /devices/{id}/consent: the owner grants or withdraws the maker's service access (audited). Withdrawn, the
     * maker keeps aggregates only (summary, fleet). Setting what is in effect is 409 (N identical → one 2xx).
     */
    async setConsent(ctx: RequestContext, id: string, manufacturerAccess: boolean) {
      const holders = await holdersOf(id);
      return db.transaction(async (tx) => {
        const d = await deviceRepo.lock(tx, id);
        if (!d) throw deviceNotFound();
        const s = subjectOf(d, holders);
        authorize(ctx.principal, devicePolicy, 'read', s);
        authorize(ctx.principal, devicePolicy, 'consent', s);
        const decision = decideConsent({ manufacturerAccess: d.manufacturerAccess, consentParty: d.consentParty }, holders.ownerParty!, manufacturerAccess);
        if (!decision.ok) throw errors.conflict(decision.code, decision.message, decision.messageEn);
        const updated = await deviceRepo.setConsent(tx, d.id, decision.next, clock.now());
        if (!updated) throw stateChanged(d.status);
        await recordAudit(tx, ctx, {
          action: manufacturerAccess ? 'device.consent_granted' : 'device.consent_withdrawn', objectType: 'device', objectId: d.id, enterpriseId: d.enterpriseId,
          change: { manufacturerAccess, ownerParty: holders.ownerParty },
        });
        return { device: updated, subject: subjectOf(updated, holders) };
      });
    },

    async detail(p: Principal | null, id: string) {
      const { device, subject: s } = await loadReadable(p, id);
      const product = await trace.resolveProductKey(device.enterpriseId, device.productCode, 'productCode').catch(() => null);
      const recentErrors = await deviceRepo.recentErrors(db, device.id);
      const model = await thingModelRepo.get(db, device.enterpriseId, device.productModel ?? '');
      return { device, subject: s, product, recentErrors, thingModel: device.productModel && model ? ({ metrics: model.metrics } as ThingModel) : null };
    },

    /**
     * Aggregates only (authorities: their jurisdiction; MIIT: all; an enterprise: its own): per enterprise, and per
     * province where the units are installed (the device's region, else its enterprise's) with each enterprise's
     * share — counts, never a device.
     */
    async summary(p: Principal | null) {
      const onlineSince = new Date(clock.now().getTime() - settings.offlineAfterMs);
      const org = makerOf(p);
      const scope = org ? { enterpriseId: org } : p?.kind === 'user' && p.authorityId && (p.role === 'authority_admin' || p.role === 'authority_reviewer') ? { enterpriseIds: deps.enterprises.idsOfAuthority(p.authorityId) } : {};
      const rows = await deviceRepo.summary(db, scope, onlineSince);
      const names = await deps.enterprises.cards([...new Set(rows.map((r) => r.enterprise_id))]);
      const zero = () => ({ total: 0, active: 0, online: 0, pointsStored: 0 });
      const add = (a: ReturnType<typeof zero>, r: (typeof rows)[number]) => {
        a.total += r.total;
        a.active += r.active;
        a.online += r.online;
        a.pointsStored += Number(r.points);
      };
      const byEnterprise = new Map<string, ReturnType<typeof zero>>();
      const byProvince = new Map<string, ReturnType<typeof zero> & { enterprises: Map<string, ReturnType<typeof zero>> }>();
      for (const r of rows) {
        const e = byEnterprise.get(r.enterprise_id) ?? zero();
        add(e, r);
        byEnterprise.set(r.enterprise_id, e);
        const province = tileProvinceOf(r.province ? `${r.province}0000` : names.get(r.enterprise_id)?.regionCode) ?? 'unknown';
        const pv = byProvince.get(province) ?? { ...zero(), enterprises: new Map() };
        add(pv, r);
        const pe = pv.enterprises.get(r.enterprise_id) ?? zero();
        add(pe, r);
        pv.enterprises.set(r.enterprise_id, pe);
        byProvince.set(province, pv);
      }
      const card = (id: string) => ({ enterpriseId: id, enterpriseName: names.get(id)?.name ?? '', regionCode: names.get(id)?.regionCode ?? '' });
      return {
        items: [...byEnterprise].map(([id, c]) => ({ ...card(id), ...c })),
        byProvince: [...byProvince]
          .map(([provinceCode, { enterprises, ...c }]) => ({ provinceCode, ...c, enterprises: [...enterprises].map(([id, x]) => ({ ...card(id), ...x })).sort((a, b) => b.active - a.active) }))
          .sort((a, b) => b.active - a.active),
      };
    },

    // ---- thing models ----
    async thingModels(p: Principal | null) {
      const org = makerOf(p);
      if (!org) return [];
      return thingModelRepo.list(db, org);
    },

    async putThingModel(ctx: RequestContext, productModel: string, input: { template?: ThingModelTemplate; metrics?: ThingModel['metrics'] }) {
      const enterpriseId = makerOf(ctx.principal);
      authorize(ctx.principal, deviceFleetPolicy, 'thingModels', { enterpriseId });
      const model: ThingModel = input.metrics ? { metrics: input.metrics } : templateModel(input.template!);
      const problems = modelProblems(model);
      if (problems.length) throw errors.validation(problems);
      const row = await db.transaction(async (tx) => {
        const r = await thingModelRepo.upsert(tx, { enterpriseId: enterpriseId!, productModel, template: input.metrics ? null : input.template!, metrics: model.metrics });
        await recordAudit(tx, ctx, { action: 'thing_model.saved', objectType: 'thing_model', objectId: productModel, enterpriseId: enterpriseId!, change: { template: r.template, keys: model.metrics.map((m) => m.key) } });
        return r;
      });
      modelCache.delete(`${enterpriseId!}\u0000${productModel}`);
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
