import { describe, expect, it } from "vitest";
import { assignMissingSerials, highestSerial } from "./run-serial";

const record = (id: string, createdAt: number, serial?: number | null) =>
  serial === undefined ? { id, createdAt } : { id, createdAt, serial };

describe("highestSerial", () => {
  it("is the largest number, ignoring sweep cells and unnumbered runs, and 0 for none", () => {
    expect(highestSerial([3, null, undefined, 7, 2])).toBe(7);
    expect(highestSerial([null, undefined])).toBe(0);
    expect(highestSerial([])).toBe(0);
  });
});

describe("assignMissingSerials", () => {
  it("numbers records saved before runs had numbers oldest first, whatever their order", () => {
    const { records, changed } = assignMissingSerials(
      [record("c", 300), record("a", 100), record("b", 200)],
      new Set(),
    );
    expect(records.map((r) => [r.id, r.serial])).toEqual([
      ["c", 3],
      ["a", 1],
      ["b", 2],
    ]);
    expect(changed.sort()).toEqual(["a", "b", "c"]);
  });

  it("keeps the numbers records have and counts on above the highest", () => {
    const { records, changed } = assignMissingSerials(
      [record("new", 400), record("kept", 300, 5), record("old", 100), record("cell", 200, null)],
      new Set(),
    );
    expect(Object.fromEntries(records.map((r) => [r.id, r.serial]))).toEqual({
      new: 7,
      kept: 5,
      old: 6,
      cell: null,
    });
    expect(changed.sort()).toEqual(["new", "old"]);
  });

  it("gives a sweep's cells no number, so loose runs do not skip any", () => {
    const { records } = assignMissingSerials(
      [record("a", 100), record("cell-1", 150), record("cell-2", 160), record("b", 200)],
      new Set(["cell-1", "cell-2"]),
    );
    expect(records.map((r) => r.serial)).toEqual([1, null, null, 2]);
  });

  it("starts above a given number, and breaks ties in time by id", () => {
    const { records } = assignMissingSerials([record("y", 100), record("x", 100)], new Set(), 9);
    expect(records.map((r) => [r.id, r.serial])).toEqual([
      ["y", 11],
      ["x", 10],
    ]);
  });
});
