import { allowedActions } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';
import type { ProductRow } from '../trace/index.js';
import { devicePolicy, type DeviceSubject } from './devices.policy.js';
import type { DeviceErrorRow, DeviceRow, ThingModelRow } from './devices.repo.js';
import type { ThingModel } from '../../../domain/monitoring/thing-model.js';

/** Device rows → API shapes. The secret digest never leaves the module. */
export function presentDevice(p: Principal | null, d: DeviceRow, online: boolean, subject?: DeviceSubject) {
  const s: DeviceSubject = subject ?? { enterpriseId: d.enterpriseId, status: d.status, ownerOrgId: null, possessorOrgId: null, manufacturerAccess: d.manufacturerAccess };
  return {
    id: d.id,
    enterpriseId: d.enterpriseId,
    productCode: d.productCode,
    productModel: d.productModel,
    name: d.name,
    clientId: d.clientId,
    status: d.status,
    online,
    lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
    pointsStored: d.pointsStored,
    pointsRefused: d.pointsRefused,
    messagesRefused: d.messagesRefused,
    createdAt: d.createdAt.toISOString(),
    revokedAt: d.revokedAt?.toISOString() ?? null,
    regionCode: d.regionCode,
    manufacturerAccess: s.manufacturerAccess,
    actions: allowedActions(p, devicePolicy, s),
  };
}

export function presentDetail(
  p: Principal | null,
  x: { device: DeviceRow; subject: DeviceSubject; product: ProductRow | null; recentErrors: DeviceErrorRow[]; thingModel: ThingModel | null },
  online: boolean,
) {
  const pr = x.product;
  return {
    ...presentDevice(p, x.device, online, x.subject),
    product: pr
      ? { name: pr.name, model: pr.model, status: pr.status, productionDate: pr.production_date, warrantyMonths: pr.warranty_months, ownerName: pr.owner_name, possessorName: pr.possessor_name }
      : null,
    thingModel: x.thingModel,
    recentErrors: x.recentErrors.map((e) => ({ at: e.at.toISOString(), channel: e.channel, code: e.code, message: e.message, messageEn: e.messageEn })),
  };
}

export const presentThingModel = (m: ThingModelRow) => ({ productModel: m.productModel, template: m.template, metrics: m.metrics as ThingModel['metrics'], updatedAt: m.updatedAt.toISOString() });
