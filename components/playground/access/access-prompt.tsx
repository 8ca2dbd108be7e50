"use client";

import { useCallback, useEffect, useRef } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { hasVisitorFalKey } from "@/lib/fal/visitor-key";
import { fetchAccessState } from "./access-api";
import { AccessDialog } from "./access-dialog";
import { type DialogRequest, requestOwnKey, useDialogRequests } from "./requests";

/**
 * Asks for the access code when the server wants one (fal backend only): on load when this
 * browser has no session (and no own key), and whenever a run is refused with
 * `access_required`. Once the code is accepted, the refused run is retried.
 */
export function AccessPrompt({ isFalBackend }: { isFalBackend: boolean }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const pending = useRef<DialogRequest>({});
  const alert = usePlaygroundStore((s) => s.alert);
  const retryRun = usePlaygroundStore((s) => s.retryRun);

  const open = useCallback((request: DialogRequest) => {
    pending.current = request;
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  useDialogRequests("access-code", open);

  useEffect(() => {
    if (!isFalBackend) return;
    let isActive = true;
    void fetchAccessState().then((state) => {
      if (isActive && state?.required && !state.session && !hasVisitorFalKey()) open({});
    });
    return () => {
      isActive = false;
    };
  }, [isFalBackend, open]);

  const refusedRunId =
    alert?.topic === "run" && alert.error.guard?.code === "access_required" ? alert.runId : null;
  const isRefused = alert?.error.guard?.code === "access_required";
  useEffect(() => {
    if (!isRefused || hasVisitorFalKey()) return;
    open({ onDone: refusedRunId ? () => void retryRun(refusedRunId) : undefined });
  }, [isRefused, refusedRunId, open, retryRun]);

  function done() {
    const { onDone } = pending.current;
    pending.current = {};
    onDone?.();
  }

  return (
    <AccessDialog
      dialogRef={dialogRef}
      onAccess={done}
      onOwnKey={() => {
        const { onDone } = pending.current;
        pending.current = {};
        requestOwnKey({ onDone });
      }}
    />
  );
}
