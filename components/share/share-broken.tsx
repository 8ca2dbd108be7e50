import { buttonClass } from "@/components/ui/button";
import type { LinkProblem } from "@/lib/share/link";

const HEADLINES: Record<LinkProblem, string> = {
  truncated: "This link is cut short",
  tampered: "This link was changed after it was made",
  "too-large": "This link holds more than a recipe can",
  "newer-version": "This link was made by a newer Kontext Playground",
  "not-a-recipe": "This link holds no recipe",
};

const ADVICE: Record<LinkProblem, string> = {
  truncated: "Copy the whole link again — chat apps sometimes cut long links.",
  tampered: "Ask for the link again; a character in it is not what was shared.",
  "too-large": "Ask for a link to fewer runs or a smaller sweep.",
  "newer-version": "Update this playground to open it.",
  "not-a-recipe": "Check that you copied a Kontext Playground share link.",
};

/** A friendly page for a link that cannot be read: what is wrong and what to do. */
export function ShareBroken({ problem, message }: { problem: LinkProblem; message: string }) {
  return (
    <main className="mx-auto flex w-full max-w-xl flex-col gap-4 px-4 py-12 sm:px-6">
      <h1 className="text-xl font-semibold tracking-tight">{HEADLINES[problem]}</h1>
      <p className="text-sm text-neutral-700 dark:text-neutral-300">{ADVICE[problem]}</p>
      <p className="rounded-md bg-neutral-100 px-3 py-2 text-xs break-words text-neutral-700 dark:bg-neutral-900 dark:text-neutral-300">
        {message}
      </p>
      <a href="/" className={buttonClass("secondary", "md", "self-start")}>
        Open Kontext Playground
      </a>
    </main>
  );
}
