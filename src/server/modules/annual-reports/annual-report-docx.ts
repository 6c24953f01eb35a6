import { AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx';
import { OPERATIONS_FIELDS, OUTLINE_SECTIONS, REPORT_FIELDS, TABLE21_ITEMS, TABLE23_SECTIONS, type AnnualReportForm } from '../../../domain/annual-report/index.js';
import { A4_PAGE, CN_SIZES, FONT_TABLE_OVERRIDE, OFFICIAL_FONTS, xmlSafe } from '../applications/index.js';

/**
 * 《机电产品再制造行业规范条件执行情况和企业发展年度报告》(附2) as a printable, signable Word document (issue 15
 * item 14): the cover with 单位公章, the 编报要求, the outline 一–三, 表2-1 and 表2-3 as printed in the seed, and the
 * confirmation of the legal representative with signature and seal lines — 附2 二 "经企业法定代表人审核确认后，
 * 打印装订并签章". Empty parts print as lines to write on.
 */
export interface AnnualReportDocxInput {
  year: number;
  enterpriseName: string;
  siteName: string;
  form: AnnualReportForm;
}

const S = CN_SIZES;
const TEXT_WIDTH = A4_PAGE.size.width - A4_PAGE.margin.left - A4_PAGE.margin.right;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
type Font = keyof typeof OFFICIAL_FONTS;

const run = (text: string, o: { size?: number; font?: Font; bold?: boolean; underline?: boolean } = {}) =>
  new TextRun({ text: xmlSafe(text), font: OFFICIAL_FONTS[o.font ?? 'body'], size: o.size ?? S.s3, ...(o.bold ? { bold: true } : {}), ...(o.underline ? { underline: {} } : {}) });
const para = (children: TextRun[] | string, o: { align?: 'left' | 'center' | 'both'; size?: number; font?: Font; indent?: boolean; before?: number; after?: number; pageBreakBefore?: boolean } = {}) =>
  new Paragraph({
    children: typeof children === 'string' ? [run(children, o)] : children,
    alignment: o.align === 'center' ? AlignmentType.CENTER : o.align === 'both' ? AlignmentType.JUSTIFIED : AlignmentType.LEFT,
    spacing: { before: o.before ?? 0, after: o.after ?? 0, line: 480, lineRule: LineRuleType.AUTO },
    ...(o.indent ? { indent: { firstLineChars: 200, firstLine: (o.size ?? S.s3) * 20 } } : {}),
    ...(o.pageBreakBefore ? { pageBreakBefore: true } : {}),
  });
const prose = (text: string | undefined, size: number = S.s3) => {
  const lines = (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.length ? lines.map((l) => para(l, { indent: true, align: 'both', size })) : [para([run('\u3000'.repeat(24), { underline: true, size })]), para([run('\u3000'.repeat(24), { underline: true, size })])];
};
const title = (text: string, o: { pageBreakBefore?: boolean } = {}) => para(text, { font: 'title', size: S.s2, align: 'center', before: 240, after: 360, ...o });
const heading = (text: string) => para(text, { font: 'hei', size: S.s3, before: 120 });
const cellOf = (text: string, o: { span?: number; bold?: boolean; align?: 'left' | 'center' } = {}) =>
  new TableCell({
    children: text.split('\n').map((l) => new Paragraph({ children: [run(l, { size: S.xiaosi, bold: o.bold })], alignment: o.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER })),
    ...(o.span ? { columnSpan: o.span } : {}),
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
  });
const grid = (widths: number[], rows: TableCell[][]) =>
  new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: rows.map((cells) => new TableRow({ children: cells, cantSplit: true })),
  });
const zhDate = (iso: string | undefined) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '　　　　年　　月　　日';
};
const v = (x: string | number | null | undefined) => (x == null || x === '' ? '' : String(x));

