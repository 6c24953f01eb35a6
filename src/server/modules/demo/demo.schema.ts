import { z } from 'zod';

/** The platform date: today (Asia/Shanghai), how far the demo moved it, and whether it can move at all. */
export const ClockSchema = z.object({ today: z.string(), offsetDays: z.number(), shiftable: z.boolean() });
/** Read by the login page: demo data on, production deployment (a loud banner when both). */
export const DeploymentStatus = z.object({ demo: z.boolean(), production: z.boolean() });
/** Move the demo date forward by 1–60 days (e.g. past a 公示 window). */
export const AdvanceClockBody = z.object({ days: z.number().int().min(1).max(60) });
