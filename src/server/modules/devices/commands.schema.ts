import { z } from 'zod';
import { PageQuery, pageOf } from '../../platform/paging.js';
import { bi, uuid } from '../../platform/validation.js';
import type { CommandRow } from './commands.repo.js';

/** 远程诊断 (remote commands): bodies and answers. */
export const CommandIdParams = z.object({ id: uuid(), commandId: uuid() });

export const SendCommandBody = z.object({
  /** a method the device's thing model (or the default list) allows: GET …/commands/methods */
  method: z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/, bi('a method name (letters and digits, ≤ 64)', '须为命令名（字母与数字，≤64 字符）')),
  params: z.record(z.string().max(64), z.union([z.number(), z.boolean(), z.string().max(256), z.null()])).optional(),
  /** seconds to wait for the reply (default 30) */
  timeoutSec: z.number().int(bi('an integer', '须为整数')).min(1, bi('at least 1 s', '至少 1 秒')).max(300, bi('at most 300 s', '至多 300 秒')).optional(),
});

export const CommandListQuery = PageQuery.extend({ caseId: uuid().optional() });

export const CommandSchema = z
  .object({
    id: z.string(),
    deviceId: z.string(),
    caseId: z.string().nullable(),
    method: z.string(),
    params: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])),
    state: z.enum(['sent', 'replied', 'failed', 'timeout']),
    sentAt: z.string(),
    timeoutAt: z.string(),
    settledAt: z.string().nullable(),
    reply: z.unknown(),
    error: z.string().nullable(),
  })
  .meta({ id: 'DeviceCommand' });
export const CommandPage = pageOf(CommandSchema);

const Words = z.object({ zh: z.string(), en: z.string() });
export const CommandMethodsSchema = z.object({
  items: z.array(
    z.object({
      method: z.string(),
      label: Words,
      params: z.array(z.object({ name: z.string(), type: z.enum(['integer', 'number', 'boolean', 'string']), required: z.boolean(), min: z.number().optional(), max: z.number().optional(), values: z.array(z.string()).optional(), label: Words })),
    }),
  ),
});

export const presentCommand = (c: CommandRow): z.infer<typeof CommandSchema> => ({
  id: c.id,
  deviceId: c.deviceId,
  caseId: c.caseId,
  method: c.method,
  params: c.params ?? {},
  state: c.state,
  sentAt: c.sentAt.toISOString(),
  timeoutAt: c.timeoutAt.toISOString(),
  settledAt: c.settledAt?.toISOString() ?? null,
  reply: c.reply ?? null,
  error: c.error,
});
