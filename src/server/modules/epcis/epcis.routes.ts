import { driverError, fromDatabase } from '../../platform/error-handler.js';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../platform/errors.js';
import { EPCIS_CAPTURE_ROLES, EPCIS_READ_ROLES } from './epcis.policy.js';
import { SCOPE_EPCIS_READ, SCOPE_EPCIS_WRITE } from '../../platform/scopes.js';
import { CaptureParams, ErrorBehaviourHeader, EventParams } from './epcis.schema.js';
import { CAPTURE_FILE_SIZE_LIMIT, CAPTURE_LIMIT, type EpcisService } from './epcis.service.js';

/**
 * The GS1 EPCIS 2.0 REST binding (standard paths, not under /api), as an encapsulated plugin with its own
 * error handler: every failure leaves as RFC 7807 application/problem+json with a GS1 exception type
 * (epcisException:ValidationException, QueryParameterException, CaptureLimitExceededException,
 * NoSuchResourceException, SecurityException, ImplementationException) and Chinese + English detail.
 */
const GS1_EXCEPTIONS = new Set([
  'ValidationException', 'QueryParameterException', 'CaptureLimitExceededException', 'NoSuchResourceException', 'SecurityException',
  'ImplementationException', 'QueryTooLargeException', 'QueryTooComplexException', 'SubscriptionControlsException',
]);

function exceptionFor(status: number, code: string): string {
  if (GS1_EXCEPTIONS.has(code)) return code;
  if (status === 401 || status === 403) return 'SecurityException';
  if (status === 404) return 'NoSuchResourceException';
  if (status === 413) return 'CaptureLimitExceededException';
  if (status >= 500) return 'ImplementationException';
  return 'ValidationException';
}

function problem(status: number, code: string, zh: string, en: string, details: unknown, instance: string) {
  const type = exceptionFor(status, code);
  return {
    type: `epcisException:${type}`,
    title: type,
    status,
    detail: `${zh} / ${en}`,
    message: zh,
    messageEn: en,
    ...(code !== type ? { code } : {}),
    instance,
    ...(details ? { errors: details } : {}),
  };
}

const EPCIS_HEADERS = { 'GS1-EPCIS-Version': '2.0.0', 'GS1-CBV-Version': '2.0.0', 'GS1-EPCIS-Min': '2.0.0', 'GS1-EPCIS-Max': '2.0.0' };

function sendDocument(req: FastifyRequest, reply: FastifyReply, body: unknown) {
  const ld = String(req.headers.accept ?? '').includes('application/ld+json');
  return reply.type(ld ? 'application/ld+json; charset=utf-8' : 'application/json; charset=utf-8').send(JSON.stringify(body));
}

