/**
 * Label routes (再制造产品标识): PNG / SVG of one product's label, and a printable A4 PDF sheet of many.
 * The product facts come from the trace service (`productForLabel`, which scopes to the caller's own
 * enterprise and answers 404 otherwise); the content rules live in src/domain/trace/label.ts, the drawing
 * in ./labels.ts.
 *
 * The QR carries `<origin>/p/<code>` where origin is the request's scheme and host (behind a TLS proxy set
 * TRUST_PROXY=1 so that X-Forwarded-Proto/Host are used).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { catalogueBadgeText } from '../../../domain/catalogue/workflow.js';
import { LABEL_FIELD_NAMES, LABEL_SHEET, LabelIncompleteError, labelContent, type LabelContent } from '../../../domain/trace/label.js';
import { DomainError, errors } from '../../platform/errors.js';
import { ENTERPRISE_ROLES } from '../../platform/policy.js';
import { SCOPE_TRACE_READ } from '../../platform/scopes.js';
import type { Principal } from '../../platform/principal.js';
import { renderLabelPng, renderLabelSheetPdf, renderLabelSvg, type LabelBadge, type LabelToPrint, type RenderedLabel } from './labels.js';

/** What a label needs of a product (columns of the trace module's product row, read through its service). */
export interface LabelProductRow {
  code: string;
  name: string;
  model: string | null;
  status: 'issued' | 'revoked' | 'recalled';
  production_date: string;
  standard_no: string | null;
  digital_link: string | null;
}

export interface LabelSource {
  /** The product for a label, scoped to the caller (throws a 404 DomainError when not visible). */
  productForLabel(principal: Principal | null, code: string): Promise<{ row: LabelProductRow; enterpriseName: string; enterpriseAddress: string }>;
}

/**
 * The 再制造产品目录 listing of product codes (issue 14 item 2): the catalogue module's `badges`, passed in by app.ts
 * (the catalogue reads the trace, so the trace module declares what it needs instead of importing it).
 */
export interface LabelBadgeSource {
  badges(codes: string[]): Promise<{ code: string; batchNo: number; listedNo: string }[]>;
}

/** The labels with the catalogue badge of each product whose model is listed in a published batch. */
export async function withBadges(labels: LabelContent[], catalogue: LabelBadgeSource | undefined): Promise<LabelToPrint[]> {
  if (!catalogue || !labels.length) return labels;
  const found = new Map((await catalogue.badges(labels.map((l) => l.code))).map((b) => [b.code, b]));
  return labels.map((l) => {
    const b = found.get(l.code);
    return b ? { ...l, badge: catalogueBadge(b.batchNo, b.listedNo) } : l;
  });
}
/** 再制造产品目录 第N批 and the model's catalogue number. */
export const catalogueBadge = (batchNo: number, listedNo: string): LabelBadge => ({ ...catalogueBadgeText(batchNo), listedNo });

const LABEL_ROLES = [...ENTERPRISE_ROLES, 'enterprise_token'] as const;