function cover(input: AnnualReportDocxInput): Paragraph[] {
  const c = input.form.cover ?? {};
  const line = (label: string, value: string | undefined, suffix = '') => para([run(`${label}：`), value ? run(value, { underline: true }) : run('\u3000'.repeat(12), { underline: true }), run(suffix)], { before: 120 });
  return [
    para('', { before: 1600 }),
    para('机电产品再制造行业规范条件', { font: 'title', size: S.xiaoyi, align: 'center' }),
    para('执行情况和企业发展年度报告', { font: 'title', size: S.xiaoyi, align: 'center', after: 240 }),
    para(`（${input.year}年度 · ${input.siteName}）`, { align: 'center', after: 1600 }),
    line('企业名称', c.enterpriseName ?? input.enterpriseName, '（单位公章）'),
    line('联系地址', c.address),
    para([run('联系人：'), run(c.contactName || '\u3000'.repeat(5), { underline: true }), run('　职　务：'), run(c.contactTitle || '\u3000'.repeat(5), { underline: true })], { before: 120 }),
    para([run('手　机：'), run(c.mobile || '\u3000'.repeat(5), { underline: true }), run('　传　真：'), run(c.fax || '\u3000'.repeat(5), { underline: true })], { before: 120 }),
    para([run('办公电话：'), run(c.officePhone || '\u3000'.repeat(5), { underline: true }), run('　电子信箱：'), run(c.email || '\u3000'.repeat(5), { underline: true })], { before: 120 }),
    para([run('编制日期：'), run(zhDate(c.compiledOn), { underline: true })], { before: 120 }),
  ];
}

function requirements(): Paragraph[] {
  return [
    title('编 报 要 求', { pageBreakBefore: true }),
    heading('一、内容说明'),
    para('本报告是为了解和掌握公告内企业《机电产品再制造行业规范条件》的执行情况和在再制造方面的年度发展变化情况，是对公告内企业实施年度监督检查的主要依据，也是制定和完善相关政策的支撑材料。', { indent: true, align: 'both' }),
    para('报告内容包括企业对照《机电产品再制造行业规范条件》相关要求的符合性情况及年度规划目标，企业生产经营情况，以及再制造能力、管理水平、安全生产、环境保护、社会责任履行、产品售后、职业教育等方面的发展变化情况，要求客观真实、准确完整。', { indent: true, align: 'both' }),
    heading('二、时间要求'),
    para('每年第一季度结束前，由公告名单内的企业完成年度报告，经企业法定代表人审核确认后，打印装订并签章，通过省级工业和信息化主管部门报送至工业和信息化部。', { indent: true, align: 'both' }),
    heading('三、其他'),
    para('填报单位对材料的真实性负责。工业和信息化部将对相关情况进行核查，必要时进行现场审查。', { indent: true, align: 'both' }),
  ];
}

function outline(form: AnnualReportForm): Paragraph[] {
  // 二、生产经营情况 carries the year's 再制造产值 (万元) beside its text
  const figures = (key: string) =>
    key === 's2_operations' ? OPERATIONS_FIELDS.map((f) => para([run(`${f.zh}：`), run(v(form.operations?.[f.key]) || '\u3000'.repeat(6), { underline: true })], { indent: true })) : [];
  return [title('机电产品再制造企业年度报告提纲', { pageBreakBefore: true }), ...OUTLINE_SECTIONS.flatMap((s) => [heading(s.zh), ...figures(s.key), ...prose(form.outline?.[s.key])])];
}

function table21(form: AnnualReportForm): (Paragraph | Table)[] {
  return [
    para('表 2-1', { font: 'hei', pageBreakBefore: true }),
    title('《机电产品再制造行业规范条件》执行情况说明'),
    grid([TEXT_WIDTH], TABLE21_ITEMS.map((i) => [new TableCell({ children: [para(i.zh, { size: S.xiaosi }), ...prose(form.table21?.[i.key], S.xiaosi)], margins: { left: 80, right: 80, top: 40, bottom: 40 } })])),
    para('注：纸面不敷、可另附页。', { size: S.xiaosi }),
  ];
}

