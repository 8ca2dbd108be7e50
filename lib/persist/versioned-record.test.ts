import { describe, expect, it } from "vitest";
import * as z from "@/lib/kontext/zod";
import { describeIssues, FILE_IMPORT_STYLE, STORED_RECORD_STYLE } from "./issues";
import {
  olderFormat,
  type RecordFamily,
  type RecordFormat,
  type RecordProblem,
  unwrap,
  wrap,
} from "./versioned-record";

class TestError extends Error {
  constructor(
    message: string,
    readonly problem: RecordProblem,
    readonly version: number | null,
  ) {
    super(message);
  }
}

const family: RecordFamily = {
  version: 2,
  recordName: "test record",
  newerAdvice: "It is kept.",
  damagedNamesFormat: true,
  checksEnvelope: true,
  issueStyle: STORED_RECORD_STYLE,
  error: (message, problem, version) => new TestError(message, problem, version),
};

const v2 = z.object({ name: z.string(), tags: z.array(z.string()), size: z.number() });
const FORMAT: RecordFormat<typeof v2> = {
  family,
  what: "thing",
  schema: v2,
  older: {
    0: olderFormat(z.object({ title: z.string() }), ({ title }) => ({ name: title, tags: [] })),
    1: olderFormat(z.object({ name: z.string(), tags: z.array(z.string()) }), (data) => ({
      ...data,
      size: 0,
    })),
  },
};

describe("versioned records", () => {
  it("reads the oldest format through every step of the migration chain", () => {
    expect(unwrap(FORMAT, { version: 0, data: { title: "a" } })).toEqual({
      name: "a",
      tags: [],
      size: 0,
    });
    expect(unwrap(FORMAT, { version: 1, data: { name: "b", tags: ["x"] } })).toEqual({
      name: "b",
      tags: ["x"],
      size: 0,
    });
  });

  it("wraps a current record and reads it back unchanged", () => {
    const thing = { name: "c", tags: [], size: 3 };
    expect(wrap(FORMAT, thing, 5)).toEqual({ version: 2, data: thing, savedAt: 5 });
    expect(unwrap(FORMAT, wrap(FORMAT, thing))).toEqual(thing);
  });

  it("names the problem in the family's words", () => {
    expect(() => unwrap(FORMAT, { version: 3, data: {} })).toThrow(
      "The stored thing was saved by a newer version of Kontext Playground " +
        "(format 3; this version reads up to format 2). It is kept.",
    );
    expect(() => unwrap(FORMAT, [])).toThrow("The stored thing is not a test record");
    expect(() => unwrap(FORMAT, { version: 0, data: {} })).toThrow(
      "The stored thing (format 0) is damaged: title:",
    );
    expect(() => unwrap({ ...FORMAT, older: {} }, { version: 1, data: {} })).toThrow(
      "The stored thing has an unknown format version 1.",
    );
    expect(() => wrap(FORMAT, { name: "d", tags: [], size: "big" as unknown as number })).toThrow(
      "Refusing to save a thing that could not be read back: size:",
    );
  });
});

describe("describeIssues", () => {
  const error = z
    .strictObject({ a: z.string(), b: z.string(), c: z.string(), d: z.string() })
    .safeParse({ e: 1 }).error as z.core.$ZodError;

  it("shows the first few issues of a stored record", () => {
    expect(describeIssues(error, STORED_RECORD_STYLE)).toMatch(
      /^a: [^;]+; b: [^;]+; c: [^;]+ \(and 2 more\)$/,
    );
  });

  it("shows every issue of an imported file, quoted, naming unknown fields", () => {
    const text = describeIssues(error, FILE_IMPORT_STYLE, "run");
    expect(text).toContain("'run.a': ");
    expect(text).toContain("'run': unknown field e");
    expect(text.split("; ")).toHaveLength(5);
  });
});
