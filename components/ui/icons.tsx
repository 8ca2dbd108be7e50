import type { ReactNode } from "react";

/**
 * A decorative stroke icon: an `aria-hidden` svg drawn in `currentColor` with round caps and
 * joins, so it takes the colour of its text and never adds to an accessible name. `children` are
 * the shapes (paths, rects, circles); they inherit the stroke unless they set their own.
 */
export function Icon({
  children,
  className = "size-4",
  viewBox = "0 0 16 16",
  strokeWidth = 1.5,
}: {
  children: ReactNode;
  className?: string;
  viewBox?: string;
  strokeWidth?: number;
}) {
  return (
    <svg
      aria-hidden="true"
      viewBox={viewBox}
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
    >
      {children}
    </svg>
  );
}

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

export function PlusIcon() {
  return (
    <Icon>
      <path d="M8 3v10M3 8h10" />
    </Icon>
  );
}

export function ChevronIcon({ isOpen }: { isOpen: boolean }) {
  return (
    <Icon className={`size-4 transition-transform ${isOpen ? "rotate-180" : ""}`}>
      <path d="M4 6l4 4 4-4" />
    </Icon>
  );
}

export function LibraryIcon() {
  return (
    <Icon>
      <path d="M2.5 2.5v11M5.5 2.5v11M8.5 3.2l3.4 10.3M2 13.5h12" />
    </Icon>
  );
}

export function ImageIcon() {
  return (
    <Icon className="size-5">
      <rect x="2" y="2.5" width="12" height="11" rx="1.5" />
      <circle cx="5.75" cy="6" r="1.25" />
      <path d="M2.5 12l3.5-3.5 2.5 2.5 2-2 3 3" />
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
