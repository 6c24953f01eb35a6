/**
 * DomainError: the one error type services throw. It carries an HTTP status because every use case maps to
 * exactly one API outcome, but services never build HTTP responses: the error handler (error-handler.ts)
 * turns it into the single error shape {"error":{"code","message","messageEn","details"}}.
 */
export interface FieldIssue {
  field: string;
  message: string;
  messageEn: string;
}

export class DomainError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    public readonly messageZh: string,
    public readonly messageEn: string,
    public readonly details?: unknown,
  ) {
    super(messageEn);
    this.name = 'DomainError';
  }
}

export const errors = {
  validation: (issues: FieldIssue[]) =>
    new DomainError(
      400,
      'VALIDATION_FAILED',
      `请求参数校验失败：${issues.map((i) => `${i.field}（${i.message}）`).join('；')}`,
      `Validation failed: ${issues.map((i) => `${i.field} (${i.messageEn})`).join('; ')}`,
      issues,
    ),
  field: (field: string, message: string, messageEn: string, code = 'VALIDATION_FAILED') =>
    new DomainError(400, code, `${field}：${message}`, `${field}: ${messageEn}`, [{ field, message, messageEn }]),
  unauthenticated: () => new DomainError(401, 'UNAUTHENTICATED', '请先登录', 'Authentication required'),
  forbidden: (message = '无权执行此操作', messageEn = 'You are not allowed to do this') =>
    new DomainError(403, 'FORBIDDEN', message, messageEn),
  notFound: (objectZh: string, objectEn: string) =>
    new DomainError(404, 'NOT_FOUND', `${objectZh}不存在或无权访问`, `${objectEn} not found`),
  conflict: (code: string, message: string, messageEn: string, details?: unknown) =>
    new DomainError(409, code, message, messageEn, details),
};
