/** What the EPCIS repository module publishes to other modules (docs/architecture.md "Module boundaries"). */
export type { EpcisService } from './epcis.service.js';
export { verifyEventChains } from './epcis-chain.js';
