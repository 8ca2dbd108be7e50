export interface ReferencedScript {
  src: string;
  how: string[];
  kind: "" | "module" | "nomodule";
}
export function attributes(tag: string): Record<string, string>;
export function scriptsOf(html: string): { scripts: ReferencedScript[]; inlineBytes: number };
export function budgetVerdict(
  gzipBytes: number,
  budgetKB: number,
): { isWithin: boolean; text: string };
