import { writeToBuffer } from '@fast-csv/format';
import { Feed } from 'feed';
import { z } from 'zod';
import { labelOf, REMAN_FIELDS, type RemanField } from '../../../domain/enterprise.js';
import { targetRows } from '../../../domain/portal/targets.js';
import { findProvince } from '../../../domain/regions.js';
import type { Clock } from '../../platform/clock.js';
import { errors } from '../../platform/errors.js';
import type { AnnouncementService } from '../announcements/announcements.service.js';
import type { NoticeService } from '../notices/notices.service.js';
import type { StatisticsService } from '../statistics/statistics.service.js';
import type { PortalContentService } from './content.service.js';

/**
 * 开放数据 (issue 14 "Open data and feeds"): datasets as CSV (UTF-8 with BOM: Excel opens it as UTF-8) and JSON
 * with a published JSON Schema, and Atom 1.0 feeds. Read from the portal's content and the other modules'
 * exported services; the routes cache the answers under the tags of their sources.
 */
export const LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };

const provinceName = (code: string) => findProvince(code.slice(0, 2) + '0000')?.name ?? findProvince(code)?.name ?? code;
const fieldLabel = (f: string) => labelOf(REMAN_FIELDS, f as RemanField);
const maxDate = (...ds: Array<Date | string | null | undefined>) => {
  const t = ds.filter((d): d is Date | string => !!d).map((d) => new Date(d).getTime()).filter((n) => !Number.isNaN(n));
  return t.length ? new Date(Math.max(...t)) : null;
};

const AnnouncedRow = z.object({
  enterpriseName: z.string().describe('企业名称 Enterprise'),
  creditCode: z.string().describe('统一社会信用代码 Unified social credit code'),
  provinceCode: z.string().describe('省级行政区代码 Province code (GB/T 2260)'),
  provinceName: z.string().describe('地区 Province'),
  siteName: z.string().describe('厂区 Site'),
  fields: z.string().describe('再制造产品类型（、分隔） Fields, 、-separated'),
  batchNo: z.number().int().describe('公告批次 Batch'),
  docNumber: z.string().describe('公告文号 Document number'),
  announcedOn: z.string().describe('公告日期 Date announced (YYYY-MM-DD)'),
});
const StandardRow = z.object({
  code: z.string().describe('标准编号 Code'),
  title: z.string().describe('标准名称 Title'),
  type: z.enum(['national', 'industry', 'group']).describe('国家/行业/团体 Type'),
  status: z.enum(['current', 'upcoming', 'abolished', 'replaced']).describe('现行/即将实施/废止/被代替 Status'),
  issuedOn: z.string().describe('发布日期 Issued'),
  effectiveOn: z.string().describe('实施日期 In force'),
  replacedBy: z.string().describe('代替标准 Replaced by'),
  drafters: z.string().describe('起草单位（、分隔） Drafting bodies'),
  verified: z.boolean().describe('信息已与标准文本核对 Details checked against the text'),
});
const DemoUnitRow = z.object({
  name: z.string().describe('名称 Name'),
  kind: z.enum(['enterprise', 'park', 'base', 'centre']).describe('类型 Kind'),
  provinceCode: z.string().describe('省级行政区代码 Province code'),
  provinceName: z.string().describe('省份 Province'),
  city: z.string().describe('城市 City'),
  field: z.string().describe('领域 Field'),
  year: z.number().int().describe('认定年份 Year designated'),
});
const TestingOrgRow = z.object({
  name: z.string().describe('机构名称 Name'),
  accreditationNo: z.string().describe('认可/资质证书编号 Accreditation number'),
  provinceName: z.string().describe('省份 Province'),
  scope: z.string().describe('检测范围 Scope'),
  website: z.string().describe('网站 Website'),
});
const CatalogueRow = z.object({
  listedNo: z.string().describe('目录编号 Catalogue number'),
  batchNo: z.number().int().describe('批次 Batch'),
  publishedOn: z.string().describe('批次发布日期 Batch published (YYYY-MM-DD)'),
  enterpriseName: z.string().describe('企业名称 Enterprise'),
  productName: z.string().describe('产品名称 Product'),
  model: z.string().describe('型号 Model'),
  field: z.string().describe('领域 Field'),
  standardCode: z.string().describe('执行标准 Standard'),
  massRate: z.number().nullable().describe('再制造率（质量，%） Remanufacturing rate by mass (%)'),
  valueRate: z.number().nullable().describe('再制造率（价值，%） Remanufacturing rate by value (%)'),
  testReports: z.string().describe('第三方检测报告（机构 编号 日期；分隔） Test reports (organisation number date; ;-separated)'),
});
const StatisticsRow = z.object({
  year: z.number().int().describe('年度 Year'),
  reports: z.number().int().describe('年度报告数 Annual reports'),
  recovered: z.number().describe('旧件回收（件） Cores recovered'),
  remanufactured: z.number().describe('再制造产品（件） Units remanufactured'),
  sold: z.number().describe('销售（件） Units sold'),
  outputValue: z.number().nullable().describe('再制造产值（万元） Output value (10,000 CNY)'),
});