export function originOf(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

/** The label content of one product, or a 409 naming what is missing / why it may not be labelled. */
export async function labelFor(trace: LabelSource, principal: Principal, code: string, origin: string): Promise<LabelContent> {
  const { row: p, enterpriseName, enterpriseAddress } = await trace.productForLabel(principal, code);
  if (p.status !== 'issued') {
    const zh = p.status === 'revoked' ? '已撤销' : '已召回';
    throw errors.conflict('LABEL_NOT_ISSUED', `产品 ${p.code} ${zh}，不能打印标识`, `Product ${p.code} is ${p.status}; no label can be printed`, { code: p.code, status: p.status });
  }
  try {
    return labelContent(
      {
        code: p.code,
        productName: p.model ? `${p.name} ${p.model}` : p.name,
        enterpriseName,
        enterpriseAddress,
        productionDate: p.production_date,
        standardNumber: p.standard_no,
        digitalLink: p.digital_link,
      },
      origin,
    );
  } catch (e) {
    if (e instanceof LabelIncompleteError) {
      const details = e.missing.map((m) => ({
        field: m,
        message: `标识须载明${LABEL_FIELD_NAMES[m].zh}（${LABEL_FIELD_NAMES[m].clause}）`,
        messageEn: `a label must carry the ${LABEL_FIELD_NAMES[m].en} (${LABEL_FIELD_NAMES[m].clause})`,
      }));
      throw new DomainError(
        409,
        'LABEL_INCOMPLETE',
        `产品 ${p.code} 缺少标识必备信息：${e.missing.map((m) => LABEL_FIELD_NAMES[m].zh).join('、')}`,
        `Product ${p.code} lacks label facts: ${e.missing.map((m) => LABEL_FIELD_NAMES[m].en).join(', ')}`,
        details,
      );
    }
    throw e;
  }
}

const CodeParams = z.object({ code: z.string().trim().min(1).max(500) });

export async function labelRoutes(root: FastifyInstance, { trace, catalogue }: { trace: LabelSource; catalogue?: LabelBadgeSource }) {
  const labelOf = async (principal: Principal, code: string, origin: string) => (await withBadges([await labelFor(trace, principal, code, origin)], catalogue))[0]!;
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/trace/products/:code/label.png', {
    config: { policy: { roles: LABEL_ROLES, scope: SCOPE_TRACE_READ } },
    schema: { tags: ['trace'], summary: '产品标识 PNG（二维码 + 再制造标志） Product label as PNG', params: CodeParams },
    handler: async (req, reply) => {
      const c = await labelOf(req.principal!, req.params.code, originOf(req));
      const { body, font } = cachedPng(c);
      return reply
        .header('content-type', 'image/png')
        .header('x-label-font', font)
        .header('content-disposition', `inline; filename="label-${asciiName(c.code)}.png"`)
        .send(body);
    },
  });

  app.get('/api/v1/trace/products/:code/label.svg', {
    config: { policy: { roles: LABEL_ROLES, scope: SCOPE_TRACE_READ } },
    schema: { tags: ['trace'], summary: '产品标识 SVG Product label as SVG', params: CodeParams },
    handler: async (req, reply) => {
      const c = await labelOf(req.principal!, req.params.code, originOf(req));
      return reply
        .header('content-type', 'image/svg+xml; charset=utf-8')
        .header('content-disposition', `inline; filename="label-${asciiName(c.code)}.svg"`)
        .send(renderLabelSvg(c));
    },
  });

  app.post('/api/v1/trace/labels.pdf', {
    config: { policy: { roles: LABEL_ROLES, scope: SCOPE_TRACE_READ } },
    schema: {
      tags: ['trace'],
      summary: `标识打印页（A4，每页 ${LABEL_SHEET.columns * LABEL_SHEET.rows} 个） Printable A4 sheet of labels`,
      body: z.object({ codes: z.array(z.string().trim().min(1).max(500)).min(1).max(LABEL_SHEET.maxLabels) }),
    },
    handler: async (req, reply) => {
      const origin = originOf(req);
      const labels: LabelContent[] = [];
      for (const code of req.body.codes) labels.push(await labelFor(trace, req.principal!, code, origin));
      const { body, font } = await renderLabelSheetPdf(await withBadges(labels, catalogue));
      return reply
        .header('content-type', 'application/pdf')
        .header('x-label-font', font)
        .header('content-disposition', `attachment; filename="labels.pdf"; filename*=UTF-8''${encodeURIComponent('再制造产品标识.pdf')}`)
        .send(body);
    },
  });
}

/**
 * Rasterising a label takes ≈ 0.1–0.2 s of CPU (glyph outlines of ~150 CJK characters): keep the last
 * PNG_CACHE_SIZE renderings, keyed by the complete label content (so any change of a fact renders anew).
 */
const PNG_CACHE_SIZE = 100;
const pngCache = new Map<string, RenderedLabel>();
function cachedPng(c: LabelToPrint): RenderedLabel {
  const key = JSON.stringify(c);
  const hit = pngCache.get(key);
  if (hit) {
    pngCache.delete(key);
    pngCache.set(key, hit);
    return hit;
  }
  const out = renderLabelPng(c);
  pngCache.set(key, out);
  if (pngCache.size > PNG_CACHE_SIZE) pngCache.delete(pngCache.keys().next().value!);
  return out;
}

const asciiName = (code: string) => code.replace(/[^\w.-]+/g, '_').slice(0, 80);
