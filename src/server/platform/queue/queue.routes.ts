import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { JOB_STATES, type Queue } from './queue.js';

export const JobSchema = z
  .object({
    id: z.number().int(),
    task: z.string(),
    state: z.enum(JOB_STATES),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    lastError: z.string().nullable(),
    key: z.string().nullable(),
    runAt: z.string(),
    done: z.number().int().nullable(),
    total: z.number().int().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Job' });

/** The operator view of the durable job queue (MIIT administrators; retry/discard: `reman jobs:retry|discard`). */
export async function queueRoutes(root: FastifyInstance, { jobs }: { jobs: Queue }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/admin/jobs', {
    config: { policy: { roles: ['ministry_admin'] } },
    schema: {
      tags: ['ops'],
      summary: '后台任务 Background jobs (newest first; state=failed: dead jobs)',
      querystring: z.object({
        state: z.enum(JOB_STATES).optional(),
        task: z.string().max(100).optional(),
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: { 200: z.object({ items: z.array(JobSchema), total: z.number(), page: z.number(), pageSize: z.number() }) },
    },
    handler: async (req) => {
      const { state, task, page, pageSize } = req.query;
      const { items, total } = await jobs.list({ state, task }, page, pageSize);
      return { items: items.map(({ payload: _p, lockedBy: _l, lockedUntil: _u, priority: _r, ...j }) => j), total, page, pageSize };
    },
  });
}
