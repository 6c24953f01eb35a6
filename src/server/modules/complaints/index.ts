/** The complaints module's entry for app.ts. */
export { createComplaintService, type ComplaintService } from './complaints.service.js';
export { complaintRoutes } from './complaints.routes.js';
