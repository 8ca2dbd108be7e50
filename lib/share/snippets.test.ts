import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { KontextRequest } from "@/lib/kontext/schema";
import { NASTY_PROMPT, request, TINY_PNG } from "@/tests/fixtures/share";
import { OMITTED_DATA_URI } from "./recipe";
import { curlSnippet, IMAGE_URL_PLACEHOLDER, javascriptSnippet, pythonSnippet } from "./snippets";

const plain = request();
const nasty = request({
  prompt: NASTY_PROMPT,
  seed: undefined,
  loras: [
    { path: 'https://x.example/it\'s "q" $(id) `id`.safetensors', scale: 0.05 },
    { path: "owner/repo\\weights'; echo INJECTED; '", scale: 4 },
  ],
});
const fromDisk = request({ image_url: TINY_PNG, prompt: NASTY_PROMPT });
const REQUESTS: [string, KontextRequest][] = [
  ["a plain request", plain],
  ["a prompt and LoRA paths built to break quoting", nasty],
];

const workDir = mkdtempSync(path.join(tmpdir(), "snippets-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/**
 * Runs the cURL snippet in bash with `curl` replaced by a function that prints its arguments.
 * It runs in a scratch directory that is also its HOME, so even a quoting bug cannot reach
 * anything else.
 */
function runCurl(snippet: string): string[] {
  const script = `curl() { printf '%s\\0' "$@"; }\n${snippet}\n`;
  const result = spawnSync("bash", ["--norc", "--noprofile", "-c", script], {
    cwd: workDir,
    env: { NODE_ENV: "test", PATH: process.env.PATH ?? "", HOME: workDir, FAL_KEY: "test-key" },
    encoding: "utf8",
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result.stdout.split("\0").slice(0, -1);
}

const hasPython = spawnSync("python3", ["--version"]).status === 0;

/** Runs the Python snippet with a stand-in `fal_client` module that prints what it was given. */
function runPython(snippet: string): {
  application: string;
  arguments: unknown;
  uploaded: string[];
} {
  writeFileSync(
    path.join(workDir, "fal_client.py"),
    [
      "import json",
      "uploaded = []",
      "class InProgress:",
      "    def __init__(self, logs):",
      "        self.logs = logs",
      "def upload_file(path):",
      "    uploaded.append(path)",
      "    return 'https://uploaded.example/' + path",
      "def subscribe(application, arguments, with_logs, on_queue_update):",
      "    on_queue_update(InProgress([{'message': 'step 1'}]))",
      "    print(json.dumps({'application': application, 'arguments': arguments, 'uploaded': uploaded}))",
      "    return {'images': []}",
    ].join("\n"),
  );
  const file = path.join(workDir, "snippet.py");
  writeFileSync(file, snippet);
  const result = spawnSync("python3", [file], {
    cwd: workDir,
    env: {
      NODE_ENV: "test",
      PATH: process.env.PATH ?? "",
      HOME: workDir,
      PYTHONPATH: workDir,
      PYTHONIOENCODING: "utf-8",
    },
    encoding: "utf8",
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  const [log, call, printed] = result.stdout.split("\n");
  expect(log).toBe("step 1");
  expect(printed).toBe("{'images': []}");
  return JSON.parse(call ?? "");
}

type AsyncFunctionConstructor = new (...args: string[]) => (...values: unknown[]) => Promise<void>;
const AsyncFunction = (async () => {}).constructor as AsyncFunctionConstructor;

/**
 * Runs the JavaScript snippet (V8 parses it) with stand-ins for `fal` and `readFile`; its import
 * lines, which a function body cannot hold, are checked and removed first.
 */
async function runJavascript(snippet: string) {
  const lines = snippet.split("\n");
  const imports = lines.filter((line) => line.startsWith("import "));
  expect(imports[0]).toBe(`import { fal } from "@fal-ai/client";`);
  const body = lines.filter((line) => !line.startsWith("import ")).join("\n");
  const calls: { endpoint?: string; options?: Record<string, unknown>; uploads: Blob[] } = {
    uploads: [],
  };
  const logged: unknown[] = [];
  const fal = {
    subscribe: async (endpoint: string, options: Record<string, unknown>) => {
      calls.endpoint = endpoint;
      calls.options = options;
      const onQueueUpdate = options.onQueueUpdate as (update: unknown) => void;
      onQueueUpdate({ status: "IN_PROGRESS", logs: [{ message: "step 1" }] });
      return { data: { images: [] }, requestId: "req-1" };
    },
    storage: {
      upload: async (blob: Blob) => {
        calls.uploads.push(blob);
        return "https://uploaded.example/input";
      },
    },
  };
  const readFile = async (file: string) => new TextEncoder().encode(`bytes of ${file}`);
  const console = { log: (value: unknown) => logged.push(value) };
  await new AsyncFunction("fal", "readFile", "console", body)(fal, readFile, console);
  expect(logged).toEqual(["step 1", { images: [] }, "req-1"]);
  return { ...calls, imports };
}

describe("curlSnippet", () => {
  it("follows the docs' example: POST to fal.run, key from $FAL_KEY, JSON body", () => {
    const minimal = request({ loras: [], seed: undefined });
    expect(curlSnippet(minimal)).toBe(
      [
        "curl --request POST \\",
        "  --url https://fal.run/fal-ai/flux-kontext-lora \\",
        '  --header "Authorization: Key $FAL_KEY" \\',
        '  --header "Content-Type: application/json" \\',
        "  --data '{",
        '     "image_url": "https://v3.fal.media/files/rabbit/input-Zq3x.png",',
        '     "prompt": "Make it a watercolour painting",',
        '     "num_inference_steps": 30,',
        '     "guidance_scale": 2.5,',
        '     "sync_mode": false,',
        '     "num_images": 1,',
        '     "enable_safety_checker": true,',
        '     "output_format": "png",',
        '     "loras": [],',
        '     "acceleration": "none",',
        '     "resolution_mode": "match_input"',
        "   }'",
      ].join("\n"),
    );
  });

  it.each(REQUESTS)("sends exactly the request when bash runs it, for %s", (_, body) => {
    const args = runCurl(curlSnippet(body));
    expect(args.slice(0, -1)).toEqual([
      "--request",
      "POST",
      "--url",
      "https://fal.run/fal-ai/flux-kontext-lora",
      "--header",
      "Authorization: Key test-key",
      "--header",
      "Content-Type: application/json",
      "--data",
    ]);
    expect(JSON.parse(args.at(-1) ?? "")).toEqual(body);
  });

  it("sends a placeholder for a local input file and says how to upload it", () => {
    const snippet = curlSnippet(fromDisk);
    expect(snippet).not.toContain("base64");
    expect(snippet).toMatch(/^# The input image was a local file/);
    expect(snippet).toContain("fal.storage.upload");
    expect(JSON.parse(runCurl(snippet).at(-1) ?? "")).toEqual({
      ...fromDisk,
      image_url: IMAGE_URL_PLACEHOLDER,
    });
  });
});

describe.skipIf(!hasPython)("pythonSnippet (run by python3)", () => {
  it.each(REQUESTS)("passes exactly the request to fal_client.subscribe, for %s", (_, body) => {
    const call = runPython(pythonSnippet(body));
    expect(call.application).toBe("fal-ai/flux-kontext-lora");
    expect(call.arguments).toEqual(body);
    expect(call.uploaded).toEqual([]);
  });

  it("uploads a local input file with fal_client.upload_file and passes its URL", () => {
    const snippet = pythonSnippet(fromDisk);
    expect(snippet).not.toContain("base64");
    const call = runPython(snippet);
    expect(call.uploaded).toEqual(["input-image.png"]);
    expect(call.arguments).toEqual({
      ...fromDisk,
      image_url: "https://uploaded.example/input-image.png",
    });
  });
});

describe("pythonSnippet", () => {
  it("follows the docs' example: subscribe with logs and arguments as a dict", () => {
    const snippet = pythonSnippet(request({ loras: [{ path: "a/b", scale: 1 }] }));
    expect(snippet).toMatch(/^import fal_client\n/);
    expect(snippet).toContain(
      [
        "result = fal_client.subscribe(",
        '    "fal-ai/flux-kontext-lora",',
        "    arguments={",
        '        "image_url": "https://v3.fal.media/files/rabbit/input-Zq3x.png",',
      ].join("\n"),
    );
    expect(snippet).toContain(
      [
        '        "sync_mode": False,',
        '        "num_images": 1,',
        '        "enable_safety_checker": True,',
        '        "output_format": "png",',
        '        "loras": [',
        "            {",
        '                "path": "a/b",',
        '                "scale": 1',
        "            }",
        "        ],",
      ].join("\n"),
    );
    expect(snippet).toMatch(
      / {4}with_logs=True,\n {4}on_queue_update=on_queue_update,\n\)\nprint\(result\)$/,
    );
  });
});

describe("javascriptSnippet", () => {
  it("follows the docs' example: fal.subscribe with input, logs and onQueueUpdate", () => {
    const snippet = javascriptSnippet(request({ seed: 7 }));
    expect(snippet).toContain(
      [
        'const result = await fal.subscribe("fal-ai/flux-kontext-lora", {',
        "  input: {",
        '    image_url: "https://v3.fal.media/files/rabbit/input-Zq3x.png",',
        '    prompt: "Make it a watercolour painting",',
        "    num_inference_steps: 30,",
        "    seed: 7,",
      ].join("\n"),
    );
    expect(snippet).toMatch(/console\.log\(result\.data\);\nconsole\.log\(result\.requestId\);$/);
  });

  it.each(
    REQUESTS,
  )("passes exactly the request to fal.subscribe when run, for %s", async (_, body) => {
    const call = await runJavascript(javascriptSnippet(body));
    expect(call.endpoint).toBe("fal-ai/flux-kontext-lora");
    expect(call.options?.input).toEqual(body);
    expect(call.options?.logs).toBe(true);
    expect(call.uploads).toEqual([]);
    expect(call.imports).toHaveLength(1);
  });

  it("uploads a local input file with fal.storage.upload and passes its URL", async () => {
    const snippet = javascriptSnippet(fromDisk);
    expect(snippet).not.toContain("base64");
    const call = await runJavascript(snippet);
    expect(call.imports[1]).toBe(`import { readFile } from "node:fs/promises";`);
    expect(call.uploads).toHaveLength(1);
    expect(call.uploads[0]?.type).toBe("image/png");
    expect(await call.uploads[0]?.text()).toBe("bytes of input-image.png");
    expect(call.options?.input).toEqual({
      ...fromDisk,
      image_url: "https://uploaded.example/input",
    });
  });
});

describe("every snippet", () => {
  it("names the key only as FAL_KEY and never carries a data URI, the omitted marker included", () => {
    for (const body of [plain, nasty, fromDisk, request({ image_url: OMITTED_DATA_URI })]) {
      for (const snippet of [curlSnippet(body), pythonSnippet(body), javascriptSnippet(body)]) {
        expect(snippet).toContain("FAL_KEY");
        expect(snippet).not.toMatch(/data:/);
      }
    }
  });

  it("names the upload file after the data URI's image type", async () => {
    const jpeg = request({ image_url: "data:image/jpeg;base64,/9j/4AAQ" });
    expect(pythonSnippet(jpeg)).toContain('fal_client.upload_file("input-image.jpg")');
    const call = await runJavascript(javascriptSnippet(jpeg));
    expect(call.uploads[0]?.type).toBe("image/jpeg");
  });
});
