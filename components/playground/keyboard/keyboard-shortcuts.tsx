"use client";

import { useEffect, useState } from "react";
import { useStartRunFocusingErrors } from "@/components/playground/use-focus-first-error";
import { PLAYGROUND_ROOT_ID } from "@/components/ui/focus";
import { LoadingOverlay } from "@/components/ui/loading";
import { clientOnly } from "@/components/ui/on-demand";
import { isGenerateKey, isHelpKey } from "./shortcuts";

// The list's code loads at the first `?`.
const ShortcutsDialog = clientOnly(
  () => import("./shortcuts-dialog").then((m) => m.ShortcutsDialog),
  <LoadingOverlay what="the shortcuts" />,
);

/**
 * The page's keyboard shortcuts: Ctrl/⌘+Enter generates from anywhere in the playground (not
 * from inside a dialog, nor when a field handled it already), and `?` outside text fields
 * opens the list of shortcuts.
 */
export function KeyboardShortcuts() {
  const [isOpen, setIsOpen] = useState(false);
  const startRun = useStartRunFocusingErrors();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest("dialog")) return;
      if (document.querySelector("dialog[open]")) return;
      if (isGenerateKey(event)) {
        const root = document.getElementById(PLAYGROUND_ROOT_ID);
        const isInPlayground = !target || target === document.body || root?.contains(target);
        if (!isInPlayground) return;
        event.preventDefault();
        void startRun();
      } else if (isHelpKey(event)) {
        event.preventDefault();
        setIsOpen(true);
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [startRun]);

  return isOpen ? <ShortcutsDialog onClose={() => setIsOpen(false)} /> : null;
}
