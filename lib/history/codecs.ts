/**
 * How the history's records are read and written (migrate on read, envelope on write), in one
 * module the history database loads with `import()` at the first record it has to read or write:
 * an empty history (a first visit) never loads the record schemas.
 */
export { migrateBatch, toStoredBatch } from "@/lib/batch/record";
export { migrateSweep, toStoredSweep } from "@/lib/sweep/record";
export { migrateSweepSetup, toStoredSweepSetup } from "@/lib/sweep/setup";
export {
  migrateDraft,
  migrateDraftImage,
  migrateRun,
  toStoredDraft,
  toStoredDraftImage,
  toStoredRun,
} from "./records";
