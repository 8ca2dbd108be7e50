import { ENDPOINT_ID } from "@/lib/kontext/endpoint";
import type { KontextRequest } from "@/lib/kontext/schema";
import { isDataUri } from "./recipe";

/**
 * Code that sends one exact request to `fal-ai/flux-kontext-lora`, in cURL, Python (`fal-client`)
 * and JavaScript (`@fal-ai/client`), written like the usage examples of the endpoint's docs.
 * The key always comes from the `FAL_KEY` environment variable. Every value is written as a
 * literal the target language reads back exactly (JSON inside single quotes for the shell;
 * escaped string literals for Python and JavaScript), so prompts with quotes, newlines, `$`,
 * backticks or anything else cannot break out of it. A data URI input (a file picked from disk)
 * is not copied into the code: the snippet uploads the file first (Python, JavaScript) or holds
 * {@link IMAGE_URL_PLACEHOLDER} (cURL), with a comment saying so.
 */

/** What a cURL snippet sends as `image_url` when the input was a local file. */
export const IMAGE_URL_PLACEHOLDER = "<URL of your uploaded input image>";

/** Code written into a literal as it is: the name of a variable. */
class Code {
  constructor(readonly text: string) {}
}

type Style = "json" | "python" | "javascript";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * `value` as a literal of `style`, pretty-printed (one entry per line, like `JSON.stringify` with
 * an indent), its first line unindented and the others starting at `indent`. Strings use JSON's
 * escapes, which Python and JavaScript string literals read the same way.
 */
function literal(value: unknown, style: Style, indent: string, step = "  "): string {
  if (value instanceof Code) return value.text;
  if (value === null) return style === "python" ? "None" : "null";
  if (typeof value === "boolean") {
    if (style !== "python") return String(value);
    return value ? "True" : "False";
  }
  if (typeof value === "number" || typeof value === "string") return JSON.stringify(value);
  const inner = indent + step;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((item) => inner + literal(item, style, inner, step));
    return `[\n${items.join(",\n")}\n${indent}]`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value).filter(([, entry]) => entry !== undefined);
    if (entries.length === 0) return "{}";
    const lines = entries.map(([key, entry]) => {
      const name = style === "javascript" && IDENTIFIER.test(key) ? key : JSON.stringify(key);
      return `${inner}${name}: ${literal(entry, style, inner, step)}`;
    });
    return `{\n${lines.join(",\n")}\n${indent}}`;
  }
  throw new Error(`Cannot write ${typeof value} into a snippet`);
}

/** The input file a snippet uploads in place of a data URI: a file name and its MIME type. */
interface LocalInput {
  fileName: string;
  contentType: string;
}

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
  "image/avif": "avif",
};

/** Null when `image_url` is a URL; else the local file it stood for (PNG unless it says). */
function localInput(request: KontextRequest): LocalInput | null {
  if (!isDataUri(request.image_url)) return null;
  const type = /^\s*data:([a-z]+\/[a-z0-9.+-]+)/i.exec(request.image_url)?.[1]?.toLowerCase();
  const extension = type ? EXTENSIONS[type] : undefined;
  return extension && type
    ? { fileName: `input-image.${extension}`, contentType: type }
    : { fileName: "input-image.png", contentType: "image/png" };
}

/** `text` as one shell word: single-quoted, each `'` written as `'\''`. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * A cURL command that POSTs `request` to `https://fal.run/fal-ai/flux-kontext-lora` (the
 * synchronous endpoint, as the docs' example), authorised by `$FAL_KEY`. The body is the
 * request's pretty JSON in one single-quoted shell word. A data URI input becomes
 * {@link IMAGE_URL_PLACEHOLDER}, with a comment on how to upload the file.
 */
export function curlSnippet(request: KontextRequest): string {
  const local = localInput(request);
  const body = local ? { ...request, image_url: IMAGE_URL_PLACEHOLDER } : request;
  const json = JSON.stringify(body, null, 2).split("\n").join("\n   ");
  const comment = local
    ? [
        "# The input image was a local file, which this command does not carry. Upload it first",
        `# (fal_client.upload_file in Python, fal.storage.upload in JavaScript) and put the URL`,
        `# it returns in place of "${IMAGE_URL_PLACEHOLDER}".`,
      ]
    : [];
  return [
    ...comment,
    "curl --request POST \\",
    `  --url https://fal.run/${ENDPOINT_ID} \\`,
    `  --header "Authorization: Key $FAL_KEY" \\`,
    `  --header "Content-Type: application/json" \\`,
    `  --data ${shellQuote(json)}`,
  ].join("\n");
}

/**
 * A Python script that runs `request` with `fal_client.subscribe`, printing the queue's logs and
 * the result (`pip install fal-client`; the client reads `FAL_KEY`). A data URI input is
 * uploaded first with `fal_client.upload_file` from a local file the comment names.
 */
export function pythonSnippet(request: KontextRequest): string {
  const local = localInput(request);
  const args = local ? { ...request, image_url: new Code("image_url") } : request;
  const upload = local
    ? [
        "# The input image was a local file, which this script does not carry: upload it to",
        "# fal's storage and pass the URL that returns.",
        `image_url = fal_client.upload_file(${JSON.stringify(local.fileName)})`,
        "",
      ]
    : [];
  return [
    "import fal_client",
    "",
    "# fal_client reads your key from the FAL_KEY environment variable.",
    "",
    ...upload,
    "def on_queue_update(update):",
    "    if isinstance(update, fal_client.InProgress):",
    "        for log in update.logs:",
    `            print(log["message"])`,
    "",
    "result = fal_client.subscribe(",
    `    ${JSON.stringify(ENDPOINT_ID)},`,
    `    arguments=${literal(args, "python", "    ", "    ")},`,
    "    with_logs=True,",
    "    on_queue_update=on_queue_update,",
    ")",
    "print(result)",
  ].join("\n");
}

/**
 * A JavaScript module that runs `request` with `fal.subscribe` from `@fal-ai/client`, logging
 * the queue's logs, the result and its request id (the client reads `FAL_KEY` in Node). A data
 * URI input is uploaded first with `fal.storage.upload` from a local file the comment names.
 */
export function javascriptSnippet(request: KontextRequest): string {
  const local = localInput(request);
  const input = local ? { ...request, image_url: new Code("imageUrl") } : request;
  const upload = local
    ? [
        "// The input image was a local file, which this script does not carry: upload it to",
        "// fal's storage (fal.storage.upload takes a File or Blob) and pass the URL it returns.",
        "const imageUrl = await fal.storage.upload(",
        `  new Blob([await readFile(${JSON.stringify(local.fileName)})], { type: ${JSON.stringify(local.contentType)} }),`,
        ");",
        "",
      ]
    : [];
  return [
    `import { fal } from "@fal-ai/client";`,
    ...(local ? [`import { readFile } from "node:fs/promises";`] : []),
    "",
    "// In Node, the client reads your key from the FAL_KEY environment variable.",
    "",
    ...upload,
    `const result = await fal.subscribe(${JSON.stringify(ENDPOINT_ID)}, {`,
    `  input: ${literal(input, "javascript", "  ")},`,
    "  logs: true,",
    "  onQueueUpdate: (update) => {",
    `    if (update.status === "IN_PROGRESS") {`,
    "      update.logs.map((log) => log.message).forEach(console.log);",
    "    }",
    "  },",
    "});",
    "console.log(result.data);",
    "console.log(result.requestId);",
  ].join("\n");
}
