import type { RevocationStep } from '../../../domain/supervision/index.js';
import type { Principal } from '../../platform/principal.js';
import { supervisionScope, type SupervisionTodo } from '../supervision/index.js';
import { caseActions } from './revocations.policy.js';
import { revocationRepo, type RevocationCaseRow } from './revocations.repo.js';
import type { RevocationDeps } from './revocations.service.js';

/** The to-do line of each step that awaits its taker (adding evidence is never a to-do). */
const TODO: Partial<Record<RevocationStep, (name: string, c: RevocationCaseRow) => { state: string; title: string; titleEn: string }>> = {
  notify: (n) => ({ state: 'revocation_notify', title: `撤销公告：告知企业 ${n}`, titleEn: `Revocation: notify ${n}` }),
  relay: (n, c) => ({ state: 'revocation_relay', title: `撤销公告告知书待转告：${n}（工信部 ${c.noticeSentOn} 发出）`, titleEn: `Relay the notice of intended revocation to ${n} (sent ${c.noticeSentOn})` }),
  decide: (n) => ({ state: 'revocation_decide', title: `撤销公告：作出决定 ${n}`, titleEn: `Revocation: decide on ${n}` }),
  statement: (_, c) => ({ state: 'revocation_statement', title: `撤销公告事先告知：请于 ${c.statementDue} 前陈述和申辩`, titleEn: `Notice of intended revocation: statement due ${c.statementDue}` }),
  rectification: () => ({ state: 'revocation_rectify', title: '已被撤销公告：提交整改材料', titleEn: 'Revoked: file the rectification' }),
  review_rectification: (n) => ({ state: 'revocation_rectification_review', title: `整改验收：${n}`, titleEn: `Review the rectification: ${n}` }),
};

/** 待办 of revocation cases for the workbench: each step the caller may take today. */
export function revocationTodos({ db, clock, enterprises }: Pick<RevocationDeps, 'db' | 'clock' | 'enterprises'>) {
  return async (p: Principal | null): Promise<SupervisionTodo[]> => {
    if (supervisionScope(p).kind === 'none') return [];
    const today = clock.today();
    const cases = await revocationRepo.list(db, supervisionScope(p), {});
    const names = await enterprises.names([...new Set(cases.map((c) => c.enterpriseId))]);
    return cases.flatMap((c) =>
      caseActions(p, c, today).flatMap((a) => {
        const line = TODO[a]?.(names.get(c.enterpriseId) ?? '', c);
        return line ? [{ kind: 'supervision' as const, id: c.id, ...line, link: `/supervision/revocations/${c.id}`, since: c.updatedAt.toISOString() }] : [];
      }),
    );
  };
}
