// One language of the resource tree, made at build time from src/web/locales/<area>.ts (scripts/vite-locales.ts).
declare module 'virtual:reman-locale/zh' {
  const tree: import('./types').LanguageTree;
  export default tree;
}
declare module 'virtual:reman-locale/en' {
  const tree: import('./types').LanguageTree;
  export default tree;
}
