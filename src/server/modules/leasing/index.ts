/** What the leasing module offers other modules: the service (wired in app.ts). */
export type { LeasingService } from './leasing.service.js';
