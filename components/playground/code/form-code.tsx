"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { usePlaygroundStore, usePlaygroundStoreApi } from "@/components/playground/store-provider";
import { InputSection } from "@/components/playground/workspace/input-section";
import { LoadingNote } from "@/components/ui/loading";
import { checkForm } from "@/lib/domain/form";
import type { KontextRequest } from "@/lib/kontext/schema";

// The snippets' code is loaded when the section is first opened.
const CodePanel = dynamic(() => import("./code-panel").then((m) => m.CodePanel), {
  ssr: false,
  loading: () => <LoadingNote what="the code" />,
});

/**
 * "API/code", the inputs panel's collapsed section with the code for this request: what Generate would send, as cURL, Python and JavaScript. A local
 * file not uploaded yet stands as a data URI, so the snippets upload it first.
 */
export function FormCode() {
  const store = usePlaygroundStoreApi();
  const [isOpen, setIsOpen] = useState(false);
  // Subscribes to the form while open; the request is then worked out from the latest state.
  const form = usePlaygroundStore(
    useShallow((s) => (isOpen ? [s.image, s.prompt, s.loras, s.settings] : null)),
  );
  let request: KontextRequest | null = null;
  let problem: string | null = null;
  if (form) {
    const state = store.getState();
    const checked = checkForm(state);
    const image = state.image;
    if (checked.request && image) {
      request = {
        ...checked.request,
        image_url: image.remoteUrl ?? `data:${image.file?.type || "image/png"};base64,`,
      };
    } else {
      problem = Object.values(checked.fieldErrors)[0] ?? "Complete the form first";
    }
  }
  return (
    <InputSection
      id="section-code"
      title="API/code"
      hint="Code for this request"
      onToggle={setIsOpen}
    >
      <div className="text-sm">
        {request ? (
          <CodePanel request={request} response={null} what="this form" />
        ) : isOpen ? (
          <p className="text-neutral-600 dark:text-neutral-400">To see the code: {problem}</p>
        ) : null}
      </div>
    </InputSection>
  );
}
