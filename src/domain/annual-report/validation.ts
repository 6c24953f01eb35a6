/**
 * Checks of the 年度报告 (规范条件 附2): the totals of 表2-3 and completeness before submission.
 */
import { COVER_FIELDS, OPERATIONS_FIELDS, OUTLINE_SECTIONS, TABLE21_ITEMS, TABLE23_SECTIONS, type AnnualReportForm, type SitePart, type Table23, type Table23Key } from './form.js';

export interface ReportIssue {
  /** e.g. 'table23.reman.total', 'table23.recovery.rows.2.count', 'cover.email' */
  field: string;
  message: string;
  messageEn: string;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * 表2-3: each 总件数 must equal the sum of its rows' 件数 (附2 表2-3: 回收总件数, 再制造总件数, 销售总件数 head
 * the rows they sum). Checked whenever a total is entered: a draft may leave the total empty until the rows
 * are done. A mismatch names the section, the total, the sum and the rows that were added up.
 */
export function totalsIssues(t: Table23 | undefined): ReportIssue[] {
  const out: ReportIssue[] = [];
  for (const s of TABLE23_SECTIONS) {
    const section = t?.[s.key];
    const total = section?.total;
    if (total === undefined || total === null) continue;
    const rows = section?.rows ?? [];
    const counted = rows.map((r, i) => ({ n: i + 1, count: r.count })).filter((r) => isCount(r.count));
    const sum = counted.reduce((a, r) => a + (r.count as number), 0);
    if (sum !== total) {
      const rowList = counted.map((r) => `第${r.n}行 ${r.count}`).join('、') || '无数据行';
      const rowListEn = counted.map((r) => `row ${r.n}: ${r.count}`).join(', ') || 'no rows';
      out.push({
        field: `table23.${s.key}.total`,
        message: `${s.zh}：${s.totalZh} ${total} 与各行${s.columns[3]!.zh}之和 ${sum} 不符（${rowList}）`,
        messageEn: `${s.en}: the total ${total} differs from the sum of the rows, ${sum} (${rowListEn})`,
      });
    }
  }
  return out;
}

/** Shape problems that are refused even in a draft (negative or fractional counts). */
export function countIssues(t: Table23 | undefined): ReportIssue[] {
  const out: ReportIssue[] = [];
  for (const s of TABLE23_SECTIONS) {
    const section = t?.[s.key];
    if (section?.total !== undefined && section.total !== null && !isCount(section.total)) {
      out.push({ field: `table23.${s.key}.total`, message: `${s.zh}：${s.totalZh}须为非负整数`, messageEn: `${s.en}: the total must be a whole number ≥ 0` });
    }
    (section?.rows ?? []).forEach((r, i) => {
      if (r.count !== undefined && r.count !== null && !isCount(r.count)) {
        out.push({ field: `table23.${s.key}.rows.${i + 1}.count`, message: `${s.zh}第${i + 1}行：件数须为非负整数`, messageEn: `${s.en} row ${i + 1}: the count must be a whole number ≥ 0` });
      }
    });
  }
  return out;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * What a submission still lacks (附2 一、内容说明: 客观真实、准确完整): every required cover field, the three outline
 * sections with 二's 本年度再制造产值, 表2-1 items 1–6, each 表2-3 section's total and every column of every row. A section may have no
 * rows only when its total is 0 (nothing recovered, remanufactured or sold that year).
 */
export function missingItems(form: AnnualReportForm): ReportIssue[] {
  const out: ReportIssue[] = [];
  for (const f of COVER_FIELDS) {
    if (f.required && blank(form.cover?.[f.key])) out.push({ field: `cover.${f.key}`, message: `封面：${f.zh}未填写`, messageEn: `Cover: ${f.en} is missing` });
  }
  if (!blank(form.cover?.email) && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(form.cover?.email))) {
    out.push({ field: 'cover.email', message: '封面：电子信箱格式不正确', messageEn: 'Cover: the e-mail address is not valid' });
  }
  for (const s of OUTLINE_SECTIONS) {
    if (blank(form.outline?.[s.key])) out.push({ field: `outline.${s.key}`, message: `提纲：${s.zh}未填写`, messageEn: `Outline: ${s.en} is missing` });
  }
  for (const f of OPERATIONS_FIELDS) {
    const value = form.operations?.[f.key];
    if (f.required && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
      out.push({ field: `operations.${f.key}`, message: `二、生产经营情况：${f.zh}未填写`, messageEn: `II. Production and operations: ${f.en} is missing` });
    }
  }
  for (const item of TABLE21_ITEMS) {
    if (item.required && blank(form.table21?.[item.key])) out.push({ field: `table21.${item.key}`, message: `表2-1：第${item.key.slice(1)}项未填写`, messageEn: `Table 2-1: item ${item.key.slice(1)} is missing` });
  }
  const parts = form.sites ?? [];
  if (!parts.length) out.push({ field: 'sites', message: '表2-3：没有公告厂区的经营情况', messageEn: 'Table 2-3: no part for an announced site' });
  parts.forEach((part, i) => out.push(...onSite(part, i, table23Missing(part.table23))));
  return out;
}

/** A site part's issues, named by the site (附2 表2-3 is repeated per announced site). */
function onSite(part: SitePart, i: number, issues: ReportIssue[]): ReportIssue[] {
  const name = part.siteName || `厂区${i + 1}`;
  return issues.map((x) => ({ field: `sites.${i}.${x.field}`, message: `【${name}】${x.message}`, messageEn: `[${part.siteName || `site ${i + 1}`}] ${x.messageEn}` }));
}

/** 表2-3 totals and counts of every site part (refused even in a draft). */
export function formTableIssues(form: AnnualReportForm): ReportIssue[] {
  return (form.sites ?? []).flatMap((part, i) => onSite(part, i, [...countIssues(part.table23), ...totalsIssues(part.table23)]));
}

function table23Missing(t: Table23 | undefined): ReportIssue[] {
  const out: ReportIssue[] = [];
  for (const s of TABLE23_SECTIONS) {
    const section = t?.[s.key];
    if (section?.total === undefined || section.total === null) {
      out.push({ field: `table23.${s.key}.total`, message: `表2-3 ${s.zh}：${s.totalZh}未填写`, messageEn: `Table 2-3 ${s.en}: the total is missing` });
    }
    const rows = section?.rows ?? [];
    if (rows.length === 0 && section?.total) {
      out.push({ field: `table23.${s.key}.rows`, message: `表2-3 ${s.zh}：总件数不为0时须逐行填写`, messageEn: `Table 2-3 ${s.en}: list the rows that make up the total` });
    }
    rows.forEach((r, i) => {
      for (const c of s.columns) {
        if (blank((r as Record<string, unknown>)[c.key])) {
          out.push({ field: `table23.${s.key}.rows.${i + 1}.${c.key}`, message: `表2-3 ${s.zh}第${i + 1}行：${c.zh}未填写`, messageEn: `Table 2-3 ${s.en} row ${i + 1}: ${c.en} is missing` });
        }
      }
    });
  }
  return out;
}

/** Sum of the rows of one section (for live display). */
export function rowSum(t: Table23 | undefined, key: Table23Key): number {
  return (t?.[key]?.rows ?? []).reduce((a, r) => a + (isCount(r.count) ? r.count : 0), 0);
}
