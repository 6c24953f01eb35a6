import { randomUUID } from 'node:crypto';
import type { AlarmRule } from '../../../domain/monitoring/alarm-rules.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import type { Clock } from '../../platform/clock.js';
import { errors, type FieldIssue } from '../../platform/errors.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import { stateChanged } from '../../platform/tx.js';
import { BI_SEPARATOR } from '../../platform/validation.js';
import { alarmRulePolicy, alarmScopePolicy, enterpriseOf } from './alarms.policy.js';
import { alarmRepo, ruleRepo, type RuleFilter, type RuleRow } from './alarms.repo.js';
import { ImportRule, type ImportRuleInput, type RuleInput } from './alarms.schema.js';

/** What the alarms module needs of the devices module. */
export interface DeviceLookup {
  /** the device if the caller may read it (else 404 Device) */
  loadReadable(p: Principal | null, id: string): Promise<{ device: AlarmDevice; subject: { enterpriseId: string; ownerOrgId: string | null; possessorOrgId: string | null } }>;
}
export interface AlarmDevice {
  id: string;
  enterpriseId: string;
  productModel: string | null;
  name: string;
  productCode: string;
}

/** The spec column: the evaluator's rule without its id, scope and name. */
export function specOf(r: RuleInput | ImportRuleInput): Omit<AlarmRule, 'id'> {
  const spec: Omit<AlarmRule, 'id'> = { key: r.key, condition: r.condition, severity: r.severity };
  for (const k of ['durationSec', 'repeat', 'noDataSec', 'clearHysteresis', 'escalateAfterSec', 'renotifyEverySec'] as const) {
    if (r[k] !== undefined) (spec as Record<string, unknown>)[k] = r[k];
  }
  return spec;
}
/** The evaluator's rule of a row (its id is the row's). */
export const ruleOf = (row: RuleRow): AlarmRule => ({ ...(row.spec as Omit<AlarmRule, 'id'>), id: row.id });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Alarm rules (issue 12 "Rules per thing model, overridable per device"; "Rules import/export as JSON"). A rule
 * watches the devices of a product model of its enterprise, or one device; a device's own rules for a key replace
 * the model's rules of that key (domain `rulesForDevice`). The enterprise's admin manages them.
 */
