import type { Principal } from '../../platform/principal.js';
import { supervisionScope, type SupervisionTodo } from '../supervision/index.js';
import { changeActions, type ChangeStep } from './changes.policy.js';
import { changeExpertRepo, changeRepo, type ChangeRow } from './changes.repo.js';
import type { ChangeDeps } from './changes.service.js';

const TODO: Partial<Record<ChangeStep, (name: string, c: ChangeRow) => { state: string; title: string; titleEn: string }>> = {
  check: (n) => ({ state: 'change_check', title: `变更验收核实：${n}`, titleEn: `Change check: ${n}` }),
  resubmit: (_, c) => ({ state: 'change_resubmit', title: `变更验收不合格，整改后重新提交（期限 ${c.deadline}）`, titleEn: `Change check failed: rectify by ${c.deadline}` }),
  confirm: (n) => ({ state: 'change_confirm', title: `核实变更：${n}`, titleEn: `Confirm a change: ${n}` }),
  opinion: (n) => ({ state: 'change_opinion', title: `变更验收核实专家意见：${n}`, titleEn: `Expert opinion on a change: ${n}` }),
};

/** 待办 of change requests for the workbench: each step the caller may take now. */
export function changeTodos({ db, enterprises }: Pick<ChangeDeps, 'db' | 'enterprises'>) {
  return async (p: Principal | null): Promise<SupervisionTodo[]> => {
    // 七(二)3: an expert's open opinions on the acceptance checks it was involved in
    if (p?.kind === 'user' && p.expertId) {
      const pending = await changeExpertRepo.pendingOf(db, p.expertId);
      const rows = (await Promise.all(pending.map((x) => changeRepo.get(db, x.changeId)))).filter((c): c is ChangeRow => !!c && c.state === 'submitted');
      const names = await enterprises.names([...new Set(rows.map((c) => c.enterpriseId))]);
      return rows.map((c) => ({ kind: 'supervision' as const, id: c.id, ...TODO.opinion!(names.get(c.enterpriseId) ?? '', c), link: `/review/changes/${c.id}`, since: c.updatedAt.toISOString() }));
    }
    if (supervisionScope(p).kind === 'none') return [];
    const rows = await changeRepo.list(db, supervisionScope(p), {});
    const names = await enterprises.names([...new Set(rows.map((c) => c.enterpriseId))]);
    return rows.flatMap((c) =>
      changeActions(p, c).flatMap((a) => {
        const line = TODO[a]?.(names.get(c.enterpriseId) ?? '', c);
        return line ? [{ kind: 'supervision' as const, id: c.id, ...line, link: `/supervision/changes/${c.id}`, since: c.updatedAt.toISOString() }] : [];
      }),
    );
  };
}
