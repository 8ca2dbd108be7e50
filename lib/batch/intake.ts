import { errorMessage } from "@/lib/domain/app-error";
import type { Size } from "@/lib/kontext/resolution";
import { type CandidateFile, describeRefused, screenFiles, sniffImageType } from "./files";
import { MAX_BATCH_ITEMS, parseImageList } from "./list";
import type { BatchInput } from "./record";
import { readZipImages } from "./zip-input";

/**
 * Gathering the inputs of the next batch from what a person drops, chooses or pastes: images are
 * screened (`screenFiles`) and read with the same `prepareFile` as a single upload (size after
 * EXIF orientation, downscaled when that is on); zips are unpacked (`readZipImages`); URL lists
 * and CSVs are parsed (`parseImageList`), their URLs probed for their size a few at a time, and a
 * CSV's `file` rows give files gathered with it their own prompts. Everything left out comes back
 * as a problem line for people.
 */

/** One input gathered for the next batch, before it is created. */
export interface PendingBatchInput {
  /** The input's SHA-256 (files) or URL (URL inputs): unique among the pending inputs. */
  key: string;
  input: BatchInput;
  /** Its own prompt (a CSV row's); null: the recipe's. */
  prompt: string | null;
  /** The file to upload (downscaled when that is on); null for URL inputs. Never persisted. */
  blob: Blob | null;
}

/** What reading some inputs gave. */
export interface Intake {
  inputs: PendingBatchInput[];
  problems: string[];
}

/** The services reading needs (the store's, so tests pass fakes). */
export interface IntakeServices {
  prepareFile: (
    file: File,
    options: { downscale: boolean },
  ) => Promise<{ file: Blob; width: number; height: number }>;
  probeUrl: (url: string) => Promise<Size>;
}

/** How many URLs are probed for their size at once. */
export const PROBE_CONCURRENCY = 4;

