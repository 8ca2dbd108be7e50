import { describe, expect, it } from "vitest";
import { historyRun } from "@/tests/fixtures/history";
import { parseSidecar, sidecarImagePath, sidecarToRun, toSidecar } from "./sidecar";
import { HISTORY_VERSION, type HistoryRun } from "./types";

/** A completed run as history keeps it (the request has every default filled in). */
function sampleRun(overrides: Partial<HistoryRun> = {}): HistoryRun {
  const base = historyRun({
    requestId: "req-1",
    request: {
      image_url: "https://example.com/in.png",
      prompt: "Make it snow — ❄️ 雪",
      seed: 42,
      loras: [{ path: "https://example.com/lora.safetensors", scale: 0.8 }],
    },
    images: [
      {
        url: "https://cdn.example.com/out.png",
        width: 1024,
        height: 768,
        content_type: "image/png",
      },
    ],
    inference: 2.5,
    inputThumbnail: "data:image/jpeg;base64,AAAA",
    parentId: "run-0",
    isFavourite: true,
  });
  return { ...base, ...overrides };
}

function sidecarText(
  mutate: (doc: Record<string, unknown> & { run: Record<string, unknown> }) => void,
) {
  const doc = JSON.parse(JSON.stringify(toSidecar(sampleRun(), ["images/run-1-1.png"])));
  mutate(doc);
  return JSON.stringify(doc);
}

function refusal(text: string): string {
  const result = parseSidecar(text);
  if (result.ok) throw new Error("expected a refusal");
  return result.message;
}

describe("run sidecar", () => {
  it("has the documented shape", () => {
    const run = sampleRun();
    const sidecar = toSidecar(run, [sidecarImagePath(run.id, 0)]);
    expect(sidecar).toEqual({
      format: "kontext-playground/run",
      version: HISTORY_VERSION,
      run: {
        id: "run-1",
        createdAt: run.createdAt,
        status: "completed",
        requestId: "req-1",
        request: run.request,
        response: run.output,
        parentId: "run-0",
        isFavourite: true,
        backend: "fal",
        priceUsd: 0.035,
      },
      images: [
        {
          file: "images/run-1-1.png",
          url: "https://cdn.example.com/out.png",
          width: 1024,
          height: 768,
          content_type: "image/png",
        },
      ],
    });
  });

  it("round-trips run → JSON → sidecar → run with the exact request and response", () => {
    const run = sampleRun();
    const parsed = parseSidecar(JSON.stringify(toSidecar(run, ["images/run-1-1.png"])));
    if (!parsed.ok) throw new Error(parsed.message);
    const back = sidecarToRun(parsed.sidecar);
    expect(back.request).toEqual(run.request);
    expect(back.output).toEqual(run.output);
    expect(back).toEqual({
      ...run,
      finishedAt: run.createdAt,
      inputThumbnail: null,
      error: null,
    });
  });

  it("fills what the sidecar lacks: size from the request when there is no image", () => {
    const run = sampleRun({
      status: "failed",
      output: null,
      error: { kind: "server", message: "boom" },
      request: { ...sampleRun().request, resolution_mode: "16:9" },
    });
    const parsed = parseSidecar(JSON.stringify(toSidecar(run)));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.sidecar.images).toEqual([]);
    const back = sidecarToRun(parsed.sidecar);
    expect(back.output).toBeNull();
    expect(back.predictedSize).toEqual({ width: 1360, height: 768 });
    expect(back.finishedAt).toBe(run.createdAt);
    const queued = sidecarToRun({
      ...parsed.sidecar,
      run: { ...parsed.sidecar.run, status: "queued" },
    });
    expect(queued.finishedAt).toBeNull();
    expect(queued.predictedSize).toEqual({ width: 1360, height: 768 });
  });

  it("keeps data URIs and unicode exactly", () => {
    const run = sampleRun({
      request: { ...sampleRun().request, image_url: "data:image/png;base64,iVBORw0KGgo=" },
    });
    const parsed = parseSidecar(JSON.stringify(toSidecar(run)));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.sidecar.run.request).toEqual(run.request);
  });

  it("refuses text that is not JSON", () => {
    expect(refusal("{nope")).toBe("This file is not valid JSON");
  });

  it("refuses JSON that is not a run, naming what it is", () => {
    expect(refusal("[1,2]")).toBe(
      "This JSON is not a Kontext Playground run (it is a list, not an object)",
    );
    expect(refusal('"hi"')).toBe(
      "This JSON is not a Kontext Playground run (it is a string, not an object)",
    );
    expect(refusal('{"name":"x"}')).toBe(
      "This JSON is not a Kontext Playground run (no 'format' field)",
    );
    expect(refusal('{"format":"comfyui/workflow"}')).toBe(
      'This JSON is not a Kontext Playground run (its format is "comfyui/workflow")',
    );
    expect(refusal('{"format":"kontext-playground/export","version":1}')).toBe(
      "This JSON is not a Kontext Playground run (it is a Kontext Playground export manifest)",
    );
  });

  it("refuses a sidecar from a newer version and one without a version", () => {
    expect(
      refusal(
        sidecarText((doc) => {
          doc.version = HISTORY_VERSION + 1;
        }),
      ),
    ).toBe(
      `This run was written by a newer version of Kontext Playground (format version ${HISTORY_VERSION + 1}; this one reads up to ${HISTORY_VERSION}). Update the playground to open it.`,
    );
    expect(
      refusal(
        sidecarText((doc) => {
          delete doc.version;
        }),
      ),
    ).toBe("This Kontext Playground run has no valid 'version' field");
  });

  it("names an invalid request field", () => {
    expect(
      refusal(
        sidecarText((doc) => {
          (doc.run.request as Record<string, unknown>).guidance_scale = 99;
        }),
      ),
    ).toBe("Invalid request field 'guidance_scale': guidance_scale must be at most 20");
    expect(
      refusal(
        sidecarText((doc) => {
          (doc.run.request as Record<string, unknown>).colour = "red";
        }),
      ),
    ).toBe("Invalid request field unknown field colour");
    expect(
      refusal(
        sidecarText((doc) => {
          delete doc.run.request;
        }),
      ),
    ).toBe("The run has no 'request'");
  });

  it("names an invalid response field, run field and image entry", () => {
    expect(
      refusal(
        sidecarText((doc) => {
          (doc.run.response as Record<string, unknown>).seed = "x";
        }),
      ),
    ).toMatch(/^Invalid response field 'seed': /);
    expect(
      refusal(
        sidecarText((doc) => {
          doc.run.status = "done";
        }),
      ),
    ).toMatch(/^Invalid run field 'run\.status': /);
    expect(
      refusal(
        sidecarText((doc) => {
          Reflect.deleteProperty(doc, "run");
        }),
      ),
    ).toBe("The run is missing its 'run' object");
    expect(
      refusal(
        sidecarText((doc) => {
          (doc.images as Record<string, unknown>[])[0] = {
            file: "../../etc/passwd",
            url: "",
            width: 1,
            height: 1,
            content_type: "image/png",
          };
        }),
      ),
    ).toBe("Invalid image entry 'images.0.file': must be a file path under images/");
  });
});
