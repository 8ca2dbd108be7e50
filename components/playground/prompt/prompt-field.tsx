"use client";

import { usePlaygroundStore } from "@/components/playground/store-provider";
import { useStartRunFocusingErrors } from "@/components/playground/use-focus-first-error";
import { describedBy, Field, INPUT_CLASS } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { formatCount } from "@/lib/domain/text";
import { PLAYGROUND_LIMITS } from "@/lib/kontext/endpoint";

const EXAMPLES = [
  "Turn this image into the Ghibli style.",
  "Change the setting to a snowy winter evening, keep everything else the same",
  "Remove the people in the background",
  "Make it a watercolor painting while keeping the composition",
];

/** The edit instruction, with example edits; Ctrl/⌘+Enter runs. */
export function PromptField() {
  const prompt = usePlaygroundStore((s) => s.prompt);
  const setPrompt = usePlaygroundStore((s) => s.setPrompt);
  const startRun = useStartRunFocusingErrors();
  const error = usePlaygroundStore((s) => s.fieldErrors.prompt);
  const max = PLAYGROUND_LIMITS.maxPromptChars;
  return (
    <Panel title="Prompt" titleId="prompt-panel-title">
      <Field
        id="prompt"
        label="Edit instruction"
        description="Say what to change, e.g. a style, an object or the light. Ctrl/⌘ + Enter generates; ? lists the shortcuts."
        error={error}
        aside={
          <span className="text-xs tabular-nums text-neutral-500 dark:text-neutral-400">
            {formatCount(prompt.length)} / {formatCount(max)}
          </span>
        }
      >
        <textarea
          id="prompt"
          value={prompt}
          rows={4}
          onChange={(event) => setPrompt(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void startRun();
            }
          }}
          placeholder="Turn this image into the Ghibli style."
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy("prompt", true, error)}
          className={`${INPUT_CLASS} min-h-20 resize-y`}
        />
      </Field>
      {/* One line that scrolls sideways, so the examples never push the LoRAs off the first screen. */}
      <div className="flex min-w-0 items-center gap-2">
        <p
          id="prompt-examples-label"
          className="shrink-0 text-xs font-medium text-neutral-600 dark:text-neutral-400"
        >
          Examples
        </p>
        <ul
          aria-labelledby="prompt-examples-label"
          className="-my-1 flex min-w-0 gap-2 overflow-x-auto py-1 [scrollbar-width:thin]"
        >
          {EXAMPLES.map((example) => (
            <li key={example} className="shrink-0">
              <button
                type="button"
                onClick={() => setPrompt(example)}
                title={example}
                className="max-w-64 truncate rounded-full border border-neutral-300 px-3 py-1 text-left text-xs whitespace-nowrap text-neutral-700 hover:border-accent-500 hover:text-accent-700 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent-500 dark:border-neutral-700 dark:text-neutral-300 dark:hover:text-accent-400"
              >
                {example}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </Panel>
  );
}
