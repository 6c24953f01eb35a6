/**
 * 《机电产品再制造行业规范公告申请书》(规范条件 附1) as a Word document, laid out like the official template so
 * that it can be printed, signed and stamped: cover, 填写须知, 企业声明, 申请书大纲 一–六 with the enterprise's
 * text, 表1-1, 表1-2 (all 46 rows) and 表1-3.
 *
 * Typography follows Chinese official documents: A4, body in 仿宋_GB2312, headings in 黑体, titles in
 * 方正小标宋简体, Latin text and digits in Times New Roman. Word has no font fallback list in a run, so the
 * fallback lives in the font table (word/fontTable.xml): each font is described by charset (GB2312), family,
 * panose and `w:altName`, the ECMA-376 comma-separated list of alternative names used when the font is not
 * installed (仿宋_GB2312 → 仿宋/FangSong/STFangsong → 宋体). The document opens and prints without any of them.
 *
 * Figures are printed as the form holds them: 万元 values without unit conversion, percentages (表1-1 资产负债率,
 * 表1-2 rows 12, 13, 25, 26, 27, 46) with two decimals; rows 8–11 共计 and all ratios are computed (derived.ts),
 * never typed. Empty values are printed as blanks to fill in by hand.
 *
 * Wording is the template's (规范条件 附1). Where the source text mixes half-width punctuation into Chinese
 * sentences (“,” “(含表格)”) the full-width forms of the printed template are used.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { EQUIPMENT_CATEGORIES, OUTLINE_SECTIONS, type ApplicationForm, type OutlineKey } from '../../../domain/announcement/form.js';
import { yearTotals, type DerivedRatios } from '../../../domain/announcement/derived.js';
import { ENTERPRISE_TYPES, LISTING_STATUSES, REMAN_FIELDS, labelOf, type EnterpriseType, type ListingStatus, type RemanField } from '../../../domain/enterprise.js';
import { roundHalfAwayFromZero } from '../../../domain/numbers.js';
import { shanghaiDate as shanghaiCalendarDate } from '../../../domain/calendar-date.js';
import type { EnterpriseListRow, SiteRow } from '../enterprises/index.js';
import type { ApplicationRow } from './applications.repo.js';

export interface ApplicationDocxInput {
  app: ApplicationRow;
  form: ApplicationForm;
  derived: DerivedRatios;
  enterprise: EnterpriseListRow;
  site: SiteRow;
}

/**
 * 表1-3 alone (issue 16 item 13): the provincial authority prints it, signs and stamps it for the paper copy; the same
 * table as in the full 申请书, on its own A4 page.
 */
