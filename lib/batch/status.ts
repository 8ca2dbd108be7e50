/**
 * An item's status and what it says about its batch, apart from the queue's operations
 * (`./queue`, which re-exports these): the store's hooks that run in every session ask whether a
 * batch is in flight without loading the queue's code.
 */

/** queued → uploading → running → done | failed | cancelled. */
export type ItemStatus = "queued" | "uploading" | "running" | "done" | "failed" | "cancelled";

const ACTIVE: ReadonlySet<ItemStatus> = new Set(["uploading", "running"]);
const FINISHED: ReadonlySet<ItemStatus> = new Set(["done", "failed", "cancelled"]);

/** Whether an item is uploading or running (it holds one of the `concurrency` slots). */
export function isActive(item: { status: ItemStatus }): boolean {
  return ACTIVE.has(item.status);
}

/** Whether an item has ended (done, failed or cancelled). */
export function isFinished(item: { status: ItemStatus }): boolean {
  return FINISHED.has(item.status);
}

/** Whether a batch is in flight: started, with items still to end. */
export function isInFlight(batch: {
  startedAt: number | null;
  items: readonly { status: ItemStatus }[];
}): boolean {
  return batch.startedAt !== null && !batch.items.every(isFinished);
}
