import type { FastifyInstance, FastifyRequest } from 'fastify';
import { labelOf, REMAN_FIELD_VALUES, REMAN_FIELDS, type RemanField } from '../../../domain/enterprise.js';
import { isRegionCode, PROVINCES, regionName } from '../../../domain/regions.js';
import { DomainError } from '../../platform/errors.js';
import { escHtml as esc, HTML_PAGE_ROUTE, htmlPages } from '../../platform/html-pages.js';
import { zh } from '../../platform/public-home.js';
import { queryKey, type PublicCache } from '../../platform/public-cache.js';
import { presentListing, presentListingDetail } from './listings.presenter.js';
import type { ListingService } from './listings.service.js';

/**
 * The market's indexable pages (issue 14 "readable without JavaScript"; docs/public-portal.md "Indexable pages"):
 * `/public/market` (the page of listings the app's URL asks for: words, field, region, prices, announced sellers,
 * page) and `/public/market/{id}` (a listing with the unit's verified record) answered as HTML by the same machinery
 * as the portal's pages (platform/html-pages.ts): title, description, canonical URL and the content inside
 * <div id="root">, which the app replaces once it starts. Words are the app's own (its locale tree, Chinese).
 * Cached under 'listings': every listing write (create, withdraw, an order, a recall, a rating, a policy) drops them.
 */
const PAGE_SIZES = [12, 24, 48];
const money = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' });
const cny = (v: number) => money.format(v);
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Number(v).toFixed(1)}%`);
const w = (key: string, vars: Record<string, string | number> = {}) => esc(zh(key).replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? '')));
const fieldName = (f: string | null) => (f ? esc(labelOf(REMAN_FIELDS, f as RemanField)) : '');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const badge = (announced: boolean) => (announced ? `<span class="badge announced">✓ ${w('market.announced')}</span>` : `<span class="badge">${w('market.notAnnounced')}</span>`);
const dl = (rows: [string, string][]) => `<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;

/** The market's search parameters as the app's URL carries them (MarketSearchPage); anything malformed is left out. */
function marketQuery(raw: Record<string, string | undefined>) {
  const num = (v: string | undefined) => (v !== undefined && v !== '' && Number.isFinite(Number(v)) && Number(v) >= 0 ? Number(v) : undefined);
  const size = Number(raw.pageSize);
  return {
    q: (raw.q ?? '').slice(0, 100).trim() || undefined,
    field: REMAN_FIELD_VALUES.includes(raw.field as RemanField) ? raw.field : undefined,
    region: /^[0-9]{6}$/.test(raw.region ?? '') ? raw.region : undefined,
    minPrice: num(raw.minPrice),
    maxPrice: num(raw.maxPrice),
    announcedOnly: raw.announcedOnly === 'true' || raw.announcedOnly === '1',
    page: Math.min(Math.max(1, Number.parseInt(raw.page ?? '1', 10) || 1), 10_000),
    pageSize: PAGE_SIZES.includes(size) ? size : 12,
  };
}