/** Runs `work` over `values`, `limit` at a time; results in the order of `values`. */
async function mapLimited<T, R>(
  values: readonly T[],
  limit: number,
  work: (value: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(values.length);
  let next = 0;
  const worker = async () => {
    while (next < values.length) {
      const index = next++;
      results[index] = await work(values[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
  return results;
}

/** A file's name without its folders. */
function baseName(name: string): string {
  return name.slice(name.lastIndexOf("/") + 1);
}

/** Dropped files sorted by what they are: images (zips unpacked) and lists. */
export interface SortedDrop {
  images: CandidateFile[];
  lists: File[];
  problems: string[];
}

/**
 * Sorts dropped files: a zip (by its bytes or name) gives its images, a `.csv`/`.txt` (or text)
 * file that is not an image is a list, anything else is screened as an image. Files in a dropped
 * folder are named by their path in it.
 */
export async function sortDroppedFiles(files: readonly File[]): Promise<SortedDrop> {
  const sorted: SortedDrop = { images: [], lists: [], problems: [] };
  for (const file of files) {
    const head = new Uint8Array(await file.slice(0, 64).arrayBuffer());
    const isZip = (head[0] === 0x50 && head[1] === 0x4b) || /\.zip$/i.test(file.name);
    const isList =
      !sniffImageType(head) &&
      (/\.(csv|txt)$/i.test(file.name) || file.type === "text/csv" || file.type === "text/plain");
    if (isZip) {
      const unzipped = await readZipImages(new Uint8Array(await file.arrayBuffer()));
      if (!unzipped.ok) {
        sorted.problems.push(`${file.name}: ${unzipped.message}`);
        continue;
      }
      sorted.images.push(...unzipped.accepted.map(({ name, blob }) => ({ name, blob })));
      sorted.problems.push(...unzipped.refused.map(describeRefused));
    } else if (isList) {
      sorted.lists.push(file);
    } else {
      sorted.images.push({ name: file.webkitRelativePath || file.name, blob: file });
    }
  }
  return sorted;
}

/**
 * Screens image files against those `gathered` already, and reads each kept one with
 * `prepareFile` (`downscale` as the form's setting). At most what is left of
 * {@link MAX_BATCH_ITEMS}.
 */
export async function readImageFiles(
  candidates: readonly CandidateFile[],
  gathered: readonly PendingBatchInput[],
  options: { downscale: boolean; services: IntakeServices },
): Promise<Intake> {
  const known = new Map(
    gathered.flatMap((each) => (each.input.hash ? [[each.input.hash, each.input.name]] : [])) as [
      string,
      string,
    ][],
  );
  const screened = await screenFiles(candidates, {
    known,
    max: MAX_BATCH_ITEMS - gathered.length,
  });
  const problems = screened.refused.map(describeRefused);
  const inputs: PendingBatchInput[] = [];
  for (const file of screened.accepted) {
    try {
      const named = new File([file.blob], baseName(file.name), { type: file.type });
      const prepared = await options.services.prepareFile(named, { downscale: options.downscale });
      inputs.push({
        key: file.hash,
        input: {
          name: file.name,
          source: "file",
          hash: file.hash,
          url: null,
          bytes: prepared.file.size,
          width: prepared.width,
          height: prepared.height,
        },
        prompt: null,
        blob: prepared.file,
      });
    } catch (error) {
      problems.push(`${file.name}: ${errorMessage(error)}`);
    }
  }
  return { inputs, problems };
}

/** What reading a list gave: new URL inputs, and prompts for inputs gathered already. */
export interface ListIntake extends Intake {
  /** A CSV's `file` rows: the prompt each names for a gathered input, by its key. */
  prompts: Map<string, string | null>;
}

/**
 * Reads a URL list or CSV (see `parseImageList`): each URL is probed for its size (a failure is
 * a problem on its line); `file` rows are matched, by file name ignoring case, to `gathered`
 * inputs, whose prompts they set.
 */
export async function readImageList(
  text: string,
  gathered: readonly PendingBatchInput[],
  services: Pick<IntakeServices, "probeUrl">,
): Promise<ListIntake> {
  const all = parseImageList(text, { max: Number.MAX_SAFE_INTEGER });
  const fileRows = all.items.filter((item) => item.source.kind === "file").length;
  // File rows name inputs gathered already: they take no room.
  const room = Math.max(0, MAX_BATCH_ITEMS - gathered.length);
  const parsed = parseImageList(text, { max: room + fileRows });
  const problems = [...parsed.problems];
  const prompts = new Map<string, string | null>();
  const urls: { line: number; url: string; prompt: string | null }[] = [];
  for (const item of parsed.items) {
    if (item.source.kind === "url") {
      urls.push({ line: item.line, url: item.source.url, prompt: item.prompt });
      continue;
    }
    const wanted = item.source.name.toLowerCase();
    const match = gathered.find((each) => baseName(each.input.name).toLowerCase() === wanted);
    if (match) prompts.set(match.key, item.prompt);
    else problems.push(`Line ${item.line}: ${item.source.name} is not among the added files`);
  }
  const probed = await mapLimited(urls, PROBE_CONCURRENCY, async (row) => {
    try {
      return { row, size: await services.probeUrl(row.url), problem: null };
    } catch (error) {
      return { row, size: null, problem: `Line ${row.line}: ${errorMessage(error)}` };
    }
  });
  const inputs: PendingBatchInput[] = [];
  for (const { row, size, problem } of probed) {
    if (!size) {
      if (problem) problems.push(problem);
      continue;
    }
    inputs.push({
      key: row.url,
      input: {
        name: row.url,
        source: "url",
        hash: null,
        url: row.url,
        bytes: null,
        width: size.width,
        height: size.height,
      },
      prompt: row.prompt,
      blob: null,
    });
  }
  return { inputs, problems, prompts };
}

/**
 * `gathered` with `intake` added: inputs already there (same key) and beyond the
 * {@link MAX_BATCH_ITEMS} limit are left out, each with a problem line.
 */
export function addToGathered(
  gathered: readonly PendingBatchInput[],
  intake: Intake,
): { inputs: PendingBatchInput[]; problems: string[] } {
  const known = new Set(gathered.map((each) => each.key));
  const fresh = intake.inputs.filter((each) => !known.has(each.key));
  const added = fresh.slice(0, Math.max(0, MAX_BATCH_ITEMS - gathered.length));
  return {
    inputs: [...gathered, ...added],
    problems: [
      ...intake.problems,
      ...intake.inputs
        .filter((each) => known.has(each.key))
        .map((each) => `${each.input.name}: already in the batch`),
      ...fresh
        .slice(added.length)
        .map((each) => `${each.input.name}: over the ${MAX_BATCH_ITEMS}-image limit`),
    ],
  };
}
