/**
 * What the traceability module publishes to other modules (docs/architecture.md: a module reaches another only
 * through its index, service or policy): the service, and the public product record's schema and presenter, which
 * the market shows beside a listing.
 */
export type { TraceService } from './trace.service.js';
export { PublicProductSchema } from './trace.schema.js';
export { presentPublic } from './trace.presenter.js';
/** A product row as the trace service hands it out (e.g. the device page shows its product). */
export type { ProductRow } from './trace.repo.js';
