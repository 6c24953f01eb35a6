import { definePolicy, deny } from '../../platform/authorize.js';
import { holderOrgOf, type Principal } from '../../platform/principal.js';

/**
 * Who may do what with alarm rules, alarms and webhooks (issue 12 "Alarms"). Deny by default; a caller who may
 * not read an object learns nothing of it (404).
 * - Rules and webhooks belong to the enterprise whose devices they watch: its users read them, its admin manages.
 * - Alarms follow their device: the making enterprise's users, and the organisations the trace names owner or
 *   possessor of the product (devices.policy.ts), read, acknowledge, assign, comment and clear them.
 */
export interface RuleSubject {
  enterpriseId: string;
}
export interface AlarmSubject {
  enterpriseId: string;
  ownerOrgId: string | null;
  possessorOrgId: string | null;
}

const enterpriseUserOf = (p: Principal, enterpriseId: string) =>
  p.kind === 'user' && (p.role === 'enterprise_admin' || p.role === 'enterprise_staff') && p.enterpriseId === enterpriseId;
const adminOf = (p: Principal, enterpriseId: string) => p.kind === 'user' && p.role === 'enterprise_admin' && p.enterpriseId === enterpriseId;
const holds = (p: Principal, s: AlarmSubject) => {
  // people only (an API token reaches no alarm route); the organisation as for devices (platform/principal.ts)
  const org = p.kind === 'user' ? holderOrgOf(p) : null;
  return org !== null && (org === s.ownerOrgId || org === s.possessorOrgId);
};
const handles = (p: Principal, s: AlarmSubject) => enterpriseUserOf(p, s.enterpriseId) || holds(p, s);

export const alarmRulePolicy = definePolicy<RuleSubject>()(
  'alarmRule',
  {
    read: (p, r) => enterpriseUserOf(p, r.enterpriseId),
    manage: (p, r) => adminOf(p, r.enterpriseId) || deny('只有设备所属企业的管理员可以维护告警规则', "Only the admin of the devices' enterprise maintains alarm rules"),
  },
  { hidden: ['read'], objectName: ['告警规则', 'Alarm rule'] },
);

export const alarmPolicy = definePolicy<AlarmSubject>()(
  'alarm',
  {
    read: handles,
    acknowledge: handles,
    assign: (p, s) => enterpriseUserOf(p, s.enterpriseId) || deny('只有设备所属企业的用户可以指派告警', "Only users of the device's enterprise assign alarms"),
    comment: handles,
    clear: handles,
  },
  { hidden: ['read'], objectName: ['告警', 'Alarm'] },
);

export const webhookPolicy = definePolicy<RuleSubject>()(
  'webhook',
  {
    read: (p, w) => adminOf(p, w.enterpriseId),
    manage: (p, w) => adminOf(p, w.enterpriseId),
  },
  { hidden: ['read', 'manage'], objectName: ['Webhook', 'Webhook'] },
);

/**
 * Acting for an enterprise at all (before any row exists: creating a model's rule, importing rules, registering a
 * webhook). The subject is the enterprise the caller works for (`enterpriseOf`, null for a caller of none); the
 * row's own policy (alarmRulePolicy / webhookPolicy `manage`) then decides on that enterprise.
 */
export interface ScopeSubject {
  enterpriseId: string | null;
}
const ofSomeEnterprise = (p: Principal, s: ScopeSubject) => s.enterpriseId !== null && enterpriseUserOf(p, s.enterpriseId);
export const alarmScopePolicy = definePolicy<ScopeSubject>()(
  'alarmScope',
  {
    maintainRules: (p, s) => ofSomeEnterprise(p, s) || deny('只有企业管理员可以维护告警规则', 'Only an enterprise admin maintains alarm rules'),
    importRules: (p, s) => ofSomeEnterprise(p, s) || deny('只有企业管理员可以导入告警规则', 'Only an enterprise admin imports alarm rules'),
    registerWebhook: (p, s) => ofSomeEnterprise(p, s) || deny('只有企业管理员可以登记 Webhook', 'Only an enterprise admin registers webhooks'),
  },
  { objectName: ['企业', 'Enterprise'] },
);

/** The enterprise whose rules, alarms and webhooks an enterprise user works with (null: none). */
export const enterpriseOf = (p: Principal | null): string | null =>
  p?.kind === 'user' && (p.role === 'enterprise_admin' || p.role === 'enterprise_staff') ? p.enterpriseId : null;
