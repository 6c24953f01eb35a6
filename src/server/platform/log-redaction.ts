/**
 * What the logs must never carry (docs/security.md): credentials (cookies, Authorization, CSRF tokens, passwords in
 * bodies, Set-Cookie) and personal data that reaches them through database errors — SQL parameters (Drizzle puts
 * them in the message and in `params`), PostgreSQL's `detail` ("Key (username)=(…) already exists") and the values
 * PostgreSQL quotes in its messages ('invalid input syntax for type integer: "…"'). Used in app.ts's logger options.
 */
export const LOG_REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'body.password',
  'body.currentPassword',
  'body.newPassword',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.csrfToken',
];

const DROPPED = new Set(['params', 'parameters', 'detail', 'where', 'internalQuery', 'hint']);

const scrub = (s: string, quoted: boolean) => {
  const noParams = s.replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/, '\nparams: [redacted]');
  return quoted ? noParams.replace(/"[^"\n]*"/g, '"[redacted]"') : noParams;
};

/** The `err` serializer: an Error as type, message, stack and own fields, minus SQL parameters and quoted values. */
export function serializeError(err: unknown, depth = 0): unknown {
  if (!(err instanceof Error) || depth > 4) return err;
  // a PostgreSQL error (has a SQLSTATE `code` and a `severity`) quotes input values in its message
  const pg = typeof (err as { severity?: unknown }).severity === 'string';
  const out: Record<string, unknown> = { type: err.constructor.name, message: scrub(err.message, pg), stack: scrub(err.stack ?? '', pg) };
  for (const [k, v] of Object.entries(err)) {
    if (DROPPED.has(k) || k === 'message' || k === 'stack') continue;
    out[k] = k === 'cause' ? serializeError(v, depth + 1) : v;
  }
  if (err.cause !== undefined && out.cause === undefined) out.cause = serializeError(err.cause, depth + 1);
  return out;
}
