import { stateAllows, type FaultClass } from '../../../domain/monitoring/cases.js';
import { allowedActions } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';
import { casePolicy, type CaseSubject } from './cases.policy.js';
import type { CaseEventRow, CaseRow } from './cases.repo.js';
import type { CaseCommandRow } from './cases.service.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const day = (d: unknown) => (d === null || d === undefined ? null : typeof d === 'string' ? d.slice(0, 10) : (d as Date).toISOString().slice(0, 10));
const BUTTONS = ['diagnose', 'visit', 'parts', 'decideClaim', 'conclude', 'rate'] as const;

export function presentCase(p: Principal | null, c: CaseRow, s: CaseSubject | null) {
  const allowed = new Set<string>(stateAllows({ state: c.state, claimStatus: c.claimStatus }));
  return {
    id: c.id,
    number: c.number,
    enterpriseId: c.enterpriseId,
    deviceId: c.deviceId,
    deviceName: c.deviceName,
    productCode: c.productCode,
    productModel: c.productModel,
    alarmId: c.alarmId,
    origin: c.origin,
    title: c.title,
    // rows opened before title_en (and typed titles) have one text: it is the English title too
    titleEn: c.titleEn ?? c.title,
    description: c.description,
    state: c.state,
    telemetryWindow: c.telemetryWindow ?? null,
    soldOn: day(c.soldOn),
    warrantyUntil: day(c.warrantyUntil),
    warrantyClaim: c.claimStatus !== null,
    claimStatus: c.claimStatus,
    claimReason: c.claimReason,
    claimCostCny: c.claimCostCny === null ? null : Number(c.claimCostCny),
    faultCode: c.faultCode,
    diagnosis: c.diagnosis,
    visit: c.visit ?? null,
    parts: c.parts.map((x) => ({ ...x, removedEpc: x.removedEpc ?? null, newEpc: x.newEpc ?? null })),
    conclusion: c.conclusion,
    outcome: c.outcome,
    rating: c.rating,
    ratingComment: c.ratingComment,
    openedAt: c.openedAt.toISOString(),
    concludedAt: iso(c.concludedAt),
    closedAt: iso(c.closedAt),
    actions: s ? allowedActions(p, casePolicy, s, BUTTONS).filter((a) => allowed.has(a)) : [],
  };
}

export const presentCaseCommand = (x: CaseCommandRow) => ({
  id: x.id, deviceId: x.deviceId, caseId: x.caseId, method: x.method, params: x.params ?? {}, state: x.state,
  sentAt: x.sentAt.toISOString(), timeoutAt: x.timeoutAt.toISOString(), settledAt: iso(x.settledAt), reply: x.reply ?? null, error: x.error,
});

export function presentCaseDetail(p: Principal | null, c: CaseRow, s: CaseSubject, events: CaseEventRow[], taxonomy: FaultClass[], commands: CaseCommandRow[]) {
  return {
    ...presentCase(p, c, s),
    commands: commands.map(presentCaseCommand),
    events: events.map((e) => ({ id: e.id, at: e.at.toISOString(), kind: e.kind, actorId: e.actorId, detail: e.detail ?? null })),
    taxonomy,
    partsInTrace: c.parts.length > 0 && c.parts.every((x) => Boolean(x.newEpc)),
  };
}
