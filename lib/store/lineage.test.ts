import { describe, expect, it } from "vitest";
import { lineageOf } from "./lineage";

const run = (id: string, parentId: string | null = null) => ({ id, parentId });

describe("lineageOf", () => {
  // Newest first, as the store keeps them: a → b → c, and a → d.
  const runs = [run("d", "a"), run("c", "b"), run("b", "a"), run("a")];

  it("follows parents back to the first edit, oldest first", () => {
    expect(lineageOf(runs, "c")).toEqual({
      chain: ["a", "b", "c"],
      children: [],
      hasMissingAncestor: false,
    });
  });

  it("lists the runs edited from a run, oldest first", () => {
    expect(lineageOf(runs, "a").children).toEqual(["b", "d"]);
    expect(lineageOf(runs, "a").chain).toEqual(["a"]);
  });

  it("stops at a parent that was deleted, and says so", () => {
    expect(lineageOf([run("c", "b"), run("b", "gone")], "c")).toEqual({
      chain: ["b", "c"],
      children: [],
      hasMissingAncestor: true,
    });
  });

  it("stops at a loop instead of running forever", () => {
    expect(lineageOf([run("x", "y"), run("y", "x")], "x").chain).toEqual(["y", "x"]);
    expect(lineageOf([run("z", "z")], "z")).toEqual({
      chain: ["z"],
      children: [],
      hasMissingAncestor: false,
    });
  });

  it("gives an empty chain for an unknown run", () => {
    expect(lineageOf(runs, "nope")).toEqual({ chain: [], children: [], hasMissingAncestor: false });
  });
});
