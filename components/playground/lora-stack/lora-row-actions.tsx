"use client";

import type { ReactNode } from "react";
import { useShallow } from "zustand/react/shallow";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import {
  ArrowDownIcon,
  ArrowUpIcon,
  DuplicateIcon,
  RemoveIcon,
} from "@/components/ui/action-icons";
import { Button } from "@/components/ui/button";
import { focusAfterRender } from "@/components/ui/focus";
import { ADD_LORA_BUTTON_ID, loraDomId } from "./lora-format";

function IconButton({
  id,
  label,
  disabled,
  onClick,
  children,
}: {
  id: string;
  label: string;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Button
      id={id}
      variant="ghost"
      size="sm"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="w-8 px-0"
    >
      {children}
    </Button>
  );
}

/** Reorder, duplicate and remove one LoRA; focus follows the row or lands on a neighbour. */
export function LoraRowActions({ id }: { id: string }) {
  const ids = usePlaygroundStore(useShallow((s) => s.loras.map((lora) => lora.id)));
  const moveLora = usePlaygroundStore((s) => s.moveLora);
  const duplicateLora = usePlaygroundStore((s) => s.duplicateLora);
  const removeLora = usePlaygroundStore((s) => s.removeLora);
  const index = ids.indexOf(id);
  const position = index + 1;
  const upId = loraDomId(id, "up");
  const downId = loraDomId(id, "down");

  function move(offset: -1 | 1) {
    moveLora(id, offset);
    // Keep focus on the button that was pressed, or its twin once the row reaches an end.
    focusAfterRender(offset < 0 ? [upId, downId] : [downId, upId]);
  }

  function remove() {
    const neighbour = ids[index + 1] ?? ids[index - 1];
    removeLora(id);
    focusAfterRender(neighbour ? [loraDomId(neighbour, "scale")] : [ADD_LORA_BUTTON_ID]);
  }

  return (
    <div className="flex items-center gap-0.5">
      <IconButton
        id={upId}
        label={`Move LoRA ${position} up`}
        disabled={index <= 0}
        onClick={() => move(-1)}
      >
        <ArrowUpIcon />
      </IconButton>
      <IconButton
        id={downId}
        label={`Move LoRA ${position} down`}
        disabled={index < 0 || index >= ids.length - 1}
        onClick={() => move(1)}
      >
        <ArrowDownIcon />
      </IconButton>
      <IconButton
        id={loraDomId(id, "duplicate")}
        label={`Duplicate LoRA ${position}`}
        onClick={() => duplicateLora(id)}
      >
        <DuplicateIcon />
      </IconButton>
      <IconButton id={loraDomId(id, "remove")} label={`Remove LoRA ${position}`} onClick={remove}>
        <RemoveIcon />
      </IconButton>
    </div>
  );
}
