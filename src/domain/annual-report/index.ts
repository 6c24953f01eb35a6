/** 年度报告 (规范条件 七(二)1, 附件2): form model, checks, deadlines, workflow. */
export * from './form.js';
export * from './validation.js';
export * from './deadline.js';
export * from './workflow.js';
export * from './sample.js';
export * from './statistics.js';
