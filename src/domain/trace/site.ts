/**
 * The site (生产场地) of a lifecycle event (规范条件 七(一)3: 厂区/生产车间 are announced one by one; 七(二)1 and 附2:
 * the annual report's 表2-3 is per announced site, issue 15 item 14). A step recorded through the platform's forms
 * or import carries the site as the EPCIS `bizLocation` `urn:reman-platform:site:<siteId>` (sites have no GLN in
 * the register; docs/traceability.md "Site"). Foreign EPCIS documents keep whatever bizLocation they have (an
 * SGLN, or none): such an event, like every event recorded before sites were captured, counts for the
 * enterprise's site when it has exactly one, and is "场地未知" (site unknown) when it has several. Pure.
 */
export const SITE_LOCATION_PREFIX = 'urn:reman-platform:site:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The bizLocation of a step at `siteId`. */
export function siteLocation(siteId: string): string {
  return `${SITE_LOCATION_PREFIX}${siteId.toLowerCase()}`;
}

/** The site id a bizLocation names, or null (no location, or a location that is not a platform site). */
export function siteIdOfLocation(location: string | null | undefined): string | null {
  if (!location || !location.startsWith(SITE_LOCATION_PREFIX)) return null;
  const id = location.slice(SITE_LOCATION_PREFIX.length);
  return UUID.test(id) ? id.toLowerCase() : null;
}

/**
 * The site an event counts for: the site its bizLocation names when that is one of the enterprise's sites;
 * otherwise (no site recorded, or a foreign location) the enterprise's only site; null = 场地未知 when the
 * enterprise has several sites (or none).
 */
export function attributedSite(location: string | null | undefined, enterpriseSiteIds: readonly string[]): string | null {
  const named = siteIdOfLocation(location);
  const ids = enterpriseSiteIds.map((s) => s.toLowerCase());
  if (named && ids.includes(named)) return named;
  return ids.length === 1 ? ids[0]! : null;
}

/**
 * The site a step form names (`site`: the site's id or its exact name), checked against the enterprise's sites:
 * `{ siteId }`, or `{ siteId: null }` when no site is given and the enterprise has several (场地未知), or
 * `{ error }` for a site that is not one of the enterprise's. With exactly one site, an empty field means that site.
 */
export function resolveStepSite(given: string | null | undefined, sites: readonly { id: string; name: string }[]): { siteId: string | null } | { error: 'unknown_site' } {
  const v = given?.trim();
  if (!v) return { siteId: sites.length === 1 ? sites[0]!.id : null };
  const hit = sites.find((s) => s.id.toLowerCase() === v.toLowerCase()) ?? sites.find((s) => s.name === v);
  return hit ? { siteId: hit.id } : { error: 'unknown_site' };
}
