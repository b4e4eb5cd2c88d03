// Versioned migrations of each settings item. Migration N turns the value stored at version N-1 into version N
// (WXT storage runs them on start-up). Version 1 is the first shipped shape, so there are none yet: add `2: (v1) => v2`
// here and bump nothing else, with a fixture test beside the versioning test in tests/unit/settings.test.ts (a value
// stored at version 1 read back as version 2).

/** A migration from the previous version's stored value. */
export type Migration = (previous: unknown) => unknown;

/** The migrations per settings item, keyed by the version they produce. */
export const MIGRATIONS = {
  preferences: {} as Record<number, Migration>,
  credentials: {} as Record<number, Migration>,
  limits: {} as Record<number, Migration>,
};

/** The current version of an item: 1 plus its number of migrations. */
export function versionOf(migrations: Record<number, Migration>): number {
  return 1 + Object.keys(migrations).length;
}