/** 再制造产值 by region and by field per year (issue 14; the attribution and the pooling: docs/annual-reports.md). */
const StatisticsValueRow = z.object({
  year: z.number().int().describe('年度 Year'),
  dimension: z.enum(['region', 'field']).describe('按地区 region / 按领域 field'),
  key: z.string().describe('省级行政区划代码、领域代码、cross_field（跨领域）、unspecified 或 pooled（合并的小于3家的项） Province code, field code, cross_field, unspecified or pooled'),
  name: z.string().describe('地区或领域名称 Region or field name'),
  outputValue: z.number().describe('再制造产值（万元） Output value (10,000 CNY)'),
  reports: z.number().int().describe('填报企业数 Reporting enterprises'),
});

export const FEED_KINDS = ['announcements', 'notices', 'standards', 'policies', 'catalogue'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

export interface DatasetDef<S extends z.ZodObject = z.ZodObject> {
  key: string;
  name: string;
  nameEn: string;
  description: string;
  row: S;
  /** the public cache tags whose writes change it */
  tags: ReadonlyArray<'announced' | 'portal' | 'statistics' | 'catalogue'>;
  rows(): Promise<Array<z.infer<S>>>;
  lastModified(): Promise<Date | null>;
}
/** What open data reads of the catalogue module (its service; declared here so the portal does not import it). */
export interface CatalogueReader {
  allListed(): Promise<Array<{ a: { id: string; enterpriseId: string; listedNo: string | null; productName: string; model: string; field: string; standardCode: string; massRate: string | null; valueRate: string | null; testReports: Array<{ orgName: string; reportNo: string; issuedOn: string }>; listedAt: Date | null }; batchNo: number | null; publishedOn: string | null }>>;
  batches(): Promise<Array<{ batch: { id: string; batchNo: number; title: string; publishedOn: string; createdAt: Date }; n: number }>>;
  lastModified(): Promise<Date | null>;
  enterpriseNames(ids: string[]): Promise<Map<string, string>>;
  /** one page of the public catalogue (listed, or in 公示 with `inNotice`) — the server-rendered /public/catalogue */
  publicPage(
    f: { q?: string; field?: string; inNotice?: boolean },
    p: { page: number; pageSize: number },
  ): Promise<{ rows: Array<{ a: { id: string; enterpriseId: string; listedNo: string | null; productName: string; model: string; field: string; standardCode: string; massRate: string | null; valueRate: string | null; noticeStartOn: string | null; noticeEndOn: string | null }; batchNo: number | null; publishedOn: string | null }>; total: number }>;
}

const def = <S extends z.ZodObject>(d: DatasetDef<S>) => d as unknown as DatasetDef;

export function createOpenDataService(deps: { clock: Clock; content: PortalContentService; announcements: AnnouncementService; notices: NoticeService; statistics: StatisticsService; catalogue: CatalogueReader }) {
  const { clock, content, announcements, notices, statistics, catalogue } = deps;

  const announcedLastModified = async () => maxDate(...(await announcements.batches()).map((b) => b.announcedOn));
  const datasets: DatasetDef[] = [
    def({
      key: 'announced-enterprises',
      name: '符合《机电产品再制造行业规范条件》企业名单',
      nameEn: 'Announced enterprises (the Conditions list)',
      description: '当前有效的公告企业及厂区（撤销的不含），含公告批次与文号。',
      row: AnnouncedRow,
      tags: ['announced'],
      async rows() {
        const [batches, entries] = await Promise.all([announcements.batches(), announcements.allEntries()]);
        const byId = new Map(batches.map((b) => [b.id, b]));
        return entries
          .filter((e) => e.status === 'active')
          .map((e) => {
            const b = byId.get(e.batchId)!;
            return { enterpriseName: e.enterpriseName, creditCode: e.creditCode, provinceCode: e.provinceCode, provinceName: provinceName(e.provinceCode), siteName: e.siteName, fields: e.fields.map(fieldLabel).join('、'), batchNo: b.batchNo, docNumber: b.docNumber, announcedOn: b.announcedOn };
          });
      },
      lastModified: announcedLastModified,
    }),
    def({
      key: 'standards',
      name: '再制造标准库',
      nameEn: 'Remanufacturing standards',
      description: '已发布的国家、行业、团体标准；verified=false 表示信息未与标准文本核对。',
      row: StandardRow,
      tags: ['portal'],
      rows: async () =>
        (await content.standards.allPublished()).map((s) => ({ code: s.code, title: s.title, type: s.type, status: s.status, issuedOn: s.issuedOn ?? '', effectiveOn: s.effectiveOn ?? '', replacedBy: s.replacedBy ?? '', drafters: s.drafters.join('、'), verified: s.verified })),
      lastModified: () => content.standards.lastModified(),
    }),
    def({
      key: 'demonstration-units',
      name: '高端智能再制造示范单位',
      nameEn: 'Demonstration units',
      description: '示范企业、产业集聚区、示范基地、研发/服务中心，含省份、领域与认定年份。',
      row: DemoUnitRow,
      tags: ['portal'],
      rows: async () => (await content.demoUnits.allPublished()).map((u) => ({ name: u.name, kind: u.kind, provinceCode: u.provinceCode, provinceName: provinceName(u.provinceCode), city: u.city, field: u.field, year: u.year })),
      lastModified: () => content.demoUnits.lastModified(),
    }),
    def({
      key: 'testing-organizations',
      name: '第三方检测评价机构',
      nameEn: 'Third-party testing organisations',
      description: '再制造产品检测评价机构名录，含认可/资质证书编号与检测范围。',
      row: TestingOrgRow,
      tags: ['portal'],
      rows: async () => (await content.testingOrgs.allPublished()).map((o) => ({ name: o.name, accreditationNo: o.accreditationNo, provinceName: provinceName(o.provinceCode), scope: o.scope, website: o.website ?? '' })),
      lastModified: () => content.testingOrgs.lastModified(),
    }),
    def({
      key: 'catalogue',
      name: '再制造产品目录',
      nameEn: 'Catalogue of remanufactured products',
      description: '已列入目录的产品型号（按目录编号），含批次、企业、执行标准、再制造率（取自追溯记录）与第三方检测报告；公示中的型号不含。',
      row: CatalogueRow,
      tags: ['catalogue'],
      async rows() {
        const listed = await catalogue.allListed();
        const names = await catalogue.enterpriseNames([...new Set(listed.map((r) => r.a.enterpriseId))]);
        const num = (v: string | null) => (v === null ? null : Number(v));
        return listed.map(({ a, batchNo, publishedOn }) => ({
          listedNo: a.listedNo ?? '',
          batchNo: batchNo ?? 0,
          publishedOn: publishedOn ?? '',
          enterpriseName: names.get(a.enterpriseId) ?? '',
          productName: a.productName,
          model: a.model,
          field: fieldLabel(a.field),
          standardCode: a.standardCode,
          massRate: num(a.massRate),
          valueRate: num(a.valueRate),
          testReports: a.testReports.map((t) => `${t.orgName} ${t.reportNo} ${t.issuedOn}`).join('；'),
        }));
      },
      lastModified: () => catalogue.lastModified(),
    }),
    def({
      key: 'statistics',
      name: '全国再制造行业年度统计（合计）',
      nameEn: 'National industry statistics by year (totals)',
      description: '年度报告的全国合计：报告数、旧件回收、再制造产品与销售数量（表2-3）和再制造产值（万元，二、生产经营情况）；不含任何企业的单项数据。',
      row: StatisticsRow,
      tags: ['statistics'],
      rows: async () => {
        const s = await statistics.publicSummary();
        const value = new Map(s.outputValue.map((v) => [v.year, v.outputValue]));
        return s.trend.map((t) => ({ year: t.year, reports: t.reports, recovered: t.recovered, remanufactured: t.remanufactured, sold: t.sold, outputValue: value.get(t.year) ?? null }));
      },
      lastModified: async () => {
        const s = await statistics.publicSummary();
        return s.year ? new Date(`${s.year}-12-31T16:00:00Z`) : null;
      },
    }),
    // clause helper (issue 14 value by field/region): the statistics module's public value cells, pooled below 3 enterprises
    def({
      key: 'statistics-value',
      name: '全国再制造产值按地区和领域（年度）',
      nameEn: 'National remanufacturing output value by region and by field, per year',
      description: '经审核的年度报告“本年度再制造产值”（万元）按地区、按领域：厂区填报的本厂区产值计入该厂区所在地，其余计入企业注册地（仅一个厂区时计入该厂区）；涉及多个领域且未按厂区填报的产值记为“跨领域”，不拆分；不足3家企业的项合并为“其他（合并）”。',
      row: StatisticsValueRow,
      tags: ['statistics'],
      rows: () => statistics.publicValueRows(),
      lastModified: async () => {
        const rows = await statistics.publicValueRows();
        const y = rows.at(-1)?.year;
        return y ? new Date(`${y}-12-31T16:00:00Z`) : null;
      },
    }),
  ];
  const find = (key: string) => {
    const d = datasets.find((x) => x.key === key);
    if (!d) throw errors.notFound('数据集', 'Dataset');
    return d;
  };

  async function feed(kind: FeedKind, origin: string) {
    const self = `${origin}/feeds/${kind}.atom`;
    const titles = { announcements: '再制造行业规范条件公告', notices: '再制造行业规范条件公示', standards: '再制造标准（新发布与更新）', policies: '再制造政策文件', catalogue: '再制造产品目录（批次）' } as const;
    type Entry = { id: string; title: string; link: string; updated: Date; published?: Date; summary: string };
    let entries: Entry[] = [];
    if (kind === 'announcements') {
      entries = (await announcements.batches()).map((b) => ({ id: `urn:uuid:${b.id}`, title: b.title, link: `${origin}/public/announcements?batch=${b.batchNo}`, updated: new Date(`${b.announcedOn}T00:00:00+08:00`), summary: `${b.docNumber}（${b.announcedOn}）` }));
    } else if (kind === 'notices') {
      entries = (await notices.list()).map((n) => ({
        id: `urn:uuid:${n.id}`,
        title: n.title,
        link: `${origin}/public/notices`,
        updated: maxDate(n.createdAt, n.closedAt) ?? new Date(`${n.startDate}T00:00:00+08:00`),
        published: new Date(`${n.startDate}T00:00:00+08:00`),
        summary: `公示期 ${n.startDate} 至 ${n.endDate}${n.status === 'open' ? '' : '（已结束）'}`,
      }));
    } else if (kind === 'standards') {
      entries = (await content.standards.allPublished()).map((s) => ({
        id: `urn:uuid:${s.id}`,
        title: `${s.code} ${s.title}`,
        link: `${origin}/public/standards/${encodeURIComponent(s.code)}`,
        updated: s.updatedAt,
        published: s.publishedAt ?? undefined,
        summary: [s.issuedOn ? `发布 ${s.issuedOn}` : '', s.effectiveOn ? `实施 ${s.effectiveOn}` : '', s.summary].filter(Boolean).join('；'),
      }));
    } else if (kind === 'catalogue') {
      // one entry per numbered batch; the batch's day (00:00 Asia/Shanghai) — a batch is never edited after publication
      const listed = await catalogue.allListed();
      entries = (await catalogue.batches()).map(({ batch: b, n }) => ({
        id: `urn:uuid:${b.id}`,
        title: b.title,
        link: `${origin}/public/catalogue?batch=${b.batchNo}`,
        updated: new Date(`${b.publishedOn}T00:00:00+08:00`),
        summary: `第${b.batchNo}批，${b.publishedOn} 发布，${Number(n)} 个型号：${listed
          .filter((r) => r.batchNo === b.batchNo)
          .slice(0, 50)
          .map((r) => `${r.a.listedNo} ${r.a.productName} ${r.a.model}`)
          .join('；')}`,
      }));
    } else {
      entries = (await content.policies.allPublished()).map((p) => ({
        id: `urn:uuid:${p.id}`,
        title: p.title,
        link: `${origin}/public/policies/${p.id}`,
        updated: p.updatedAt,
        published: p.publishedAt ?? undefined,
        summary: [p.docNumber, p.issuer, p.issuedOn].filter(Boolean).join(' · '),
      }));
    }
    entries.sort((a, b) => b.updated.getTime() - a.updated.getTime());
    entries = entries.slice(0, 200);
    const f = new Feed({
      id: `${origin}/feeds/${kind}.atom`,
      title: `${titles[kind]} — 再制造公共信息服务平台`,
      link: `${origin}/public`,
      language: 'zh-CN',
      updated: entries[0]?.updated ?? new Date(0),
      generator: false,
      copyright: `${LICENCE.name} ${LICENCE.url}`,
      author: { name: '再制造公共信息服务平台', link: `${origin}/public` },
      feedLinks: { atom: self },
    });
    for (const e of entries) f.addItem({ id: e.id, title: e.title, link: e.link, date: e.updated, published: e.published, description: e.summary });
    return f.atom1();
  }

  return {
    datasets,
    licence: LICENCE,
    async catalogue() {
      return Promise.all(
        datasets.map(async (d) => ({
          key: d.key,
          name: d.name,
          nameEn: d.nameEn,
          description: d.description,
          lastModified: (await d.lastModified())?.toISOString() ?? null,
          licence: LICENCE,
          csv: `/api/v1/public/datasets/${d.key}/data.csv`,
          json: `/api/v1/public/datasets/${d.key}/data.json`,
          schema: `/api/v1/public/datasets/${d.key}/schema.json`,
        })),
      );
    },
    find,
    /** CSV with a UTF-8 BOM; the header row carries the Chinese and English column names. */
    async csv(key: string) {
      const d = find(key);
      const cols = Object.keys(d.row.shape);
      const header = cols.map((c) => (d.row.shape[c] as z.ZodType).description ?? c);
      const rows = (await d.rows()).map((r) => cols.map((c) => (r as Record<string, unknown>)[c]));
      return writeToBuffer([header, ...rows], { writeBOM: true, headers: false, includeEndRowDelimiter: true });
    },
    async json(key: string) {
      const d = find(key);
      const items = await d.rows();
      return { dataset: d.key, name: d.name, nameEn: d.nameEn, licence: LICENCE, lastModified: (await d.lastModified())?.toISOString() ?? null, schema: `/api/v1/public/datasets/${d.key}/schema.json`, total: items.length, items };
    },
    /** JSON Schema (draft 2020-12) of the JSON file. */
    schema(key: string) {
      const d = find(key);
      return z.toJSONSchema(
        z.object({ dataset: z.literal(d.key), name: z.string(), nameEn: z.string(), licence: z.object({ name: z.string(), url: z.string() }), lastModified: z.string().nullable(), schema: z.string(), total: z.number().int(), items: z.array(d.row) }).meta({ title: d.nameEn, description: d.description }),
      );
    },
    feed,
    async targets() {
      const [units, stds, batches, entries, outputValueByYear] = await Promise.all([
        content.demoUnits.countByYear(),
        content.standards.publishedByYear('1900-01-01'),
        announcements.batches(),
        announcements.allEntries(),
        statistics.outputValueByYear(),
      ]);
      const active = new Set(entries.filter((e) => e.status === 'active').map((e) => e.enterpriseId));
      const yearOfBatch = new Map(batches.map((b) => [b.id, Number(b.announcedOn.slice(0, 4))]));
      const firstYear = new Map<string, number>();
      for (const e of entries) {
        if (!active.has(e.enterpriseId)) continue;
        const y = yearOfBatch.get(e.batchId)!;
        if (!firstYear.has(e.enterpriseId) || y < firstYear.get(e.enterpriseId)!) firstYear.set(e.enterpriseId, y);
      }
      const perYear = new Map<number, number>();
      for (const y of firstYear.values()) perYear.set(y, (perYear.get(y) ?? 0) + 1);
      return targetRows({
        today: clock.today(),
        demoUnitsByYear: units,
        standardsByYear: stds,
        announcedEnterprises: active.size,
        announcedByYear: [...perYear].map(([year, count]) => ({ year, count })),
        outputValueByYear,
      });
    },
  };
}
export type OpenDataService = ReturnType<typeof createOpenDataService>;
