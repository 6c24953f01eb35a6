/** The alarms module's entry for other modules and app.ts (issue 12 "Alarms", docs/monitoring-alarms.md). */
export { createAlarmService, type AlarmService, type AlarmDevice, type DeviceLookup, type UserDirectory } from './alarms.service.js';
export { alarmRoutes } from './alarms.routes.js';
export { signature as webhookSignature } from './webhooks.js';
