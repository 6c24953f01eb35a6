/** Wire types of the dynamic-management API (see the server's *.schema.ts). */
export interface FileRef {
  sha256: string;
  mime: string;
  size: number;
}
export interface ChangeRequest {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  authorityId: string;
  siteId: string | null;
  items: { fact: string; factZh: string; factEn: string; old: string; new: string }[];
  changeDate: string;
  deadline: string;
  overdue: boolean;
  overdueFlagged: boolean;
  description: string;
  attachments: FileRef[];
  state: string;
  checkOpinion: string | null;
  checkedOn: string | null;
  confirmOpinion: string | null;
  confirmedOn: string | null;
  createdAt: string;
  actions: string[];
}
export interface RevocationCase {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  authorityId: string;
  origin: 'provincial_request' | 'ministry' | 'complaint';
  complaintId: string | null;
  grounds: { key: string; clause: string; zh: string; en: string }[];
  facts: string;
  evidence: FileRef[];
  state: string;
  noticeText: string | null;
  notifiedOn: string | null;
  statementDue: string | null;
  statement: string | null;
  statementFiles: FileRef[];
  statementOn: string | null;
  hearingSummary: string | null;
  decisionReason: string | null;
  decidedOn: string | null;
  rectificationState: string | null;
  rectificationText: string | null;
  rectificationFiles: FileRef[];
  rectificationOpinion: string | null;
  rectificationAcceptedOn: string | null;
  reapplyFrom: string | null;
  createdAt: string;
  actions: string[];
}
export interface ComplaintPublic {
  trackingCode: string;
  subject: string;
  enterpriseName: string;
  state: string;
  stateZh: string;
  stateEn: string;
  anonymous: boolean;
  filedAt: string;
  concludedOn: string | null;
  outcome: string | null;
}
export interface Complaint extends ComplaintPublic {
  id: string;
  enterpriseId: string | null;
  authorityId: string | null;
  facts: string;
  contact: string | null;
  evidenceCount: number;
  filedByUser: boolean;
  revocationCaseId: string | null;
  actions: string[];
}
