import { definePolicy, deny } from '../../platform/authorize.js';
import { holderOrgOf, type Principal } from '../../platform/principal.js';
import { defineScope } from '../../platform/scopes.js';

/**
 * Who may do what to a device (issue 12 "Devices and ownership"). Deny by default; a caller who may not read a
 * device learns nothing of it (404).
 * - The enterprise that made the product (devices.enterprise_id): its users read; its admin provisions, rotates and
 *   revokes credentials and assigns thing models.
 * - The product's current owner and possessor (lessee) per the trace read it, with no manual step: `ownerOrgId` /
 *   `possessorOrgId` are the platform organisations behind the trace's owning/possessing parties, looked up live
 *   for every request (devices.service.ts `subject`): a sale or lease recorded with the party
 *   `urn:reman-platform:party:<organisation id>` (an enterprise or a registered buyer organisation) moves access with
 *   no manual step (docs/monitoring.md "Access").
 * - The owner's consent (POST /devices/{id}/consent): when the owner (another organisation than the maker) withdraws
 *   the manufacturer's service access, the maker keeps aggregates only (summary, fleet) — `manufacturerAccess`.
 * - API tokens of the making enterprise with the scope `devices:read` read devices and telemetry.
 * - Authorities and MIIT: aggregates only (GET /api/v1/devices/summary), never a device's data.
 */
export const SCOPE_DEVICES_READ = defineScope('devices:read', '读取设备、遥测数据与最新值', 'Read devices, telemetry and latest values');

export interface DeviceSubject {
  enterpriseId: string;
  status: 'active' | 'revoked';
  ownerOrgId: string | null;
  possessorOrgId: string | null;
  /** the owner's consent to the maker's service access (effective now; true unless the current owner withdrew it) */
  manufacturerAccess: boolean;
}

const orgOf = (p: Principal): string | null => (p.kind === 'token' ? p.enterpriseId : p.role === 'enterprise_admin' || p.role === 'enterprise_staff' ? p.enterpriseId : null);
/** The organisation a caller may hold products for: an enterprise (users, tokens) or a registered buyer organisation. */
const isMaker = (p: Principal, d: DeviceSubject) => orgOf(p) === d.enterpriseId;
const isMakerAdmin = (p: Principal, d: DeviceSubject) => p.kind === 'user' && p.role === 'enterprise_admin' && p.enterpriseId === d.enterpriseId;
const holds = (p: Principal, d: DeviceSubject) => {
  const org = holderOrgOf(p);
  return org !== null && (org === d.ownerOrgId || org === d.possessorOrgId);
};
/** The owner's admin (an enterprise or buyer organisation other than the maker). */
const isOwnerAdmin = (p: Principal, d: DeviceSubject) =>
  p.kind === 'user' && (p.role === 'enterprise_admin' || p.role === 'buyer_admin') && d.ownerOrgId !== null && d.ownerOrgId !== d.enterpriseId && holderOrgOf(p) === d.ownerOrgId;

export const devicePolicy = definePolicy<DeviceSubject>()(
  'device',
  {
    read: (p, d) => (isMaker(p, d) && d.manufacturerAccess) || holds(p, d),
    consent: (p, d) => isOwnerAdmin(p, d) || deny('只有产品的所有者（制造企业以外的机构）的管理员可以授予或撤回制造企业的服务访问', "Only the admin of the product's owner (an organisation other than the maker) grants or withdraws the maker's service access"),
    rotateCredentials: (p, d) =>
      !isMakerAdmin(p, d) ? deny('只有制造企业的管理员可以重置设备凭据', "Only the making enterprise's admin may rotate device credentials") : d.status === 'active' || deny('设备已吊销', 'The device is revoked', 'DEVICE_REVOKED'),
    /**
     * 远程诊断: a command to the device — the owner's users, or the maker's users while the owner consents (a lessee
     * that does not own it, and API tokens, may not); only to an active device.
     */
    command: (p, d) =>
      !(p.kind === 'user' && ((isMaker(p, d) && d.manufacturerAccess) || (d.ownerOrgId !== null && holderOrgOf(p) === d.ownerOrgId)))
        ? deny('只有设备的所有者，或经所有者同意的制造企业，可以向设备发送命令', "Only the device's owner, or its maker with the owner's consent, sends commands to it")
        : d.status === 'active' || deny('设备已吊销', 'The device is revoked', 'DEVICE_REVOKED'),
    revoke: (p, d) =>
      !isMakerAdmin(p, d) ? deny('只有制造企业的管理员可以吊销设备', "Only the making enterprise's admin may revoke a device") : d.status === 'active' || deny('设备已吊销', 'The device is revoked', 'DEVICE_REVOKED'),
  },
  { hidden: ['read'], objectName: ['设备', 'Device'] },
);

/**
 * What an enterprise does with its own devices as a whole (no device row yet): provision one or a file of them and
 * maintain thing models (its admin), view its fleet (its users). Subject: the caller's own enterprise, or null.
 */
export const deviceFleetPolicy = definePolicy<{ enterpriseId: string | null }>()('device_fleet', {
  provision: (p, e) => (p.kind === 'user' && p.role === 'enterprise_admin' && !!e.enterpriseId && p.enterpriseId === e.enterpriseId) || deny('只有企业管理员可以接入设备', 'Only an enterprise admin provisions devices'),
  thingModels: (p, e) => (p.kind === 'user' && p.role === 'enterprise_admin' && !!e.enterpriseId && p.enterpriseId === e.enterpriseId) || deny('只有企业管理员可以维护物模型', 'Only an enterprise admin maintains thing models'),
  fleet: (p, e) => (!!e.enterpriseId && orgOf(p) === e.enterpriseId) || deny('只有企业用户可以查看本企业的设备群', 'Only enterprise users view their fleet'),
});

/** The organisation (enterprise or buyer organisation) whose held products a caller sees (owner, lessee). */
export const holderOf = (p: Principal | null): string | null => (p ? holderOrgOf(p) : null);

/** The enterprise whose devices and thing models an enterprise caller manages (null: not an enterprise caller). */
export const makerOf = (p: Principal | null): string | null => (p ? orgOf(p) : null);
export const canManageDevices = (p: Principal | null): p is Extract<Principal, { kind: 'user' }> & { enterpriseId: string } =>
  p?.kind === 'user' && p.role === 'enterprise_admin' && p.enterpriseId !== null;
