/** Words and styles for the Hub views. Pure. */
import { formatCount as formatWholeCount } from "@/lib/domain/text";
import type { BaseModelVerdict } from "@/lib/hub/base-model";
import type { HubLicence, HubSort } from "@/lib/hub/types";

/** "1,234" / "12.3k" / "1.2M": a count as the Hub shows it. */
export function formatCount(count: number): string {
  if (count >= 1e6) return `${(count / 1e6).toFixed(1).replace(/\.0$/, "")}M`;
  if (count >= 1e4) return `${(count / 1e3).toFixed(1).replace(/\.0$/, "")}k`;
  return formatWholeCount(count);
}

/** A licence in words: its name (or id), e.g. "apache-2.0", or "not stated". */
export function formatLicence(licence: HubLicence | null): string {
  if (!licence) return "not stated in the card";
  return licence.name && licence.name !== licence.id ? licence.name : licence.id;
}

/** The colours of a base-model verdict: calm for Kontext, amber for a warning, red for no fit. */
export function verdictClass(severity: BaseModelVerdict["severity"]): string {
  if (severity === "ok")
    return "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-200";
  if (severity === "warning")
    return "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-200";
  return "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-200";
}

/** The sort orders of the browse list, as the select names them. */
export const SORT_LABELS: Record<HubSort, string> = {
  downloads: "Most downloaded",
  likes: "Most liked",
  recent: "Newest",
};

/** The axis values "Try on my image" sweeps the LoRA's scale over. */
export const TRY_SCALES = "0, 0.5, 1, 1.5";

/** A repository's short name: `owner/Name` → `Name`. */
export function repoName(id: string): string {
  return id.split("/")[1] ?? id;
}