export async function renderTable13Docx(input: ApplicationDocxInput): Promise<Buffer> {
  const doc = new Document({
    creator: '再制造公共信息服务平台',
    title: `省级工业和信息化主管部门审核意见表（${input.enterprise.name}）`,
    subject: '机电产品再制造行业规范公告申请书 表1-3',
    styles: {
      default: {
        document: {
          run: { font: FONT.body, size: SIZE.s4, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: 360, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: [{ properties: { page: { ...PAGE } }, children: table13Part(input) }],
  });
  return Packer.toBuffer(doc, false, [FONT_TABLE_OVERRIDE]);
}

export async function renderApplicationDocx(input: ApplicationDocxInput): Promise<Buffer> {
  const { app, form, enterprise } = input;
  const doc = new Document({
    creator: '再制造公共信息服务平台',
    title: `机电产品再制造行业规范公告申请书（${enterprise.name}）`,
    subject: '机电产品再制造行业规范公告申请书',
    styles: {
      default: {
        document: {
          run: { font: FONT.body, size: SIZE.s4, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: 360, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: [
      coverSection(enterprise.name, app.submittedAt),
      {
        properties: { page: { ...PAGE, pageNumbers: { start: 1 } } },
        footers: { default: pageFooter() },
        children: [
          ...fillingNotes(),
          ...declarationPage(form),
          ...outlinePart(form),
          ...table11Part(input),
          ...table12Part(input),
          ...table13Part(input),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc, false, [FONT_TABLE_OVERRIDE]);
}

// ---------------------------------------------------------------------------------------------------------
// Template wording (规范条件 附1)

export const FILLING_NOTES = [
  '1.填写内容真实准确。',
  '2.申请书需同时提交纸质版和电子版，纸质版需手写部分应用黑色钢笔或中性笔填写，字迹清楚，无涂改痕迹。',
  '3.填报项目（含表格）页面不足时，可另附页面。',
  '4.请在申请书所选项目对应的“□”内打“√”。',
] as const;

export const DECLARATION_ITEMS = [
  '1.本企业自愿申请并遵守《机电产品再制造行业规范条件》及相关文件的规定。',
  '2.本企业自愿提供真实、有效的材料，如有虚假，愿意承担相应法律责任。',
] as const;

const CHAPTERS: Record<string, string> = {
  一: '一、企业基本情况',
  二: '二、再制造能力',
  三: '三、管理体系和安全生产',
  四: '四、环境保护和社会责任',
  五: '五、售后服务和职业教育',
  六: '六、其他需要说明的情况',
};

/** 申请书大纲: each sub-item as printed, split into its heading (bold) and the guidance that follows. */
const OUTLINE_TEXT: Record<OutlineKey, readonly [string, string]> = {
  s1_basic: ['1.企业基本信息。', '包括但不限于企业名称、所有制形式、注册时间、注册地址、法定代表人、员工人数、技术人员数量等基本信息。'],
  s1_operations: ['2.生产经营情况。', '包括但不限于近三年主营业务开展情况，再制造产值、产量、销售情况等。'],
  s1_site: ['3.厂区选址和建设情况。', '包括但不限于选址位置的说明、符合有关产业政策和规划的情况、土地所有权（使用权）情况、厂区面积、规范化设计情况、关于厂区布局的说明等。'],
  s1_finance: ['4.资信和财务状况。', '包括但不限于资产负债情况，近三年开展财务审计的情况、无较大事故的说明等。'],
  s2_overview: ['1.再制造基本情况。', '包括但不限于近三年再制造的主要产品、采用的工艺流程等。'],
  s2_equipment: ['2.再制造设备。', '包括但不限于主要设备的名称、型号、台数、主要用途等。'],
  s2_quality: ['3.质量控制情况。', '包括但不限于企业质量控制体系建设情况，生产环节关键控制点的设置，质量检验检测采用的标准等。'],
  s2_innovation: ['4.工艺技术创新。', '包括但不限于研发团队建设情况、研发投入、产学研合作、参与标准制定、拥有的专利等。'],
  s3_system: ['1.生产管理体系建设情况，', '包括但不限于质量管理体系、职业健康安全管理体系和环境管理体系建设及执行的情况。'],
  s3_cores: ['2.旧件管理情况。', '包括但不限于旧件管理制度建设及执行情况、关于旧件来源的说明、有关台账，与原型新品生产企业和专业化回收拆解企业的合作情况等。'],
  s3_ledger: ['3.生产管理台账。', '说明生产管理台账制度的建立和执行情况等。'],
  s3_marking: ['4.再制造产品标识情况。', '说明再制造产品标识的使用情况等。'],
  s3_safety: ['5.安全生产情况。', '包括但不限于安全生产规章制度建立及执行情况、设施设备配置情况等。'],
  s4_pollution: ['1.污染物产生及排放情况。', '说明企业生产过程中废水、大气污染物、固体废物、噪声与振动的产生、处理等情况。'],
  s4_envmgmt: ['2.环境管理制度。', '包括但不限于企业环境管理的有关规定、应对突发环境事件或污染事件的设施或预案等。'],
  s4_labour: ['3.用工制度情况。', '说明企业用工制度、劳动合同签订、社会保险缴纳等情况。'],
  s5_aftersales: ['1.售后服务情况，', '包括但不限于售后服务体系建设及执行情况、售后服务制度、售后服务有关记录等。'],
  s5_training: ['2.培训和考核制度。', '说明再制造相关业务人员的培训和考核情况。'],
  s5_certified: ['3.关于特殊岗位持证上岗的情况说明。', ''],
  s6_other: ['', '（如有）'],
};

const NOTE_PAPER = '注：纸面不敷、可另附页。';
const COPY = '请提供复印件';
const RULES = '请提供制度文件+执行情况';

// ---------------------------------------------------------------------------------------------------------
// Typography

type FontAttrs = { ascii: string; hAnsi: string; cs: string; eastAsia: string; hint?: string };
const latin = 'Times New Roman';
const SYMBOL_FONT = 'Segoe UI Symbol';
const FONT = {
  /** 仿宋_GB2312: body text and tables. */
  body: { ascii: latin, hAnsi: latin, cs: latin, eastAsia: '仿宋_GB2312', hint: 'eastAsia' },
  /** 黑体: headings, 表号. */
  hei: { ascii: latin, hAnsi: latin, cs: latin, eastAsia: '黑体', hint: 'eastAsia' },
  /** 宋体: page numbers. */
  song: { ascii: latin, hAnsi: latin, cs: latin, eastAsia: '宋体', hint: 'eastAsia' },
  /** 方正小标宋简体: document and table titles. */
  title: { ascii: latin, hAnsi: latin, cs: latin, eastAsia: '方正小标宋简体', hint: 'eastAsia' },
  /** ☑ ☐: CJK text fonts rarely carry the ballot boxes. */
  symbol: { ascii: SYMBOL_FONT, hAnsi: SYMBOL_FONT, cs: SYMBOL_FONT, eastAsia: SYMBOL_FONT },
} satisfies Record<string, FontAttrs>;
type FontKey = keyof typeof FONT;

/** Chinese type sizes in half-points: 小一 24pt, 二号 22pt, 小二 18pt, 三号 16pt, 四号 14pt, 小四 12pt, 五号 10.5pt, 小五 9pt. */
const SIZE = { xiaoyi: 48, s2: 44, xiaoer: 36, s3: 32, s4: 28, xiaosi: 24, s5: 21, xiaowu: 18 } as const;

/** A4 with the margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), in twips. */
const PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 2098, bottom: 1984, left: 1587, right: 1474, header: 851, footer: 992 },
};
const TEXT_WIDTH = PAGE.size.width - PAGE.margin.left - PAGE.margin.right; // 8845

/** One entry per font used, with its fallbacks (`w:altName`) for machines that lack it. */
const FONT_TABLE_XML = (() => {
  const font = (name: string, alt: string, panose: string, charset: string, family: string, pitch: string) =>
    `<w:font w:name="${name}">${alt ? `<w:altName w:val="${alt}"/>` : ''}<w:panose1 w:val="${panose}"/><w:charset w:val="${charset}"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    font(latin, '', '02020603050405020304', '00', 'roman', 'variable') +
    font('仿宋_GB2312', '仿宋,FangSong,STFangsong,华文仿宋,宋体,SimSun', '02010609030101010101', '86', 'modern', 'fixed') +
    font('仿宋', 'FangSong,STFangsong,华文仿宋,宋体,SimSun', '02010609060101010101', '86', 'modern', 'fixed') +
    font('黑体', 'SimHei,STHeiti,华文黑体,Heiti SC,Microsoft YaHei', '02010609060101010101', '86', 'modern', 'fixed') +
    font('宋体', 'SimSun,STSong,华文宋体,Songti SC', '02010600030101010101', '86', 'auto', 'variable') +
    font('方正小标宋简体', '方正小标宋_GBK,华文中宋,STZhongsong,宋体,SimSun', '02000000000000000000', '86', 'auto', 'variable') +
    font(SYMBOL_FONT, 'Segoe UI Emoji,MS Gothic,Apple Symbols,DejaVu Sans', '020B0502040204020203', '00', 'swiss', 'variable') +
    '</w:fonts>'
  );
})();

/** Pass to `Packer.toBuffer(doc, false, [FONT_TABLE_OVERRIDE])` to write the font table with its fallbacks. */
export const FONT_TABLE_OVERRIDE = { path: 'word/fontTable.xml', data: FONT_TABLE_XML } as const;
/** Shared with the other official-style documents (公告). */
export { FONT as OFFICIAL_FONTS, SIZE as CN_SIZES, PAGE as A4_PAGE };

interface RunOpts {
  size?: number;
  bold?: boolean;
  font?: FontKey;
  underline?: boolean;
  spacing?: number;
}
/** Characters XML 1.0 cannot carry (a document with one does not open in Word). */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
export const xmlSafe = (text: string) => text.replace(XML_INVALID, '');

function r(text: string, o: RunOpts = {}): TextRun {
  return new TextRun({
    text: xmlSafe(text),
    font: FONT[o.font ?? 'body'],
    ...(o.size ? { size: o.size } : {}),
    ...(o.bold ? { bold: true } : {}),
    ...(o.underline ? { underline: {} } : {}),
    ...(o.spacing ? { characterSpacing: o.spacing } : {}),
  });
}

/** ☑ / ☐ followed by nothing: callers put the label before or after as the template does. */
function box(checked: boolean, size?: number): TextRun {
  return r(checked ? '☑' : '☐', { font: 'symbol', size });
}

/** An underlined blank of n full-width spaces, to write on by hand. */
function blank(n: number, size?: number): TextRun {
  return r('\u3000'.repeat(n), { underline: true, size });
}

type Inline = string | TextRun;
interface ParaOpts extends RunOpts {
  align?: 'left' | 'center' | 'right' | 'both';
  indentChars?: number;
  indentLeft?: number;
  before?: number;
  after?: number;
  /** Line spacing: exact twips, or auto (240 = single). */
  line?: number;
  exact?: boolean;
  pageBreakBefore?: boolean;
  keepNext?: boolean;
}
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.JUSTIFIED } as const;

function p(content: Inline | Inline[], o: ParaOpts = {}): Paragraph {
  const parts = Array.isArray(content) ? content : [content];
  const size = o.size;
  return new Paragraph({
    children: parts.map((x) => (typeof x === 'string' ? r(x, { ...o, size }) : x)),
    alignment: ALIGN[o.align ?? 'left'],
    ...(o.indentChars || o.indentLeft
      ? {
          indent: {
            // firstLineChars for Word, firstLine (twips: a half-point is 10 twips) for readers that ignore it
            ...(o.indentChars ? { firstLineChars: o.indentChars * 100, firstLine: o.indentChars * (size ?? SIZE.s4) * 10 } : {}),
            ...(o.indentLeft ? { left: o.indentLeft } : {}),
          },
        }
      : {}),
    spacing: {
      before: o.before ?? 0,
      after: o.after ?? 0,
      ...(o.line ? { line: o.line, lineRule: o.exact ? LineRuleType.EXACT : LineRuleType.AUTO } : {}),
    },
    ...(o.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(o.keepNext ? { keepNext: true } : {}),
  });
}

/** Free text: one paragraph per line, indented two characters. */
function prose(text: string | null | undefined, o: ParaOpts = {}): Paragraph[] {
  const lines = (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  return lines.map((l) => p(l, { indentChars: 2, align: 'both', ...o }));
}

/** Ruled lines for a section left empty, to write on by hand. */
function ruledLines(n: number, size: number): Paragraph[] {
  const rule = { style: BorderStyle.SINGLE, size: 4, color: '808080', space: 1 };
  return Array.from({ length: n }, () => new Paragraph({ children: [r('', { size })], border: { bottom: rule, between: rule }, spacing: { before: 0, after: 0, line: 520, lineRule: LineRuleType.EXACT } }));
}

function docTitle(text: string, o: ParaOpts = {}): Paragraph {
  return p(text, { font: 'title', size: SIZE.s2, align: 'center', before: 240, after: 360, line: 240, ...o });
}

/** Title of 表1-1/1-2/1-3 (小二, so that 表1-1 fits on one page). */
function tableTitle(text: string): Paragraph {
  return docTitle(text, { size: SIZE.xiaoer, before: 60, after: 180, keepNext: true });
}

function tableNo(text: string): Paragraph {
  return p(text, { font: 'hei', size: SIZE.s3, pageBreakBefore: true, keepNext: true });
}

function pageFooter(): Footer {
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONT.song, size: SIZE.s4 })] })],
  });
}

// ---------------------------------------------------------------------------------------------------------
// Formatting

/** '2026-11-20' → '2026年11月20日'; '' when absent or malformed. */
export function zhDate(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : '';
}

/** The calendar date of an instant in Asia/Shanghai, as YYYY-MM-DD (null for no date). */
export function shanghaiDate(at: Date | null | undefined): string | null {
  return at && !Number.isNaN(at.getTime()) ? shanghaiCalendarDate(at) : null;
}

/** A date as printed, or 年 月 日 with blanks to fill in. */
function dateRuns(iso: string | null | undefined, size?: number): TextRun[] {
  const text = zhDate(iso);
  if (text) return [r(text, { size })];
  return [blank(3, size), r('年', { size }), blank(2, size), r('月', { size }), blank(2, size), r('日', { size })];
}

/** A number as given (万元, 平方米, 件 …) without floating-point noise; '' when absent. */
function num(v: number | null | undefined): string {
  if (v == null || !Number.isFinite(v)) return '';
  return String(roundHalfAwayFromZero(v, 4));
}

/** A percentage with two decimals; '' when absent. */
function pct(v: number | null | undefined): string {
  return v == null || !Number.isFinite(v) ? '' : `${v.toFixed(2)}%`;
}

const str = (v: string | null | undefined) => (v ?? '').trim();

/** 再制造产品类型 as text: the enterprise's own wording (表1-1) when given, else the ticked fields with 其他（…）. */
function fieldsText(fields: readonly string[] | undefined, other?: string | null, productTypes?: string | null): string {
  if (str(productTypes)) return str(productTypes);
  return (fields ?? []).map((f) => (f === 'other' ? `其他${str(other) ? `（${str(other)}）` : ''}` : labelOf(REMAN_FIELDS, f as RemanField))).join('、');
}

// ---------------------------------------------------------------------------------------------------------
// Tables

type Content = string | Inline[] | Paragraph[];
interface CellOpts {
  span?: number;
  rowSpan?: number;
  align?: 'left' | 'center' | 'right' | 'both';
  valign?: 'top' | 'center' | 'bottom';
  size?: number;
  bold?: boolean;
  font?: FontKey;
  borders?: { top?: boolean; bottom?: boolean; left?: boolean; right?: boolean };
  /** Line spacing of the cell's text (auto, 240 = single); default 276. */
  line?: number;
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const NO_LINE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function cell(content: Content, o: CellOpts = {}): TableCell {
  const size = o.size ?? SIZE.xiaosi;
  const po: ParaOpts = { size, align: o.align ?? 'center', bold: o.bold, font: o.font, line: o.line ?? 276 };
  let children: Paragraph[];
  if (typeof content === 'string') {
    const lines = content.split('\n');
    children = lines.map((l) => p(l, po));
  } else if (content.length > 0 && content[0] instanceof Paragraph) {
    children = content as Paragraph[];
  } else {
    children = [p(content as Inline[], po)];
  }
  if (children.length === 0) children = [p('', po)];
  const b = o.borders;
  return new TableCell({
    children,
    ...(o.span && o.span > 1 ? { columnSpan: o.span } : {}),
    ...(o.rowSpan && o.rowSpan > 1 ? { rowSpan: o.rowSpan } : {}),
    verticalAlign: o.valign === 'top' ? VerticalAlignTable.TOP : o.valign === 'bottom' ? VerticalAlignTable.BOTTOM : VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    ...(b
      ? {
          borders: {
            top: b.top === false ? NO_LINE : LINE,
            bottom: b.bottom === false ? NO_LINE : LINE,
            left: b.left === false ? NO_LINE : LINE,
            right: b.right === false ? NO_LINE : LINE,
          },
        }
      : {}),
  });
}

interface RowSpec {
  cells: TableCell[];
  height?: number;
  header?: boolean;
  cantSplit?: boolean;
  /** Keep on the page of the next row (rows of one merged block). */
  keepNext?: boolean;
}

function table(widths: number[], rows: RowSpec[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: rows.map(
      (row) =>
        new TableRow({
          children: row.cells,
          cantSplit: row.cantSplit ?? true,
          ...(row.header ? { tableHeader: true } : {}),
          ...(row.keepNext ? { keepNext: true } : {}),
          ...(row.height ? { height: { value: row.height, rule: HeightRule.ATLEAST } } : {}),
        }),
    ),
  });
}

/** 企业名称：…（单位公章）　填表人：…　联系电话：… above 表1-1 and 表1-2 (two lines, as names can be long). */
function fillerLines(name: string, filler: string, phone: string): Paragraph[] {
  const s = SIZE.xiaosi;
  const v = (x: string, n: number) => (x ? r(x, { size: s, underline: true }) : blank(n, s));
  return [
    p([r('企业名称：', { size: s }), v(name, 8), r('（单位公章）', { size: s })], { size: s, keepNext: true }),
    p([r('填表人：', { size: s }), v(filler, 4), r('　　联系电话：', { size: s }), v(phone, 6)], { size: s, after: 120, keepNext: true }),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Cover, 填写须知, 企业声明

function coverSection(enterpriseName: string, submittedAt: Date | null): ISectionOptions {
  const s = SIZE.s3;
  const submitted = shanghaiDate(submittedAt);
  return {
    properties: { page: PAGE },
    children: [
      p('', { before: 2400 }),
      p('机电产品再制造行业规范公告申请书', { font: 'title', size: SIZE.xiaoyi, align: 'center', line: 240 }),
      p('', { before: 2800 }),
      p([r('申请企业：', { size: s }), enterpriseName ? r(enterpriseName, { size: s, underline: true }) : blank(10, s), r('（单位公章）', { size: s })], {
        indentLeft: 900,
        line: 560,
        exact: true,
      }),
      p([r('申请日期：', { size: s }), ...(submitted ? [r(zhDate(submitted), { size: s, underline: true })] : dateRuns(null, s))], {
        indentLeft: 900,
        before: 240,
        line: 560,
        exact: true,
      }),
      p('工业和信息化部制', { size: s, align: 'center', before: 3000 }),
    ],
  };
}

function fillingNotes(): Paragraph[] {
  return [
    docTitle('填写须知', { font: 'hei', before: 0, after: 480 }),
    ...FILLING_NOTES.map((t) => p(t, { size: SIZE.s3, indentChars: 2, align: 'both', line: 560, exact: true })),
  ];
}

function declarationPage(form: ApplicationForm): Paragraph[] {
  const d = form.declaration ?? {};
  const s = SIZE.s3;
  const rep = str(d.legalRepresentative);
  return [
    docTitle('企业声明', { pageBreakBefore: true, spacing: 200, after: 480 }),
    ...DECLARATION_ITEMS.map((t) => p(t, { size: s, indentChars: 2, align: 'both', line: 560, exact: true })),
    p([r('申请企业法定代表人（签字）：', { size: s }), rep ? r(rep, { size: s }) : blank(6, s)], { indentLeft: 2600, before: 1600, line: 560, exact: true }),
    p(dateRuns(d.date, s), { align: 'right', before: 480, line: 560, exact: true, indentLeft: 2600 }),
    p('（申请企业盖章）', { size: s, align: 'right', before: 240, line: 560, exact: true }),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// 申请书大纲

function outlinePart(form: ApplicationForm): Paragraph[] {
  const outline = form.outline ?? {};
  const s = SIZE.s4;
  const out: Paragraph[] = [docTitle('机电产品再制造行业企业规范公告申请书大纲', { pageBreakBefore: true })];
  let chapter = '';
  for (const sec of OUTLINE_SECTIONS) {
    if (sec.chapter !== chapter) {
      chapter = sec.chapter;
      out.push(p(CHAPTERS[chapter]!, { font: 'hei', size: SIZE.s3, indentChars: 2, before: 240, after: 120, keepNext: true }));
    }
    const [head, guide] = OUTLINE_TEXT[sec.key];
    out.push(p([...(head ? [r(head, { size: s, bold: true })] : []), ...(guide ? [r(guide, { size: s })] : [])], { indentChars: 2, align: 'both', keepNext: true, before: 160, after: 60 }));
    const text = prose(outline[sec.key], { size: s });
    out.push(...(text.length > 0 ? text : ruledLines(3, s)));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// 表1-1 机电产品再制造企业基本情况表

function table11Part({ form, enterprise, site }: ApplicationDocxInput): (Paragraph | Table)[] {
  const t = form.table11 ?? {};
  const s = SIZE.xiaosi;
  const fields = new Set(form.fields ?? []);
  const type = (t.enterpriseType ?? enterprise.enterpriseType) as EnterpriseType | null;
  const listing = (t.listingStatus ?? enterprise.listingStatus) as ListingStatus | null;
  const typeBox = (v: EnterpriseType) => [r(labelOf(ENTERPRISE_TYPES, v).replace(/^内资-/, ''), { size: s }), box(type === v, s)];
  const listBox = (v: ListingStatus) => [r(labelOf(LISTING_STATUSES, v), { size: s }), box(listing === v, s)];
  const gap = () => r('\u3000', { size: s });

  // 再制造产品类型: the nine fields on two lines, hanging under the label.
  const label0 = '再制造产品类型：';
  const fieldRuns: TextRun[] = [r(label0, { size: s })];
  REMAN_FIELDS.forEach((f, i) => {
    if (i === 5) fieldRuns.push(new TextRun({ break: 1 }));
    else if (i > 0) fieldRuns.push(r('  ', { size: s }));
    fieldRuns.push(box(fields.has(f.value), s), r(f.zh, { size: s }));
  });
  // 规范条件 一(一) "…等": 其他, with the description; the enterprise's own wording of the line after it
  fieldRuns.push(r('  ', { size: s }), box(fields.has('other'), s), r(`其他${fields.has('other') && str(form.fieldsOther) ? `：${str(form.fieldsOther)}` : ''}`, { size: s }));
  if (str(t.productTypes)) fieldRuns.push(new TextRun({ break: 1 }), r(str(t.productTypes), { size: s }));
  const fieldsPara = new Paragraph({
    children: fieldRuns,
    indent: { left: label0.length * s * 10, hanging: label0.length * s * 10 },
    spacing: { before: 0, after: 60, line: 300, lineRule: LineRuleType.AUTO },
    keepNext: true,
  });

  const address = [str(enterprise.address), site.address ? `厂区：${[site.name, site.address].filter(Boolean).join('，')}` : ''].filter(Boolean).join('\n');
  const label = (x: string) => cell(x, { size: s, line: 240 });
  const value = (x: string, span = 1) => cell(x, { size: s, span, align: 'left', line: 240 });
  const H = 440;
  const pair = (l1: string, v1: string, l2: string, v2: string): RowSpec => ({ cells: [label(l1), value(v1), label(l2), value(v2)], height: H });

  const rows: RowSpec[] = [
    { cells: [label('企业名称'), value(enterprise.name, 3)], height: H },
    { cells: [label('详细地址'), value(address, 3)], height: H },
    pair('企业网址', str(t.website ?? enterprise.website), '邮编', str(t.postalCode ?? enterprise.postalCode)),
    pair('法定代表人', str(enterprise.legalRepresentative), '手机', str(t.legalRepresentativeMobile)),
    pair('联系人', str(t.contactName ?? enterprise.contactName), '手机', str(t.contactMobile ?? enterprise.contactPhone)),
    pair('传真', str(t.fax), '企业邮箱', str(t.email ?? enterprise.contactEmail)),
    pair('员工人数', num(t.employees), '技术人员数', num(t.technicalStaff)),
    {
      cells: [
        label('企业类型'),
        cell(
          [
            p([r('内资（', { size: s }), ...typeBox('state_owned'), gap(), ...typeBox('collective'), gap(), ...typeBox('private'), r('）', { size: s }), gap(), gap(), ...typeBox('sino_foreign_jv')], { size: s, line: 276 }),
            p([...typeBox('hk_macao_taiwan'), gap(), gap(), ...typeBox('wholly_foreign')], { size: s, line: 276 }),
          ],
          { span: 3 },
        ),
      ],
      height: H,
    },
    {
      cells: [label('上市情况'), cell([...listBox('domestic'), gap(), gap(), ...listBox('overseas'), gap(), gap(), ...listBox('none')], { span: 3, size: s, align: 'left' })],
      height: H,
    },
    pair('注册时间', zhDate(t.registeredDate), '注册资产\n（万元）', num(t.registeredCapital)),
    pair('总资产\n（万元）', num(t.totalAssets), '资产负债率', pct(t.debtRatio)),
    pair('固定资产\n（万元）', num(t.fixedAssets), '生产设备台\n（套）数', num(t.productionEquipmentCount)),
    {
      cells: [
        cell(
          [
            p('企业自述（主要内容：简述企业基本情况、再制造开展情况等）（1000字以内）：', { size: s, line: 276 }),
            ...prose(t.selfDescription, { size: s, line: 276 }),
          ],
          { span: 4, valign: 'top' },
        ),
      ],
      height: 1900,
      cantSplit: false,
    },
  ];

  return [
    tableNo('表1-1'),
    tableTitle('机电产品再制造企业基本情况表'),
    fieldsPara,
    ...fillerLines(enterprise.name, str(t.filler), str(t.fillerPhone)),
    table([1800, 2700, 1800, TEXT_WIDTH - 6300], rows),
    p(NOTE_PAPER, { size: s, before: 60 }),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// 表1-2 机电产品再制造企业规范情况表

/** Grid of 表1-2: 序号 | 名称 (group) | 名称 (item) | 内容 (型号规格) | 内容 (台数) | 备注. */
const T12_WIDTHS = [620, 1050, 2650, 2000, 850, TEXT_WIDTH - 7170];
const T12 = SIZE.s5;

function c12(content: Content, o: CellOpts = {}): TableCell {
  return cell(content, { size: T12, ...o });
}
function small(text: string): TextRun {
  return r(text, { size: SIZE.xiaowu });
}
function lines(...ls: (Inline | Inline[])[]): Paragraph[] {
  return ls.map((l) => p(l, { size: T12, line: 276 }));
}

interface Row12 {
  no: number;
  item: Content;
  content?: Content;
  /** The 备注 text; `null` when it is merged into the 备注 of a row above. */
  note?: string | Paragraph[] | null;
  noteRows?: number;
  /** The item spans 名称 and 内容 (row 5). */
  itemSpansContent?: boolean;
}

function row12(x: Row12): RowSpec {
  const cells = [c12(String(x.no))];
  if (x.itemSpansContent) cells.push(c12(x.item, { span: 3, align: 'left' }));
  else cells.push(c12(x.item, { align: 'left' }), c12(x.content ?? '', { span: 2, align: 'left' }));
  if (x.note !== null) cells.push(c12(x.note ?? '', { rowSpan: x.noteRows }));
  return { cells };
}

/** Puts the group name (名称, merged down) in front of the first row's item. */
function group(name: string, rows: RowSpec[]): RowSpec[] {
  rows[0]!.cells.splice(1, 0, c12(name, { rowSpan: rows.length }));
  return rows;
}

function yearLines(years: { year: number; v: number | null | undefined }[], total: number | null, unit: string): Paragraph[] {
  const sorted = [...years].sort((a, b) => a.year - b.year).slice(-3);
  const out: Paragraph[] = sorted.map((y) => p([`${y.year}年　`, num(y.v) ? r(num(y.v), { size: T12 }) : blank(3, T12), unit], { size: T12, line: 276 }));
  while (out.length < 3) out.push(p([blank(3, T12), '年　', blank(3, T12), unit], { size: T12, line: 276 }));
  out.push(p(['共计：', total != null ? r(num(total), { size: T12 }) : blank(4, T12), unit], { size: T12, line: 276 }));
  return out;
}

function certLines(c: { number?: string | null; issuer?: string | null; validUntil?: string | null } | undefined): Paragraph[] {
  const x = c ?? {};
  const out = lines(['证书编号：', str(x.number) ? str(x.number) : blank(6, T12)]);
  if (str(x.issuer)) out.push(...lines(`发证机构：${str(x.issuer)}`));
  out.push(...lines(['有效期至：', ...dateRuns(x.validUntil, T12)]));
  return out;
}

function yesNo(v: 'yes' | 'no' | null | undefined): Inline[] {
  return [box(v === 'yes', T12), '是　　', box(v === 'no', T12), '否'];
}

/** A computed percentage, or a blank with (%) as the template prints it. */
function percentRuns(v: number | null): Inline[] {
  return v != null ? [pct(v)] : [blank(3, T12), '（%）'];
}

function equipmentBlock(row: number, item: string, list: { model: string; count: number; purpose?: string | null }[]): RowSpec[] {
  const n = Math.max(list.length, 1);
  const first: RowSpec = {
    cells: [c12(String(row), { rowSpan: n + 1 }), c12(item, { rowSpan: n + 1, align: 'left' }), c12('型号规格'), c12('台数'), c12('', { rowSpan: n + 1 })],
  };
  const rest: RowSpec[] =
    list.length > 0
      ? list.map((e) => ({
          cells: [
            c12([p([e.model, ...(str(e.purpose) ? [small(`（${str(e.purpose)}）`)] : [])], { size: T12, line: 276 })], { align: 'left' }),
            c12(String(e.count)),
          ],
        }))
      : [{ cells: [c12(''), c12('')], height: 360 }];
  const block = [first, ...rest];
  block.slice(0, -1).forEach((x) => (x.keepNext = true));
  return block;
}

function table12Rows({ form, derived }: ApplicationDocxInput): RowSpec[] {
  const t = form.table12 ?? {};
  const employees = form.table11?.employees;
  const years = t.years ?? [];
  const totals = yearTotals(years);
  const rd = t.rdInstitutions ?? {};
  const eq = t.equipment ?? {};
  const ofYear = (k: 'revenue' | 'remanOutput' | 'remanSales' | 'remanUnits') => years.map((y) => ({ year: y.year, v: y[k] }));
  const ratioNote = (what: string, n: number | null | undefined, unitN: string, whatD: string, d: number | null | undefined, unitD: string) =>
    n != null && d != null ? [small(`（${what}${num(n)}${unitN}，${whatD}${num(d)}${unitD}）`)] : [];

  const header: RowSpec = { cells: [c12('序号', { bold: true }), c12('名称', { span: 2, bold: true }), c12('内容', { span: 2, bold: true }), c12('备注', { bold: true })], header: true };

  const approvals = group('批复情况', [
    row12({ no: 1, item: '工业投资主管部门核准（或备案）文件及文号', content: str(t.investmentApprovalNo), note: COPY, noteRows: 4 }),
    row12({ no: 2, item: '土地规划主管部门批准文件及文号', content: str(t.landApprovalNo), note: null }),
    row12({ no: 3, item: '生态环境主管部门批准文件及文号', content: str(t.environmentApprovalNo), note: null }),
    row12({ no: 4, item: '营业执照', content: str(t.businessLicenseNo), note: null }),
  ]);

  const construction = group('建设情况', [
    row12({
      no: 5,
      itemSpansContent: true,
      item: lines([box(t.landTenure === 'owned', T12), '自有　　', box(t.landTenure === 'leased', T12), '租赁　　租赁年限：', t.landTenure === 'leased' && t.leaseYears != null ? r(num(t.leaseYears), { size: T12, underline: true }) : blank(3, T12), '年']),
      note: '请提供土地权属证明、不动产登记证或租赁合同等。',
    }),
    row12({ no: 6, item: '厂区面积（平方米）', content: num(t.siteArea) }),
    row12({ no: 7, item: '建筑面积（平方米）', content: num(t.buildingArea) }),
  ]);

  const operations = group('经营情况', [
    row12({ no: 8, item: '近三年主营业务收入（万元）', content: yearLines(ofYear('revenue'), totals.revenue, '万元') }),
    row12({ no: 9, item: '近三年再制造产值（万元）', content: yearLines(ofYear('remanOutput'), totals.remanOutput, '万元') }),
    row12({ no: 10, item: '近三年再制造产品销售额（万元）', content: yearLines(ofYear('remanSales'), totals.remanSales, '万元') }),
    row12({ no: 11, item: '近三年再制造产品生产量（件）', content: yearLines(ofYear('remanUnits'), totals.remanUnits, '件') }),
  ]);

  // the form's own words only: the formula's version id ("GBT28620-2012/working-v1") is for reviewers' technical
  // details, not the applicant's stamped paper copy (issue 16 item 14)
  const rateNote = () => [p('计算方法参考 GB/T 28620', { size: T12, line: 276, align: 'center' })];
  const indicators = group('相关指标', [
    row12({ no: 12, item: '质量再制造率', content: lines(percentRuns(derived.massRate)), note: rateNote() }),
    row12({ no: 13, item: '价值再制造率', content: lines(percentRuns(derived.valueRate)), note: rateNote() }),
  ]);

  const audited = [...(t.auditedYears ?? [])].sort((a, b) => a - b);
  const finance = group('财务状况', [
    row12({
      no: 14,
      item: '近三年财务报表审计报告',
      content: [
        ...lines(['已审计年度：', audited.length ? audited.map((y) => `${y}年`).join('、') : blank(6, T12)]),
        ...(t.yearsInOperation != null && t.yearsInOperation < 3 ? lines(`经营期：${t.yearsInOperation}年`) : []),
      ],
      note: COPY,
    }),
  ]);

  const equipment = group(
    '技术工艺装备',
    EQUIPMENT_CATEGORIES.flatMap((c) => equipmentBlock(c.row, c.key === 'other' ? '其他再制造过程中使用的设备（请详细说明，可另附页）' : c.zh, eq[c.key] ?? [])),
  );

  const quality = group('产品质量', [row12({ no: 24, item: '产品出厂检测报告或检测记录', note: COPY })]);

  const rdLines: Paragraph[] = [
    ...lines([box(Boolean(rd.lab), T12), '实验室'], [box(Boolean(rd.engineeringCenter), T12), '工程研究中心'], [box(Boolean(rd.innovationCenter), T12), '创新中心']),
    ...lines([box(Boolean(rd.other), T12), '其他', ...(str(rd.otherText) ? [r(str(rd.otherText), { size: T12, underline: true })] : [blank(6, T12)])]),
  ];
  const patents = t.patents ?? [];
  const standards = t.standards ?? [];
  const innovation = group('研发创新', [
    row12({
      no: 25,
      item: '大专及以上学历人员占企业职工总数比重',
      content: lines([...percentRuns(derived.collegeRatio), ...ratioNote('大专及以上学历', t.collegeEducated, '人', '职工总数', employees, '人')]),
    }),
    row12({
      no: 26,
      item: '研发团队人员占企业职工总数比重',
      content: lines([...percentRuns(derived.rdStaffRatio), ...ratioNote('研发团队', t.rdStaff, '人', '职工总数', employees, '人')]),
    }),
    row12({
      no: 27,
      item: '研发投入及占上一年度总销售额的比重',
      content: lines(
        ['研发投入：', num(t.rdSpending) ? `${num(t.rdSpending)}万元` : blank(3, T12), ...(num(t.rdSpending) ? [] : ['万元'])],
        ['占上一年度总销售额比重：', ...percentRuns(derived.rdSpendingRatio)],
        ...(t.lastYearRevenue != null ? [[small(`（${t.rdSpendingYear != null ? `${t.rdSpendingYear}年研发投入；${t.rdSpendingYear - 1}年` : '上一年度'}营业收入${num(t.lastYearRevenue)}万元，规范条件 三(四)）`)]] : []),
      ),
    }),
    row12({ no: 28, item: '研发机构建设情况（企业自建或与高等院校、科研机构联合建立）', content: rdLines }),
    row12({
      no: 29,
      item: '专利证书或专利授权证明、近三年无侵权行为的自我声明',
      content: [
        ...(patents.length ? lines(...patents.map((x) => `${x.number}　${x.title}`)) : []),
        ...lines([box(Boolean(t.noInfringementDeclared), T12), '近三年无侵权行为的自我声明']),
      ],
      note: '请提供复印件+自我声明',
    }),
    row12({ no: 30, item: '参与制定的再制造相关标准', content: standards.length ? lines(...standards.map((x) => `${x.code}　${x.title}`)) : '', note: '请提供相关证明材料' }),
  ]);

  const management = group('管理体系和安全生产', [
    row12({ no: 31, item: '质量管理体系证书', content: certLines(t.qualityCert), note: COPY, noteRows: 3 }),
    row12({ no: 32, item: '职业健康安全管理体系证书', content: certLines(t.ohsCert), note: null }),
    row12({ no: 33, item: '环境管理体系证书', content: certLines(t.environmentCert), note: null }),
    row12({ no: 34, item: '产品图样、工艺、产品生产执行的技术标准等文件', note: COPY }),
    row12({ no: 35, item: '旧件管理制度', note: RULES }),
    row12({ no: 36, item: '安全保障规章制度', note: RULES }),
  ]);

  const environment = group('环境保护和社会责任', [
    row12({ no: 37, item: '环境保护和资源节约制度', note: RULES }),
    row12({ no: 38, item: '废水排放是否符合《污水综合排放标准》', content: yesNo(t.wastewaterCompliant), note: '请提供环境影响评价文件中，相关领域的检测报告', noteRows: 3 }),
    row12({ no: 39, item: '污染排放是否符合《大气污染物综合排放标准》', content: yesNo(t.airCompliant), note: null }),
    row12({ no: 40, item: '噪声是否符合《工业企业厂界环境噪声排放标准》', content: yesNo(t.noiseCompliant), note: null }),
    row12({ no: 41, item: '突发环境事件或污染事件应急设施和处理预案', note: COPY }),
    row12({ no: 42, item: '用工名单及社保缴纳记录', note: COPY }),
  ]);

  const service = group('售后服务和职业教育', [
    row12({ no: 43, item: '产品售后服务制度性文件', note: COPY }),
    row12({ no: 44, item: '产品使用说明书、维修卡、保养卡等', note: COPY }),
    row12({ no: 45, item: '开展管理、技术、技能、法律、安全生产等方面的培训', note: '请提供培训记录' }),
    row12({
      no: 46,
      item: '需要持证上岗的岗位及持证上岗率',
      content: lines(
        ['岗位：', str(t.certifiedPosts) ? str(t.certifiedPosts) : blank(6, T12)],
        ['持证上岗率：', ...percentRuns(derived.certifiedPostRatio), ...ratioNote('持证', t.certifiedPostHolders, '人', '需持证岗位', t.certifiedPostStaff, '人')],
      ),
      note: '请提供相关证明材料',
    }),
  ]);

  const rows = [header, ...approvals, ...construction, ...operations, ...indicators, ...finance, ...equipment, ...quality, ...innovation, ...management, ...environment, ...service];
  rows[rows.length - 1]!.keepNext = true; // row 46 stays with the 注 and 声明 below the table
  return rows;
}

function table12Part(input: ApplicationDocxInput): (Paragraph | Table)[] {
  const { form, enterprise } = input;
  const t11 = form.table11 ?? {};
  const s = SIZE.s4;
  const d = form.declaration ?? {};
  const rep = str(d.legalRepresentative);
  return [
    tableNo('表1-2'),
    tableTitle('机电产品再制造企业规范情况表'),
    ...fillerLines(enterprise.name, str(t11.filler), str(t11.fillerPhone)),
    table(T12_WIDTHS, table12Rows(input)),
    p(NOTE_PAPER, { size: SIZE.xiaosi, before: 60, keepNext: true }),
    p('声明：以上所有材料真实有效，有据可查，如有虚假，愿意承担相应法律责任。', { size: s, indentChars: 2, before: 360, line: 440, exact: true, keepNext: true }),
    p([r('法定代表人（签字）：', { size: s }), rep ? r(rep, { size: s }) : blank(6, s)], { indentLeft: 3800, before: 480, keepNext: true }),
    p(dateRuns(d.date, s), { align: 'right', before: 240, keepNext: true }),
    p('（申请单位公章）', { size: s, align: 'right', before: 240 }),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// 表1-3 省级工业和信息化主管部门审核意见表

interface ProvincialOpinion {
  opinion: string;
  handler: string;
  head: string;
  date: string;
  filler: string;
  phone: string;
  email: string;
}

/** The jsonb `provincialOpinion` ({opinion, handler, head, date, filler?, phone?, email?}), or null. */
function provincialOpinion(raw: unknown): ProvincialOpinion | null {
  if (!raw || typeof raw !== 'object') return null;
  const o = raw as Record<string, unknown>;
  const s = (k: string) => (typeof o[k] === 'string' ? (o[k] as string).trim() : '');
  const op: ProvincialOpinion = { opinion: s('opinion'), handler: s('handler'), head: s('head'), date: s('date'), filler: s('filler'), phone: s('phone'), email: s('email') };
  return Object.values(op).some((v) => v) ? op : null;
}

function table13Part({ app, form, enterprise, site }: ApplicationDocxInput): (Paragraph | Table)[] {
  const op = provincialOpinion(app.provincialOpinion);
  const s = SIZE.s4;
  const hs = SIZE.xiaosi;
  const v = (x: string | undefined, n: number, size: number) => (x ? r(x, { size, underline: true }) : blank(n, size));
  const applicant = site.name ? `${enterprise.name}（${site.name}）` : enterprise.name;
  const submitted = shanghaiDate(app.submittedAt);
  const label = (x: string) => cell(x, { size: s });
  const value = (x: Content) => cell(x, { size: s, span: 2, align: 'left' });
  const rows: RowSpec[] = [
    { cells: [label('申请企业'), value(applicant)], height: 700 },
    { cells: [label('再制造产品类型'), value(fieldsText(form.fields, form.fieldsOther, form.table11?.productTypes))], height: 700 },
    { cells: [label('申请时间'), value(submitted ? zhDate(submitted) : dateRuns(null, s))], height: 700 },
    {
      cells: [
        cell([p('省级工业和信息化主管部门意见：', { size: s, line: 300 }), ...prose(op?.opinion, { size: s, line: 400 })], {
          span: 3,
          valign: 'top',
          borders: { bottom: false },
        }),
      ],
      height: 5600,
      cantSplit: false,
    },
    {
      cells: [
        cell([r('经办人签字：', { size: s }), ...(op?.handler ? [r(op.handler, { size: s })] : [])], { size: s, align: 'left', borders: { top: false, bottom: false, right: false } }),
        cell([r('负责人签字：', { size: s }), ...(op?.head ? [r(op.head, { size: s })] : [])], { size: s, align: 'left', borders: { top: false, bottom: false, left: false, right: false } }),
        cell('单位公章', { size: s, borders: { top: false, bottom: false, left: false } }),
      ],
      height: 900,
    },
    {
      cells: [
        cell('', { size: s, borders: { top: false, right: false } }),
        cell('', { size: s, borders: { top: false, left: false, right: false } }),
        cell(dateRuns(op?.date, s), { size: s, borders: { top: false, left: false } }),
      ],
      height: 700,
    },
  ];
  return [
    tableNo('表1-3'),
    tableTitle('省级工业和信息化主管部门审核意见表'),
    p([r('填表人：', { size: hs }), v(op?.filler, 4, hs), r('　联系电话：', { size: hs }), v(op?.phone, 5, hs), r('　联系邮箱：', { size: hs }), v(op?.email, 6, hs)], {
      size: hs,
      after: 120,
      keepNext: true,
    }),
    table([2600, 3100, TEXT_WIDTH - 5700], rows),
    p(NOTE_PAPER, { size: SIZE.xiaosi, before: 60 }),
  ];
}
