import type { ActorKind } from '../applications/applications.policy.js';

/**
 * Whose to-dos the workbench gathers, by the caller's kind (the scope of each list is its owning module's:
 * applications, annual reports and each supervision source filter by the caller themselves). Applications: every
 * kind whose turn the state machine says it is (`awaiting`), an expert the cases assigned to them.
 */
/** MIIT handles 公示: objections to resolve, windows over to close (七(一)5). */
export const seesNoticeTodos = (kind: ActorKind | null): kind is 'ministry' => kind === 'ministry';
/** The enterprise files its annual reports, its authority reviews them (七(二)1). */
export const seesReportTodos = (kind: ActorKind | null): kind is 'enterprise' | 'authority' => kind === 'enterprise' || kind === 'authority';
