/** Download links of the API (plain <a href>: the browser sends the session cookie where one is needed). */

export const announcementDocxUrl = (id: string) => `/api/v1/public/announcements/${encodeURIComponent(id)}/docx`;
export const announcementXlsxUrl = (id: string) => `/api/v1/public/announcements/${encodeURIComponent(id)}/xlsx`;
export const announcedXlsxUrl = '/api/v1/public/announced-enterprises.xlsx';
export const applicationDocxUrl = (id: string) => `/api/v1/applications/${encodeURIComponent(id)}/docx`;
export const table13DocxUrl = (id: string) => `/api/v1/applications/${encodeURIComponent(id)}/table13.docx`;
export const objectionEvidenceUrl = (objectionId: string, n: number) => `/api/v1/objections/${encodeURIComponent(objectionId)}/evidence/${n}`;
