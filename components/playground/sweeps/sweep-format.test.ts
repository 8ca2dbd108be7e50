import { describe, expect, it } from "vitest";
import { formatSweepProgress, sweepProgress, sweepTitle } from "./sweep-format";

describe("sweep format", () => {
  it("names a sweep by what it varied", () => {
    expect(sweepTitle({ axes: [{ kind: "lora_scale", text: "", labels: [] }] })).toBe("LoRA scale");
    expect(
      sweepTitle({
        axes: [
          { kind: "lora", text: "", labels: [] },
          { kind: "prompt", text: "", labels: [] },
        ],
      }),
    ).toBe("LoRAs × Prompt variants");
  });

  it("names a LoRA scale axis after the stack LoRA it scales", () => {
    const axes = [
      {
        kind: "lora_scale" as const,
        text: "",
        labels: [],
        target: { kind: "stack" as const, path: "p" },
      },
      { kind: "seed" as const, text: "", labels: [] },
    ];
    expect(sweepTitle({ axes }, (path) => (path === "p" ? "Plushie" : "?"))).toBe(
      "Plushie scale × Seeds",
    );
  });

  it("counts cells by where they are", () => {
    const runs = {
      a: { phase: "completed", finishedAt: 1 },
      b: { phase: "failed", finishedAt: 1 },
      c: { phase: "running", finishedAt: null },
      d: { phase: "cancelled", finishedAt: 1 },
    } as const;
    const cell = (status: "pending" | "started" | "cancelled", runId: string | null) => ({
      status,
      runId,
    });
    const progress = sweepProgress(
      {
        cells: [
          cell("started", "a"),
          cell("started", "b"),
          cell("started", "c"),
          cell("started", "d"),
          cell("pending", null),
          cell("cancelled", null),
          cell("started", "gone"),
        ] as never,
      },
      (id) => runs[id as keyof typeof runs],
    );
    expect(progress).toEqual({ total: 7, done: 1, failed: 1, cancelled: 2, active: 1, pending: 2 });
    expect(formatSweepProgress(progress)).toBe(
      "1 of 7 done · 1 running · 2 waiting · 1 failed · 2 cancelled",
    );
  });
});
