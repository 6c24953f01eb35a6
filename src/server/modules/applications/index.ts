/**
 * What the applications module publishes to other modules (docs/architecture.md "Module boundaries"): the list
 * presenter the workbench shows, and the official-document layout (A4, 仿宋/黑体 sizes, XML-safe text) that the
 * 公告 export and the annual-report workbook share with the 申请书.
 */
export { presentSummaries, type PresenterDeps } from './applications.presenter.js';
export { A4_PAGE, CN_SIZES, FONT_TABLE_OVERRIDE, OFFICIAL_FONTS, xmlSafe } from './application-docx.js';
