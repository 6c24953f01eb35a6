import type { RemanField } from '../../../domain/enterprise.js';
import type { ExpertRow } from './experts.repo.js';

export const presentExpert = (e: ExpertRow) => ({
  id: e.id,
  name: e.name,
  organization: e.organization,
  title: e.title,
  fields: e.fields as RemanField[],
  phone: e.phone,
  email: e.email,
  affiliatedEnterpriseId: e.affiliatedEnterpriseId,
  createdAt: e.createdAt.toISOString(),
});
