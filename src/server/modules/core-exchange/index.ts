/** 旧件交易 core exchange (issue 13, docs/trading.md "Core exchange"): the service (wired in app.ts) and routes. */
export { createCoreExchangeService, type CoreExchangeService, type CoreTransferRecorder } from './core-exchange.service.js';
export { coreExchangeRoutes } from './core-exchange.routes.js';
export { corePostingsSearchBackfill } from './core-exchange.search-backfill.js';
