/** Device attributes over MQTT (migration 20261207010000_device_attributes; SQL in modules/devices/telemetry.repo.ts). */
import { jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

export const deviceAttributes = pgTable('device_attributes', {
  enterpriseId: uuid('enterprise_id').notNull(),
  deviceId: uuid('device_id').primaryKey(),
  attributes: jsonb('attributes').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
