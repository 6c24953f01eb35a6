import type { AuthorityRow } from './authorities.repo.js';

export const presentAuthority = (a: AuthorityRow) => ({ id: a.id, kind: a.kind, regionCode: a.regionCode, name: a.name, nameEn: a.nameEn });
