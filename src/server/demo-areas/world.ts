import type { Services } from '../app.js';
import type { AppConfig } from '../config.js';
import type { Database } from '../db/client.js';
import type { UserRow } from '../modules/identity/identity.repo.js';

/**
 * What the core demo (src/server/demo.ts) has created, handed to each capability's demo seeder
 * (`src/server/demo-areas/<area>.ts`). Keys of `enterprises`/`admins`: gd, js, sz, sh, qd, hn, hb, sd;
 * `sites`: `<key><n>` (gd1, gd2, …). 广州精工 (gd) is announced in 第一批.
 */
export interface DemoWorld {
  services: Services;
  database: Database;
  config: AppConfig;
  miit: UserRow;
  enterprises: Record<string, string>;
  sites: Record<string, string>;
  admins: Record<string, UserRow>;
  reviewers: Record<string, UserRow>;
}