/** 表2-3 once per announced site (附2; 七(一)3 sites announced one by one), each headed by its site, with its facts. */
function table23(form: AnnualReportForm): (Paragraph | Table)[] {
  const fieldLabel = (f: string | undefined) => REPORT_FIELDS.find((x) => x.value === f)?.zh ?? v(f);
  const w = [1000, 2600, 1700, 1900, TEXT_WIDTH - 7200];
  const out: (Paragraph | Table)[] = [];
  const parts = form.sites?.length ? form.sites : [{ siteId: '', siteName: '' }];
  for (const part of parts) {
    out.push(para('表 2-3', { font: 'hei', pageBreakBefore: true }), title('机电产品再制造经营情况报表'));
    if (part.siteName) out.push(para(`公告厂区（生产车间）：${part.siteName}`, { font: 'hei', size: S.xiaosi, align: 'center' }));
    for (const s of TABLE23_SECTIONS) {
      const sec = part.table23?.[s.key];
      const rows = (sec?.rows ?? []) as Record<string, string | number | null | undefined>[];
      const body = (rows.length ? rows : [{}, {}, {}, {}]).map((row, i) => [cellOf(rows.length ? String(i + 1) : ''), ...s.columns.map((c) => cellOf(c.key === 'field' ? fieldLabel(row[c.key] as string | undefined) : v(row[c.key])))]);
      out.push(para(s.zh, { font: 'hei', size: S.xiaosi, before: 120 }));
      out.push(grid(w, [[cellOf(s.totalZh.replace('总件数', '\n总件数'), { bold: true }), cellOf(v(sec?.total), { span: 4 })], [cellOf('序号', { bold: true }), ...s.columns.map((c) => cellOf(c.zh, { bold: true }))], ...body]));
    }
    out.push(para('注：再制造情况表中，涉及领域包括：工程机械、机床工具、重型机械、石化通用机械、内燃机、电工电器、农业机械、机械基础件、文化办公设备等。可根据实际情况调整表格内容。', { size: S.xiaosi, before: 120 }));
    if (part.facts) out.push(para('本厂区（车间）情况说明', { font: 'hei', size: S.xiaosi, before: 120 }), ...prose(part.facts, S.xiaosi));
  }
  return out;
}

/** 附2 二: 经企业法定代表人审核确认后，打印装订并签章. */
function confirmation(): Paragraph[] {
  return [
    title('企业法定代表人审核确认', { pageBreakBefore: true }),
    para('本企业对本年度报告所填报内容及所附材料的真实性负责。', { indent: true }),
    para([run('法定代表人（签字）：'), run('\u3000'.repeat(10), { underline: true })], { before: 960 }),
    para([run('企业（盖章）：'), run('\u3000'.repeat(12), { underline: true })], { before: 480 }),
    para([run('日期：'), run('　　　　年　　月　　日')], { before: 480 }),
  ];
}

export async function renderAnnualReportDocx(input: AnnualReportDocxInput): Promise<Buffer> {
  const doc = new Document({
    creator: '再制造公共信息服务平台',
    title: `机电产品再制造行业规范条件执行情况和企业发展年度报告（${input.year}年度，${input.enterpriseName}）`,
    styles: { default: { document: { run: { font: OFFICIAL_FONTS.body, size: S.s3, language: { value: 'en-US', eastAsia: 'zh-CN' } } } } },
    sections: [
      { properties: { page: A4_PAGE }, children: cover(input) },
      {
        properties: { page: { ...A4_PAGE, pageNumbers: { start: 1 } } },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: OFFICIAL_FONTS.song, size: S.s4 })] })] }) },
        children: [...requirements(), ...outline(input.form), ...table21(input.form), ...table23(input.form), ...confirmation()],
      },
    ],
  });
  return Packer.toBuffer(doc, false, [FONT_TABLE_OVERRIDE]);
}