export function createRules(deps: { db: Db; clock: Clock; devices: DeviceLookup; changed: () => void }) {
  const { db, devices } = deps;

  /** The enterprise a rule of this scope belongs to (a device's: the caller must be able to read it). */
  async function scopeEnterprise(p: Principal | null, input: { deviceId?: string; model?: string }, field = 'deviceId'): Promise<string> {
    if (input.deviceId) {
      try {
        return (await devices.loadReadable(p, input.deviceId)).device.enterpriseId;
      } catch {
        throw errors.field(field, '设备不存在或无权访问', 'No such device, or not yours');
      }
    }
    const e = enterpriseOf(p);
    authorize(p, alarmScopePolicy, 'maintainRules', { enterpriseId: e });
    return e!;
  }

  async function load(p: Principal | null, id: string) {
    const r = await ruleRepo.get(db, id);
    if (!r) throw errors.notFound('告警规则', 'Alarm rule');
    authorize(p, alarmRulePolicy, 'read', r);
    return r;
  }

  const row = (enterpriseId: string, r: RuleInput | ImportRuleInput) => ({
    enterpriseId,
    deviceId: r.deviceId ?? null,
    productModel: r.deviceId ? null : (r.model ?? null),
    key: r.key,
    severity: r.severity,
    name: r.name ?? null,
    spec: specOf(r),
  });

  return {
    load,
    async create(ctx: RequestContext, input: RuleInput) {
      const enterpriseId = await scopeEnterprise(ctx.principal, input);
      const rule = await db.transaction(async (tx) => {
        authorize(ctx.principal, alarmRulePolicy, 'manage', { enterpriseId });
        const r = await ruleRepo.insert(tx, { id: randomUUID(), ...row(enterpriseId, input) });
        await recordAudit(tx, ctx, { action: 'alarm_rule.created', objectType: 'alarm_rule', objectId: r.id, enterpriseId, change: { deviceId: r.deviceId, model: r.productModel, spec: r.spec } });
        return r;
      });
      deps.changed();
      return rule;
    },

    async list(p: Principal | null, f: RuleFilter, page: number, pageSize: number) {
      const enterpriseId = enterpriseOf(p);
      if (!enterpriseId) return { rows: [], total: 0 };
      return ruleRepo.list(db, enterpriseId, f, page, pageSize);
    },

    /** PUT: the rule replaced (its scope stays); the evaluation state is kept, so an active alarm stays active. */
    async update(ctx: RequestContext, id: string, input: RuleInput) {
      const rule = await db.transaction(async (tx) => {
        const r = await ruleRepo.lock(tx, id);
        if (!r) throw errors.notFound('告警规则', 'Alarm rule');
        authorize(ctx.principal, alarmRulePolicy, 'read', r);
        authorize(ctx.principal, alarmRulePolicy, 'manage', r);
        if ((input.deviceId ?? null) !== r.deviceId) throw errors.field('deviceId', '规则的适用范围不可修改（请删除后新建）', 'The scope of a rule cannot change (delete it and create another)');
        if (!input.deviceId && (input.model ?? null) !== r.productModel) throw errors.field('model', '规则的适用范围不可修改（请删除后新建）', 'The scope of a rule cannot change (delete it and create another)');
        const updated = await ruleRepo.update(tx, id, r.version, row(r.enterpriseId, input));
        if (!updated) throw stateChanged(`version ${r.version}`);
        await recordAudit(tx, ctx, { action: 'alarm_rule.updated', objectType: 'alarm_rule', objectId: id, enterpriseId: r.enterpriseId, change: { before: r.spec, after: updated.spec } });
        return updated;
      });
      deps.changed();
      return rule;
    },

    /** DELETE: its active alarms are cleared (recorded on each), its evaluation states go with it. */
    async remove(ctx: RequestContext, id: string) {
      await db.transaction(async (tx) => {
        const r = await ruleRepo.lock(tx, id);
        if (!r) throw errors.notFound('告警规则', 'Alarm rule');
        authorize(ctx.principal, alarmRulePolicy, 'read', r);
        authorize(ctx.principal, alarmRulePolicy, 'manage', r);
        const now = deps.clock.now();
        const userId = ctx.principal?.kind === 'user' ? ctx.principal.userId : null;
        for (const a of await alarmRepo.activeOfRule(tx, id)) {
          await alarmRepo.update(tx, a.id, { status: 'cleared', clearedAt: now, clearedTs: now, clearedBy: userId });
          await alarmRepo.addEvent(tx, { enterpriseId: a.enterpriseId, alarmId: a.id, at: now, kind: 'cleared', actorId: userId, detail: { reason: 'ruleDeleted' } });
        }
        if (!(await ruleRepo.delete(tx, id))) throw stateChanged('deleted');
        await recordAudit(tx, ctx, { action: 'alarm_rule.deleted', objectType: 'alarm_rule', objectId: id, enterpriseId: r.enterpriseId, change: { spec: r.spec } });
      });
      deps.changed();
    },

    async exportRules(p: Principal | null, f: { model?: string; deviceId?: string }) {
      const enterpriseId = enterpriseOf(p);
      if (!enterpriseId) return [];
      return ruleRepo.all(db, enterpriseId, f);
    },

    /**
     * Import (all or nothing): every entry validated (the evaluator's schema, the scope), devices checked, then one
     * transaction. An entry whose id is a rule of the caller's enterprise replaces it; any other entry is created.
     */
    async importRules(ctx: RequestContext, items: unknown[]) {
      const scope = { enterpriseId: enterpriseOf(ctx.principal) };
      authorize(ctx.principal, alarmScopePolicy, 'importRules', scope);
      const enterpriseId = scope.enterpriseId!;
      authorize(ctx.principal, alarmRulePolicy, 'manage', { enterpriseId });
      const issues: FieldIssue[] = [];
      const issue = (path: (string | number)[], message: string) => {
        const [en, zh] = message.includes(BI_SEPARATOR) ? message.split(BI_SEPARATOR) : [message, message];
        issues.push({ field: `[${path[0]}]${path.slice(1).map((x) => (typeof x === 'number' ? `[${x}]` : `.${x}`)).join('')}`, message: zh!, messageEn: en! });
      };
      const parsed: ImportRuleInput[] = [];
      const ids = new Set<string>();
      for (const [i, item] of items.entries()) {
        // the export writes absent scope fields and names as null
        const clean = item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).filter(([, v]) => v !== null)) : item;
        const r = ImportRule.safeParse(clean);
        if (!r.success) {
          for (const x of r.error.issues) issue([i, ...x.path.map((k) => (typeof k === 'symbol' ? String(k) : k))], x.message);
          continue;
        }
        if (r.data.id !== undefined) {
          if (ids.has(r.data.id)) issue([i, 'id'], `Duplicate rule id ${r.data.id}${BI_SEPARATOR}规则标识 ${r.data.id} 重复`);
          ids.add(r.data.id);
        }
        if (r.data.deviceId) {
          try {
            const d = await devices.loadReadable(ctx.principal, r.data.deviceId);
            if (d.device.enterpriseId !== enterpriseId) throw new Error('foreign');
          } catch {
            issue([i, 'deviceId'], `No such device, or not yours${BI_SEPARATOR}设备不存在或无权访问`);
          }
        }
        parsed.push(r.data);
      }
      if (issues.length) throw errors.validation(issues.slice(0, 50));
      const result = await db.transaction(async (tx) => {
        let created = 0;
        let updated = 0;
        const out: RuleRow[] = [];
        for (const r of parsed) {
          const existing = r.id && UUID.test(r.id) ? await ruleRepo.lock(tx, r.id.toLowerCase()) : null;
          if (existing && existing.enterpriseId === enterpriseId) {
            if (existing.deviceId !== (r.deviceId ?? null) || (!r.deviceId && existing.productModel !== (r.model ?? null))) {
              throw errors.field(`[${parsed.indexOf(r)}].id`, '规则的适用范围不可修改（请删除后新建）', 'The scope of a rule cannot change (delete it and create another)');
            }
            const u = await ruleRepo.update(tx, existing.id, existing.version, row(enterpriseId, r));
            if (!u) throw stateChanged(`version ${existing.version}`);
            out.push(u);
            updated++;
          } else {
            out.push(await ruleRepo.insert(tx, { id: randomUUID(), ...row(enterpriseId, r) }));
            created++;
          }
        }
        await recordAudit(tx, ctx, { action: 'alarm_rule.imported', objectType: 'alarm_rule', enterpriseId, change: { created, updated, ids: out.map((r) => r.id) } });
        return { created, updated, rules: out };
      });
      deps.changed();
      return result;
    },
  };
}
export type Rules = ReturnType<typeof createRules>;
