/**
 * 动态管理 (规范条件 七(二)): what the changes, revocations and complaints modules share — who sees which
 * object (scope and actor predicates for their `definePolicy` tables), the API shapes of files and to-dos, and
 * the presenters of file references and downloads. A package without routes or tables; the three modules
 * import it through this entry, never each other's folders.
 */
export * from './supervision.policy.js';
export * from './supervision.schema.js';
export * from './supervision.presenter.js';
