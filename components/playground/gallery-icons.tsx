"use client";

import { Icon } from "@/components/ui/icon";

const STAR =
  "M8 1.75l1.93 3.91 4.32.63-3.13 3.05.74 4.3L8 11.6l-3.86 2.04.74-4.3L1.75 6.29l4.32-.63L8 1.75Z";

/** A star, outlined or filled (amber) when `isFilled`. */
export function StarIcon({
  isFilled,
  className = "size-4",
}: {
  isFilled: boolean;
  className?: string;
}) {
  return (
    <Icon className={`${className} ${isFilled ? "fill-amber-400 text-amber-500" : ""}`}>
      <path d={STAR} />
    </Icon>
  );
}

export function SearchIcon() {
  return (
    <Icon>
      <circle cx="7" cy="7" r="4.5" />
      <path d="m10.5 10.5 3 3" />
    </Icon>
  );
}

export function CloseIcon() {
  return (
    <Icon>
      <path d="M4 4l8 8M12 4l-8 8" />
    </Icon>
  );
}
