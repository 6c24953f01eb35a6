/** The files module's entry for other modules (docs/architecture.md "Module boundaries"). */
export { createFileService, type FileService } from './files.service.js';
export { EXTENSION, sniffMime, type AcceptedMime } from './files.content.js';
