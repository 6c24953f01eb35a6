import type { Principal } from '../../platform/principal.js';
import type { Clock } from '../../platform/clock.js';
import type { ChangeService } from '../changes/changes.service.js';
import type { ComplaintService } from '../complaints/complaints.service.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import type { RevocationService } from './revocations.service.js';
import { canFileRectification, decisionBlocker, statementBlocker } from '../../../domain/supervision/index.js';
import { isAuthorityOf, isEnterpriseAdminOf, isMinistry, supervisionScope } from './supervision.policy.js';

export interface SupervisionTodo {
  kind: 'supervision';
  id: string;
  title: string;
  titleEn: string;
  state: string;
  link: string;
  since: string;
}

/** 待办 of 动态管理 for the workbench: what awaits the caller in changes, revocation cases and complaints. */
export function createSupervisionTodos(deps: { changes: ChangeService; revocations: RevocationService; complaints: ComplaintService; enterprises: EnterpriseService; clock: Clock }) {
  return async function todos(p: Principal | null): Promise<SupervisionTodo[]> {
    const scope = supervisionScope(p);
    if (scope.kind === 'none') return [];
    const today = deps.clock.today();
    const out: SupervisionTodo[] = [];
    const [changes, cases, complaints] = await Promise.all([
      deps.changes.list(p, {}),
      deps.revocations.list(p, {}),
      scope.kind === 'enterprise' ? Promise.resolve([]) : deps.complaints.list(p, { states: ['received', 'accepted', 'investigating'] }),
    ]);
    const names = await deps.enterprises.names([...new Set([...changes.map((c) => c.enterpriseId), ...cases.map((c) => c.enterpriseId)])]);
    const n = (id: string) => names.get(id) ?? '';
    for (const c of changes) {
      const link = `/supervision/changes/${c.id}`;
      const since = c.updatedAt.toISOString();
      if (isAuthorityOf(p, c.authorityId) && c.state === 'submitted') out.push({ kind: 'supervision', id: c.id, title: `变更验收核实：${n(c.enterpriseId)}`, titleEn: `Change check: ${n(c.enterpriseId)}`, state: 'change_check', link, since });
      if (isMinistry(p) && c.state === 'check_passed') out.push({ kind: 'supervision', id: c.id, title: `核实变更：${n(c.enterpriseId)}`, titleEn: `Confirm a change: ${n(c.enterpriseId)}`, state: 'change_confirm', link, since });
      if (isEnterpriseAdminOf(p, c.enterpriseId) && c.state === 'check_failed') out.push({ kind: 'supervision', id: c.id, title: `变更验收不合格，整改后重新提交（期限 ${c.deadline}）`, titleEn: `Change check failed: rectify by ${c.deadline}`, state: 'change_resubmit', link, since });
    }
    for (const c of cases) {
      const link = `/supervision/revocations/${c.id}`;
      const since = c.updatedAt.toISOString();
      if (isMinistry(p) && c.state === 'opened') out.push({ kind: 'supervision', id: c.id, title: `撤销公告：告知企业 ${n(c.enterpriseId)}`, titleEn: `Revocation: notify ${n(c.enterpriseId)}`, state: 'revocation_notify', link, since });
      if (isMinistry(p) && !decisionBlocker(c, today)) out.push({ kind: 'supervision', id: c.id, title: `撤销公告：作出决定 ${n(c.enterpriseId)}`, titleEn: `Revocation: decide on ${n(c.enterpriseId)}`, state: 'revocation_decide', link, since });
      if (isEnterpriseAdminOf(p, c.enterpriseId) && !statementBlocker(c, today)) out.push({ kind: 'supervision', id: c.id, title: `撤销公告事先告知：请于 ${c.statementDue} 前陈述和申辩`, titleEn: `Notice of intended revocation: statement due ${c.statementDue}`, state: 'revocation_statement', link, since });
      if (isEnterpriseAdminOf(p, c.enterpriseId) && canFileRectification(c.state, c.rectificationState)) out.push({ kind: 'supervision', id: c.id, title: '已被撤销公告：提交整改材料', titleEn: 'Revoked: file the rectification', state: 'revocation_rectify', link, since });
      if (isAuthorityOf(p, c.authorityId) && c.state === 'revoked' && c.rectificationState === 'submitted') out.push({ kind: 'supervision', id: c.id, title: `整改验收：${n(c.enterpriseId)}`, titleEn: `Review the rectification: ${n(c.enterpriseId)}`, state: 'revocation_rectification_review', link, since });
    }
    for (const c of complaints) {
      out.push({ kind: 'supervision', id: c.id, title: `投诉举报：${c.subject}（${c.enterpriseName}）`, titleEn: `Complaint: ${c.subject} (${c.enterpriseName})`, state: `complaint_${c.state}`, link: `/supervision/complaints/${c.id}`, since: c.filedAt.toISOString() });
    }
    return out;
  };
}
export type SupervisionTodos = ReturnType<typeof createSupervisionTodos>;
