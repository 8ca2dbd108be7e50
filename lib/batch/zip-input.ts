import { type UnzipFileInfo, type Unzipped, unzip } from "fflate";
import { MAX_IMAGE_FILE_BYTES } from "@/lib/domain/image-types";
import { formatBytes, formatCount } from "@/lib/domain/text";
import { isSafeArchivePath } from "@/lib/history/sidecar";
import { type RefusedFile, type ScreenOptions, type ScreenResult, screenFiles } from "./files";

/**
 * Images out of a dropped zip, for a batch: every file entry at a safe path is screened like a
 * dropped file (see `screenFiles`); folders, macOS `__MACOSX/` forks and hidden files are
 * skipped without a word. Unpacks with fflate's asynchronous API (off the main thread in the
 * browser). Entries over the size limit are refused from the directory, before they are inflated.
 */

/** A zip with more entries than this is refused whole. */
export const MAX_ZIP_INPUT_ENTRIES = 5_000;
/** A zip that would unpack to more than this (2 GiB) is refused whole. */
export const MAX_ZIP_INPUT_BYTES = 2 * 1024 ** 3;

export type ZipInputResult = ({ ok: true } & ScreenResult) | { ok: false; message: string };

class TooManyEntries extends Error {}

function unzipAsync(bytes: Uint8Array, filter: (file: UnzipFileInfo) => boolean) {
  return new Promise<Unzipped>((resolve, reject) => {
    try {
      unzip(bytes, { filter }, (error, files) => (error ? reject(error) : resolve(files)));
    } catch (error) {
      reject(error);
    }
  });
}

/** Whether an entry is something a person put in the zip (not a folder or a system file). */
function isContent(path: string): boolean {
  if (path.endsWith("/") || path.startsWith("__MACOSX/")) return false;
  const name = path.slice(path.lastIndexOf("/") + 1);
  return name !== "" && !name.startsWith(".") && name !== "Thumbs.db";
}

/**
 * Reads the images of a zip (see the module comment). Refuses the whole zip — `ok: false` with a
 * message — when it is not a zip, has more than {@link MAX_ZIP_INPUT_ENTRIES} entries or unpacks
 * to more than {@link MAX_ZIP_INPUT_BYTES}. Entries are named by their path inside the zip.
 */
export async function readZipImages(
  bytes: Uint8Array,
  options: ScreenOptions = {},
): Promise<ZipInputResult> {
  const maxBytes = options.maxBytes ?? MAX_IMAGE_FILE_BYTES;
  const refusedEarly: RefusedFile[] = [];
  let count = 0;
  let total = 0;
  try {
    await unzipAsync(bytes, (file) => {
      count += 1;
      if (count > MAX_ZIP_INPUT_ENTRIES) throw new TooManyEntries();
      total += file.originalSize;
      return false;
    });
  } catch (error) {
    if (error instanceof TooManyEntries) {
      return {
        ok: false,
        message: `The zip has more than ${formatCount(MAX_ZIP_INPUT_ENTRIES)} files`,
      };
    }
    return { ok: false, message: "The file is not a valid zip archive" };
  }
  if (total > MAX_ZIP_INPUT_BYTES) {
    return { ok: false, message: "The zip would unpack to more than 2 GiB" };
  }
  const order: string[] = [];
  let files: Unzipped;
  try {
    files = await unzipAsync(bytes, (file) => {
      if (!isContent(file.name)) return false;
      if (!isSafeArchivePath(file.name)) {
        refusedEarly.push({ name: file.name, reason: "an unsafe path inside the zip" });
        return false;
      }
      if (file.originalSize > maxBytes) {
        refusedEarly.push({
          name: file.name,
          reason: `${formatBytes(file.originalSize)}; the limit is ${formatBytes(maxBytes)}`,
        });
        return false;
      }
      order.push(file.name);
      return true;
    });
  } catch (error) {
    const detail = error instanceof Error && error.message ? ` (${error.message})` : "";
    return { ok: false, message: `The zip could not be unpacked${detail}` };
  }
  const candidates = order.flatMap((name) => {
    const data = files[name];
    return data ? [{ name, blob: new Blob([data as Uint8Array<ArrayBuffer>]) }] : [];
  });
  const screened = await screenFiles(candidates, options);
  return { ok: true, accepted: screened.accepted, refused: [...refusedEarly, ...screened.refused] };
}
