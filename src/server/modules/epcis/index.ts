/** What the EPCIS repository module publishes to other modules (docs/architecture.md "Module boundaries"). */
export type { EpcisService } from './epcis.service.js';
export { verifyEventChains } from './epcis-chain.js';
/** Genealogy links read from the event store's identifier rows (issue 10 §5), for the trace module's walk. */
export { transformationLinks, type LinkSelection } from './epcis.links.js';
