/** The market statistics module's entry (issue 13; docs/trading.md "Market statistics"): the service the portal may call for the public "value traded". */
export { createMarketService, type MarketService } from './market.service.js';
export { marketRoutes } from './market.routes.js';
