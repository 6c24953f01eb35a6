import type { z } from 'zod';
import type { AppConfig } from '../../config.js';
import { isShiftable, type Clock } from '../../platform/clock.js';
import type { ClockSchema, DeploymentStatus } from './demo.schema.js';

/** The platform date as the ops page shows it (a system clock: offset 0, not shiftable). */
export const presentClock = (clock: Clock): z.infer<typeof ClockSchema> => ({ today: clock.today(), offsetDays: isShiftable(clock) ? clock.offsetDays() : 0, shiftable: isShiftable(clock) });

export const presentStatus = (config: Pick<AppConfig, 'REMAN_DEMO' | 'NODE_ENV'>): z.infer<typeof DeploymentStatus> => ({ demo: config.REMAN_DEMO, production: config.NODE_ENV === 'production' });
