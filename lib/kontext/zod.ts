import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

/**
 * The zod every schema of the app is written with: `zod/mini`, the functional build whose
 * unused parts a bundler drops (full `zod` put ≈32 KB gzip on the first load of `/`; issue 13).
 * Unlike full `zod`, `zod/mini` loads no locale, so its default messages would read only
 * "Invalid input"; English is set here, before any schema parses, so every message reads as it
 * does with full `zod` ("Too small: expected number to be >=0"). Import it as
 * `import * as z from "@/lib/kontext/zod"`, never `zod` or `zod/mini` directly
 * (`.dependency-cruiser.cjs` enforces it). Only English is imported: `zod/locales` would bring
 * every language.
 */
config(en());

export * from "zod/mini";
