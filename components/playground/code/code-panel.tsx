"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useTabList } from "@/components/ui/tabs";
import type { KontextOutput, KontextRequest } from "@/lib/kontext/schema";
import { displayJson } from "@/lib/share/json-view";
import { curlSnippet, javascriptSnippet, pythonSnippet } from "@/lib/share/snippets";

type Tab = "curl" | "python" | "javascript" | "request" | "response";

const LABELS: Record<Tab, string> = {
  curl: "cURL",
  python: "Python",
  javascript: "JavaScript",
  request: "Request JSON",
  response: "Response JSON",
};

function textOf(tab: Tab, request: KontextRequest, response: KontextOutput | null): string {
  switch (tab) {
    case "curl":
      return curlSnippet(request);
    case "python":
      return pythonSnippet(request);
    case "javascript":
      return javascriptSnippet(request);
    case "request":
      return displayJson(request);
    case "response":
      return displayJson(response);
  }
}

/**
 * The exact request as code — cURL, Python (`fal-client`), JavaScript (`@fal-ai/client`) — and
 * the request and response as JSON, in tabs (arrow keys, Home and End move between them), each with Copy.
 */
export function CodePanel({
  request,
  response,
  what,
}: {
  request: KontextRequest;
  response: KontextOutput | null;
  /** `run 3`, `this form`: names the tabs' list and the Copy button. */
  what: string;
}) {
  const tabs: Tab[] = response
    ? ["curl", "python", "javascript", "request", "response"]
    : ["curl", "python", "javascript", "request"];
  const [tab, setTab] = useState<Tab>("curl");
  const [copied, setCopied] = useState<string | null>(null);
  const list = useTabList(tabs, tab, setTab, "one");
  const text = textOf(tab, request, response);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${LABELS[tab]} copied`);
    } catch {
      setCopied("Copy failed: select the text and copy it");
    }
  }

  return (
    <div className="flex min-w-0 flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div role="tablist" aria-label={`Code for ${what}`} className="flex flex-wrap gap-1">
          {tabs.map((entry) => (
            <button
              key={entry}
              {...list.tabProps(entry)}
              className={`rounded-md px-2.5 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-accent-500 ${
                entry === tab
                  ? "bg-neutral-900 text-white dark:bg-neutral-100 dark:text-neutral-900"
                  : "text-neutral-700 hover:bg-neutral-100 dark:text-neutral-300 dark:hover:bg-neutral-800"
              }`}
            >
              {LABELS[entry]}
            </button>
          ))}
        </div>
        <div className="flex items-center gap-2">
          <output aria-live="polite" className="text-xs text-neutral-600 dark:text-neutral-400">
            {copied}
          </output>
          <Button size="sm" variant="secondary" onClick={() => void copy()}>
            Copy
            <span className="sr-only">
              {" "}
              {LABELS[tab]} of {what}
            </span>
          </Button>
        </div>
      </div>
      <pre
        id={list.panelId(tab)}
        role="tabpanel"
        aria-labelledby={list.tabId(tab)}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable code block must be reachable by keyboard.
        tabIndex={0}
        className="max-h-96 overflow-auto rounded-md bg-neutral-950 p-3 font-mono text-xs leading-relaxed text-neutral-100 focus-visible:outline-2 focus-visible:outline-accent-500"
      >
        <code>{text}</code>
      </pre>
    </div>
  );
}
