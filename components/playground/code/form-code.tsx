"use client";

import { useState } from "react";
import { InputSection } from "@/components/playground/workspace/input-section";
import { LoadingNote } from "@/components/ui/loading";
import { clientOnly } from "@/components/ui/on-demand";

// The section's content (the form's check and the snippets) loads when it is first opened.
const FormCodeBody = clientOnly(
  () => import("./form-code-body").then((m) => m.FormCodeBody),
  <LoadingNote what="the code" />,
);

/**
 * "API/code", the inputs panel's collapsed section with the code for this request: what Generate
 * would send, as cURL, Python and JavaScript.
 */
export function FormCode() {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <InputSection
      id="section-code"
      title="API/code"
      hint="Code for this request"
      onToggle={setIsOpen}
    >
      <div className="text-sm">{isOpen ? <FormCodeBody /> : null}</div>
    </InputSection>
  );
}
