/** The fixed query mix of bench/search.ts and bench/search-explain.ts, by class: [class, "words|extra query"]. */
export const QUERIES: [string, string][] = [
  ['specific', 'WD615 发动机'], ['specific', '潍柴 柴油发动机 WP12'], ['specific', 'K3V112 液压主泵'], ['specific', '盾构机主轴承'], ['specific', '长沙 再制造产业示范基地'],
  ['specific', '广州精工再制造科技有限公司'], ['specific', '苏州 绿源 再制造'], ['specific', 'GB/T 31207'], ['specific', '起动机 QD2821'], ['specific', '涡轮增压器 康明斯'],
  ['word order', '发动机的再制造'], ['word order', '再制造 变速器 法士特'], ['word order', '数控车床 再制造 重庆'],
  ['filtered', '发动机|type=listing'], ['filtered', '液压|type=catalogue'], ['filtered', '再制造|region=44&type=enterprise'], ['filtered', '检测中心|type=testingOrg'], ['filtered', '以旧换再|year=2020'],
  ['broad', '再制造'], ['broad', '检测'], ['broad', '有限公司'],
];
export const urlOf = ([, q]: [string, string]) => {
  const [words, extra] = q.split('|');
  return `/api/v1/public/search?q=${encodeURIComponent(words!)}${extra ? `&${extra}` : ''}`;
};
/** The words and the filters of one entry, as the search route parses them. */
export function filtersOf([, q]: [string, string]) {
  const [words, extra] = q.split('|');
  const p = new URLSearchParams(extra ?? '');
  return { q: words!, types: p.get('type') ? [p.get('type')!] : undefined, region: p.get('region') ?? undefined, year: p.get('year') ? Number(p.get('year')) : undefined };
}
