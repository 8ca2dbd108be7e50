/**
 * Run numbers ("Run 7"): each loose run gets one when it is created and keeps it for good; a
 * sweep's cells get none. Pure helpers, used by the store when runs are created, loaded from
 * history and imported.
 */

/** Something that may hold a run number: null for sweep cells, undefined when not given yet. */
export interface Numbered {
  id: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  serial?: number | null;
}

/** The highest run number among `serials` (0 when there is none). */
export function highestSerial(serials: Iterable<number | null | undefined>): number {
  let highest = 0;
  for (const serial of serials)
    if (typeof serial === "number" && serial > highest) highest = serial;
  return highest;
}

/**
 * Gives a number to every record that has none yet (records saved before runs had numbers):
 * oldest `createdAt` first (ties by id), counting on from `after` and from the highest number
 * the records hold. Records in `cellRunIds` (a sweep's cells) get null instead. Records that
 * have a number or null keep it. Returns the records in their order and the ids of those it
 * changed (to be saved again, so their numbers stick).
 */
export function assignMissingSerials<T extends Numbered>(
  records: readonly T[],
  cellRunIds: ReadonlySet<string>,
  after = 0,
): { records: T[]; changed: string[] } {
  let next = Math.max(after, highestSerial(records.map((record) => record.serial))) + 1;
  const missing = records
    .filter((record) => record.serial === undefined)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const given = new Map<string, number | null>();
  for (const record of missing) {
    if (cellRunIds.has(record.id)) given.set(record.id, null);
    else given.set(record.id, next++);
  }
  return {
    records: records.map((record) =>
      given.has(record.id) ? { ...record, serial: given.get(record.id) ?? null } : record,
    ),
    changed: [...given.keys()],
  };
}
