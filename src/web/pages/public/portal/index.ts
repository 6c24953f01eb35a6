/** 公共信息服务 public pages (issue 14): lazy-loaded by App.tsx under /public. */
export { default as PortalSearchPage } from './PortalSearchPage';
export { StandardsPage, StandardDetailPage } from './StandardsPage';
export { DemoUnitsPage, TestingOrgsPage, PoliciesPage, PolicyDetailPage } from './DirectoryPages';
export { default as TargetsPage } from './TargetsPage';
export { default as DatasetsPage } from './DatasetsPage';
export { default as CataloguePage } from './CataloguePage';