export async function marketPageRoutes(app: FastifyInstance, deps: { listings: ListingService; publicCache: PublicCache; webDir: string }) {
  const { origin, page, send } = htmlPages(deps.webDir);
  const cached = (key: string, req: FastifyRequest, make: () => Promise<string>) => deps.publicCache.get('listings', `html:${key}:${origin(req)}`, make);

  app.get<{ Querystring: Record<string, string | undefined> }>('/public/market', HTML_PAGE_ROUTE, async (req, reply) => {
    const f = marketQuery(req.query);
    const html = await cached(`market:${queryKey(f)}`, req, async () => {
      const { page: pageNo, pageSize, ...filters } = f;
      const r = await deps.listings.searchPublic(filters, { page: pageNo, pageSize }, { capped: true });
      const cards = r.items.map((c) => presentListing(c)).map((l) => {
        const tags = [w('market.units', { n: l.unitsAvailable }), w('market.life', { n: l.life }), l.rates.valueRate !== null ? w('market.valueRate', { pct: pct(l.rates.valueRate) }) : '', l.warrantyMonths !== null ? w('market.warranty', { n: l.warrantyMonths }) : ''].filter(Boolean);
        const ref = l.newReferencePriceCny !== null ? ` <s>${w('market.newRef', { price: cny(l.newReferencePriceCny) })}</s>` : '';
        const saving = l.savingVsNew !== null && l.savingVsNew > 0 ? ` ${w('market.saving', { pct: pct(l.savingVsNew * 100) })}` : '';
        return (
          `<li><h2><a href="/public/market/${esc(l.id)}">${esc(l.title)}</a></h2>` +
          `<p><strong>${cny(l.priceCny)}</strong>${ref}${saving}</p>` +
          `<p>${esc(l.enterprise.name)} ${badge(l.enterprise.announced)}</p>` +
          `<p>${esc(l.enterprise.regionName)}${l.field ? ` · ${fieldName(l.field)}` : ''}</p>` +
          `<p>${tags.join(' · ')}</p></li>`
        );
      });
      const link = (over: Record<string, string | number | undefined>) => {
        const s = queryKey({ ...f, announcedOnly: f.announcedOnly ? 'true' : undefined, page: undefined, pageSize: f.pageSize === 12 ? undefined : f.pageSize, ...over });
        return `/public/market${s ? `?${s}` : ''}`;
      };
      const pages = Math.max(1, Math.ceil(r.total / pageSize));
      const count = `第 ${pageNo} / ${pages} 页，共 ${r.total}${r.capped ? '+' : ''} 件商品`;
      const nav = [pageNo > 1 ? `<a href="${esc(link({ page: pageNo - 1 }))}" rel="prev">上一页</a>` : '', count, pageNo < pages ? `<a href="${esc(link({ page: pageNo + 1 }))}" rel="next">下一页</a>` : ''].filter(Boolean).join(' · ');
      const options = REMAN_FIELDS.map((x) => `<option value="${x.value}"${x.value === f.field ? ' selected' : ''}>${esc(x.zh)}</option>`).join('');
      // the region: a province, or the city/district code the app's URL carried (kept as its own option)
      const regions = [...PROVINCES.map((x) => [x.code, x.name] as const), ...(f.region && !PROVINCES.some((x) => x.code === f.region) ? [[f.region, isRegionCode(f.region) ? regionName(f.region) : f.region] as const] : [])];
      const regionOptions = regions.map(([code, name]) => `<option value="${code}"${code === f.region ? ' selected' : ''}>${esc(name)}</option>`).join('');
      const price = (k: 'minPrice' | 'maxPrice', label: string) => `<input type="number" name="${k}" min="0" step="1" aria-label="${label}" value="${f[k] ?? ''}">`;
      const form =
        `<form method="get" action="/public/market"><label>关键词 <input name="q" value="${esc(f.q ?? '')}"></label> ` +
        `<label>领域 <select name="field"><option value="">${w('market.allFields')}</option>${options}</select></label> ` +
        `<label>地区 <select name="region"><option value="">全国</option>${regionOptions}</select></label> ` +
        `<label>价格（元） ${price('minPrice', '最低价格（元）')} – ${price('maxPrice', '最高价格（元）')}</label> ` +
        `<label><input type="checkbox" name="announcedOnly" value="true"${f.announcedOnly ? ' checked' : ''}> ${w('market.announcedOnly')}</label> <button type="submit">查询</button></form>`;
      const title = w('market.title');
      const description = `${zh('market.sub')} 在售 ${r.total}${r.capped ? '+' : ''} 件`;
      const path = link({ page: pageNo > 1 ? pageNo : undefined });
      return page(req, path, zh('market.title'), description, `<h1>${title}</h1><p>${w('market.sub')}</p>${form}<ul>${cards.join('')}</ul><p>${nav}</p>`);
    });
    return send(reply, html);
  });

  app.get<{ Params: { id: string } }>('/public/market/:id', HTML_PAGE_ROUTE, async (req, reply) => {
    const id = req.params.id;
    const missing = () => send(reply, page(req, `/public/market/${encodeURIComponent(id)}`, zh('market.listing.notFound'), zh('market.listing.notFound'), `<h1>${w('market.listing.notFound')}</h1><p><a href="/public/market">${w('market.listing.back')}</a></p>`), 404);
    if (!UUID.test(id)) return missing();
    const html = await cached(`listing:${id.toLowerCase()}`, req, async () => {
      const d = await deps.listings.detail(null, id).catch((e: unknown) => {
        if (e instanceof DomainError && e.status === 404) return null; // unknown, or withdrawn (not public)
        throw e;
      });
      if (!d) return '';
      const l = presentListingDetail(null, d);
      const v = d.verified;
      const compare =
        l.newReferencePriceCny !== null && l.savingVsNew !== null
          ? w('market.listing.compareText', { ref: cny(l.newReferencePriceCny), price: cny(l.priceCny), saving: cny(l.newReferencePriceCny - l.priceCny), pct: pct(l.savingVsNew * 100) })
          : w('market.listing.noCompare');
      const facts = dl([
        [w('market.listing.price'), `<strong>${cny(l.priceCny)}</strong>`],
        [w('market.listing.compare'), compare],
        [w('market.listing.seller'), `${esc(l.enterprise.name)} ${badge(l.enterprise.announced)}`],
        [w('market.listing.region'), esc(l.enterprise.regionName)],
        [w('market.listing.model'), esc([l.productName, l.model].filter(Boolean).join(' '))],
        [w('market.listing.field'), fieldName(l.field) || '—'],
        [w('trace.warranty'), l.warrantyMonths !== null ? w('market.warranty', { n: l.warrantyMonths }) : '—'],
      ]);
      const description = l.description ? `<h2>${w('market.listing.description')}</h2>${l.description.split(/\n+/).filter(Boolean).map((p) => `<p>${esc(p)}</p>`).join('')}` : '';
      const verified = v
        ? `<p>${v.genuine ? `✓ ${w('market.listing.genuine')}` : esc(zh('market.listing.notGenuine').replace('{status}', v.statusLabel.zh))}</p>` +
          dl([
            [w('trace.enterprise'), `${esc(v.enterprise.name)} ${badge(v.enterprise.announced)}`],
            [w('market.listing.unitCode'), `<code>${esc(v.code)}</code>`],
            [w('market.listing.lifeLabel'), w('market.life', { n: v.life })],
            [w('trace.productionDate'), esc(v.productionDate)],
            [w('trace.standardNo'), esc(v.standardNo ?? '—')],
            [w('trace.warranty'), v.warrantyMonths != null ? w('market.warranty', { n: v.warrantyMonths }) : '—'],
            [w('trace.massRate'), pct(v.massRate)],
            [w('trace.valueRate'), pct(v.valueRate)],
          ]) +
          (v.steps.length ? `<h3>${w('market.listing.steps')}</h3><ol>${v.steps.map((s) => `<li>${esc(s.date.slice(0, 10))} ${esc(s.label.zh)}</li>`).join('')}</ol>` : '') +
          `<p><a href="/p/${encodeURIComponent(v.code)}">${w('market.listing.viewVerify')}</a></p>`
        : '<p>—</p>';
      const units = l.units.map((u) => `<tr><td><a href="/p/${encodeURIComponent(u.productCode)}">${esc(u.productCode)}</a></td><td>${w(`market.unit.${u.status}`)}</td></tr>`).join('');
      const body =
        `<h1>${esc(l.title)}</h1><p>${w(`market.status.${l.status}`)} · ${w('market.units', { n: l.unitsAvailable })}</p>${facts}${description}` +
        `<h2>${w('market.listing.verified')}</h2><p>${w('market.listing.verifiedSub')}</p>${verified}` +
        `<h2>${w('market.listing.unitsTitle')}</h2><table><thead><tr><th>${w('market.listing.unitCode')}</th><th>状态</th></tr></thead><tbody>${units}</tbody></table>` +
        `<p><a href="/public/market">${w('market.listing.back')}</a></p>`;
      const meta = `${l.title}：${cny(l.priceCny)}，${l.enterprise.name}（${l.enterprise.regionName}），${[l.productName, l.model].filter(Boolean).join(' ')}，附平台核验的追溯记录`;
      return page(req, `/public/market/${l.id}`, l.title, meta, body);
    });
    if (!html) return missing();
    return send(reply, html);
  });
}