export async function epcisRoutes(app: FastifyInstance, { epcis }: { epcis: EpcisService }) {
  // JSON-LD bodies (application/ld+json) parse like JSON; scoped to this plugin.
  app.addContentTypeParser(['application/ld+json'], { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch (e) {
      const err = e as Error & { statusCode?: number };
      err.statusCode = 400;
      done(err, undefined);
    }
  });

  app.addHook('onSend', async (_req, reply) => {
    reply.headers(EPCIS_HEADERS);
  });

  app.setErrorHandler((raw, req, reply) => {
    const err = raw as FastifyError;
    let out: DomainError;
    if (err instanceof DomainError) out = err;
    else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      out = new DomainError(413, 'CaptureLimitExceededException', `请求体超过采集文件大小上限（${CAPTURE_FILE_SIZE_LIMIT} 字节）`, `The body exceeds the capture file size limit (${CAPTURE_FILE_SIZE_LIMIT} bytes)`);
    } else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      out = new DomainError(415, 'ValidationException', '不支持的内容类型，请使用 application/json 或 application/ld+json', 'Unsupported content type; send application/json or application/ld+json');
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      out = new DomainError(err.statusCode, 'ValidationException', `请求无效：${err.message}`, `Invalid request: ${err.message}`);
    } else if (driverError(err)?.code === '23505') {
      // a concurrent capture stored the same eventID first: the client retries and gets an idempotent success
      out = new DomainError(409, 'ValidationException', '同一事件正被并发采集，请重试', 'The same event is being captured concurrently; retry');
    } else if (driverError(err) && fromDatabase(driverError(err)!)) {
      const mapped = fromDatabase(driverError(err)!)!;
      out = new DomainError(mapped.status, 'ValidationException', mapped.messageZh, mapped.messageEn);
    } else {
      req.log.error({ err }, 'epcis: unhandled error');
      out = new DomainError(500, 'ImplementationException', '服务器内部错误，请稍后再试', 'Internal server error');
    }
    void reply
      .status(out.status)
      .type('application/problem+json; charset=utf-8')
      .send(JSON.stringify(problem(out.status, out.code, out.messageZh, out.messageEn, out.details, req.url.split('?')[0]!)));
  });

  app.options('/epcis/capture', {
    config: { policy: { public: true } },
    schema: { tags: ['epcis'], summary: 'EPCIS capture limits (GS1-EPCIS-Capture-Limit, GS1-EPCIS-Capture-File-Size-Limit)' },
    handler: async (_req, reply) => {
      reply
        .header('Allow', 'OPTIONS, POST')
        .header('GS1-EPCIS-Capture-Limit', String(CAPTURE_LIMIT))
        .header('GS1-EPCIS-Capture-File-Size-Limit', String(CAPTURE_FILE_SIZE_LIMIT))
        .header('GS1-Capture-Error-Behaviour', 'rollback, proceed')
        .status(204)
        .send();
    },
  });

  app.post('/epcis/capture', {
    config: { policy: { roles: EPCIS_CAPTURE_ROLES, scope: SCOPE_EPCIS_WRITE } },
    bodyLimit: CAPTURE_FILE_SIZE_LIMIT,
    schema: {
      tags: ['epcis'],
      summary: '采集 EPCIS 文档 Capture an EPCISDocument (GS1-Capture-Error-Behaviour: rollback | proceed)',
      description: 'Body: an EPCIS 2.0 EPCISDocument (JSON or JSON-LD), validated against the GS1 JSON Schema. 202 + Location: /epcis/capture/{captureID}.',
    },
    handler: async (req, reply) => {
      const header = ErrorBehaviourHeader.safeParse(req.headers['gs1-capture-error-behaviour']);
      if (!header.success) {
        throw new DomainError(400, 'ValidationException', 'GS1-Capture-Error-Behaviour 须为 rollback 或 proceed', 'GS1-Capture-Error-Behaviour must be rollback or proceed');
      }
      const behaviour = header.data;
      const r = await epcis.capture(req.ctx, req.body, { errorBehaviour: behaviour });
      return reply.status(202).header('Location', `/epcis/capture/${r.captureId}`).header('GS1-Capture-Error-Behaviour', behaviour).send();
    },
  });

  app.get('/epcis/capture/:captureID', {
    config: { policy: { roles: EPCIS_READ_ROLES, scope: SCOPE_EPCIS_READ } },
    schema: { tags: ['epcis'], summary: '采集任务状态 Capture job (running, success, errors)' },
    handler: async (req, reply) => {
      const { captureID } = CaptureParams.parse(req.params);
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(await epcis.getCapture(req.ctx, captureID)));
    },
  });

  app.post('/epcis/events', {
    config: { policy: { roles: EPCIS_CAPTURE_ROLES, scope: SCOPE_EPCIS_WRITE } },
    schema: { tags: ['epcis'], summary: '采集单个事件 Capture one EPCIS event', description: 'Body: one EPCIS 2.0 event with its @context. 201 + Location: /epcis/events/{eventID}.' },
    handler: async (req, reply) => {
      const r = await epcis.captureEvent(req.ctx, req.body);
      return reply.status(201).header('Location', `/epcis/events/${encodeURIComponent(r.eventId)}`).header('GS1-Capture-ID', r.captureId).send();
    },
  });

  app.get('/epcis/events', {
    config: { policy: { roles: EPCIS_READ_ROLES, scope: SCOPE_EPCIS_READ } },
    schema: {
      tags: ['epcis'],
      summary: '查询事件 SimpleEventQuery (EPCISQueryDocument)',
      description:
        'Parameters: eventType, GE_/LT_eventTime, GE_/LT_recordTime, EQ_action, EQ_bizStep, EQ_disposition, EQ_readPoint, EQ_bizLocation, EQ_transformationID, MATCH_epc, MATCH_parentID, MATCH_inputEPC, MATCH_outputEPC, MATCH_anyEPC, MATCH_epcClass, MATCH_inputEPCClass, MATCH_outputEPCClass, MATCH_anyEPCClass, EQ_eventID, EXISTS_errorDeclaration, EQ_bizTransaction_<type>, EQ_source_<type>, EQ_destination_<type>, orderBy, orderDirection, perPage, nextPageToken. Values separated by | are ORed; parameters are ANDed; unknown parameters are a 400 QueryParameterException.',
    },
    handler: async (req, reply) => {
      const params = req.query as Record<string, string | string[]>;
      const r = await epcis.query(req.ctx, params);
      if (r.nextPageToken) {
        const qs = new URLSearchParams();
        for (const [k, v] of Object.entries(params)) {
          if (k === 'nextPageToken') continue;
          for (const x of ([] as string[]).concat(v)) qs.append(k, x);
        }
        qs.set('nextPageToken', r.nextPageToken);
        reply.header('Link', `</epcis/events?${qs.toString()}>; rel="next"`);
        reply.header('GS1-Next-Page-Token', r.nextPageToken);
      }
      return sendDocument(req, reply, r.document);
    },
  });

  app.get('/epcis/events/:eventID', {
    config: { policy: { roles: EPCIS_READ_ROLES, scope: SCOPE_EPCIS_READ } },
    schema: { tags: ['epcis'], summary: '按 eventID 读取事件 One event by eventID (URL-encoded)' },
    handler: async (req, reply) => {
      const { eventID } = EventParams.parse(req.params);
      return sendDocument(req, reply, await epcis.getEvent(req.ctx, eventID));
    },
  });
}
