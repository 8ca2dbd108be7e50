"use client";

import { useRef, useState } from "react";
import { CompareDialog } from "@/components/compare/compare-dialog";
import { buttonClass } from "@/components/ui/button";
import type { RecipeImage } from "@/lib/share/recipe";

/** "Compare with the input" on a shared result: the before/after slider, full screen. */
export function ShareCompare({
  input,
  image,
  number,
}: {
  input: string;
  image: RecipeImage;
  number: number;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  const result = `Result ${number}`;
  return (
    <>
      <button
        ref={openerRef}
        type="button"
        onClick={() => setIsOpen(true)}
        className={buttonClass("secondary", "sm")}
      >
        Compare<span className="sr-only"> result {number}</span> with the input
      </button>
      {isOpen ? (
        <CompareDialog
          before={{
            src: input,
            label: "Before · Input",
            alt: "Input",
            width: image.width,
            height: image.height,
          }}
          after={{
            src: image.url,
            label: `After · ${result}`,
            alt: result,
            width: image.width,
            height: image.height,
          }}
          title={`${result} against its input`}
          onClose={() => {
            setIsOpen(false);
            openerRef.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}
