import { Icon } from "./icons";

// The icons of the LoRA rows' and the history's actions, apart from `./icons` (the first screen's):
// they load with the rows and cards that show them.

export function ArrowUpIcon() {
  return (
    <Icon>
      <path d="M8 13V3M4 7l4-4 4 4" />
    </Icon>
  );
}

export function ArrowDownIcon() {
  return (
    <Icon>
      <path d="M8 3v10M4 9l4 4 4-4" />
    </Icon>
  );
}

export function DuplicateIcon() {
  return (
    <Icon>
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
      <path d="M10.5 3.5v-.5A1.5 1.5 0 0 0 9 1.5H4A1.5 1.5 0 0 0 2.5 3v5A1.5 1.5 0 0 0 4 9.5h.5" />
    </Icon>
  );
}

export function RemoveIcon() {
  return (
    <Icon>
      <path d="M2.5 4h11M6.5 4V2.5h3V4M4 4l.7 9a1.5 1.5 0 0 0 1.5 1.5h3.6a1.5 1.5 0 0 0 1.5-1.5L12 4M6.75 7v4.5M9.25 7v4.5" />
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
