import type { DemoWorld } from './world.js';

/**
 * The one search's index over everything the other areas seeded (runs last in seedDemoData): one sync of every
 * source (docs/public-portal.md "One search"). Later changes reach it by the periodic sync and portal edits.
 */
export async function seedSearchDemo(world: DemoWorld) {
  await world.services.search.sync();
}
