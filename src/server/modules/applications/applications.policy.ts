import type { Principal } from '../../platform/principal.js';
import { deny, definePolicy } from '../../platform/authorize.js';

/**
 * Who sees and acts on which application (规范条件 七(一)). Deny by default.
 * - The enterprise: its own applications (staff edit drafts; the admin submits and withdraws).
 * - The provincial authority: applications of enterprises it reviews (applications.authority_id), once
 *   submitted — a draft is the enterprise's working copy.
 * - MIIT: every application once submitted.
 * - An expert: only the applications they are assigned to (checked against expert_assignments).
 */
export type ActorKind = 'enterprise' | 'authority' | 'ministry' | 'expert';

export interface ApplicationRef {
  enterpriseId: string;
  authorityId: string;
  state: string;
}

export function actorKind(p: Principal | null): ActorKind | null {
  if (p?.kind !== 'user') return null;
  switch (p.role) {
    case 'enterprise_admin':
    case 'enterprise_staff':
      return 'enterprise';
    case 'authority_admin':
    case 'authority_reviewer':
      return 'authority';
    case 'ministry_admin':
    case 'ministry_officer':
      return 'ministry';
    case 'expert':
      return 'expert';
    case 'buyer_admin': // buyers (trading) take no part in the procedure
    case 'buyer_staff':
    case 'testing_org_staff': // testing organisations (portal) neither
    case 'testing_org_admin':
    case 'insurer_admin': // nor insurers (保险)
    case 'insurer_staff':
      return null;
  }
}

export type ApplicationScope =
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'authority'; authorityId: string }
  | { kind: 'ministry' }
  | { kind: 'expert'; expertId: string }
  | { kind: 'none' };

export function applicationScope(p: Principal | null): ApplicationScope {
  if (p?.kind !== 'user') return { kind: 'none' };
  const k = actorKind(p);
  if (k === 'enterprise' && p.enterpriseId) return { kind: 'enterprise', enterpriseId: p.enterpriseId };
  if (k === 'authority' && p.authorityId) return { kind: 'authority', authorityId: p.authorityId };
  if (k === 'ministry') return { kind: 'ministry' };
  if (k === 'expert' && p.expertId) return { kind: 'expert', expertId: p.expertId };
  return { kind: 'none' };
}

/** `assigned`: whether the caller (an expert) is assigned to this application. */
export function canViewApplication(p: Principal | null, a: ApplicationRef, assigned = false): boolean {
  const s = applicationScope(p);
  switch (s.kind) {
    case 'enterprise':
      return s.enterpriseId === a.enterpriseId;
    case 'authority':
      return s.authorityId === a.authorityId && a.state !== 'draft';
    case 'ministry':
      return a.state !== 'draft';
    case 'expert':
      return assigned;
    default:
      return false;
  }
}

/** Edit the form and upload attachments: the enterprise's users, while it is a draft or returned. */
export function canEditApplication(p: Principal | null, a: ApplicationRef): boolean {
  return actorKind(p) === 'enterprise' && p?.kind === 'user' && p.enterpriseId === a.enterpriseId;
}

/** Submit or withdraw: the enterprise admin (acting for the legal representative's declaration). */
export function canSubmitApplication(p: Principal | null, a: ApplicationRef): boolean {
  return p?.kind === 'user' && p.role === 'enterprise_admin' && p.enterpriseId === a.enterpriseId;
}

/** Provincial review steps: the enterprise's reviewing authority. */
export function canReviewAsAuthority(p: Principal | null, a: ApplicationRef): boolean {
  return actorKind(p) === 'authority' && p?.kind === 'user' && p.authorityId === a.authorityId;
}

/** MIIT steps (assign experts, on-site check, 公示, 公告, reject). */
export function canActAsMinistry(p: Principal | null): boolean {
  return actorKind(p) === 'ministry';
}

/** An application as the rules see it; `assigned`: the caller (an expert) is assigned to it. */
export interface ApplicationSubject extends ApplicationRef {
  assigned?: boolean;
}

const MIIT_STEP = deny('该步骤由工业和信息化部办理', 'This step belongs to MIIT');

/**
 * Who may do what on an application (七(一)); the state machine (src/domain/announcement/workflow.ts) says when,
 * and which kind of actor takes each transition. The services decide on the row locked inside the write's
 * transaction (`lockVisible`), reading first (`read`, 404 when denied), then the step's rule.
 */
export const applicationPolicy = definePolicy<ApplicationSubject>()(
  'application',
  {
    read: (p, a) => canViewApplication(p, a, !!a.assigned),
    /** the form and the enterprise's attachments */
    edit: (p, a) => canEditApplication(p, a),
    /** 现场核查照片 (七(一)5) */
    upload_onsite_photo: (p) => canActAsMinistry(p) || deny('现场核查照片由工信部上传', 'On-site photos are uploaded by MIIT'),
    submit: (p, a) => canSubmitApplication(p, a) || deny('只有企业管理员可以提交申请', 'Only the enterprise administrator submits'),
    withdraw: (p, a) => canSubmitApplication(p, a) || deny('只有企业管理员可以撤回申请', 'Only the enterprise administrator withdraws'),
    /** 补正, reject, forward with 表1-3 (七(一)4): the enterprise's reviewing authority */
    authority_review: (p, a) => canReviewAsAuthority(p, a),
    /** assign experts, complete the expert review, the on-site check, reject (七(一)5) */
    ministry_review: (p) => canActAsMinistry(p) || MIIT_STEP,
    /** an expert's opinion; which case: `read` (assigned ones only) */
    expert_opinion: (p) => (p.kind === 'user' && !!p.expertId),
  },
  { hidden: ['read'], objectName: ['申请', 'Application'] },
);

/** Starting an application (七(一)3): a user of the enterprise, for its own enterprise (subject: the enterprise found, or null). */
export const applicationFilingPolicy = definePolicy<{ enterpriseId: string | null }>()('application_filing', {
  start: (p, e) => (actorKind(p) === 'enterprise' && p.kind === 'user' && !!e.enterpriseId && p.enterpriseId === e.enterpriseId) || deny('只有企业用户可以发起申请', 'Only enterprise users start applications'),
});
