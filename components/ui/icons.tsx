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

export function PlusIcon() {
  return (
    <Icon>
      <path d="M8 3v10M3 8h10" />
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

export function CloseIcon() {
  return (
    <Icon>
      <path d="M4 4l8 8M12 4l-8 8" />
    </Icon>
  );
}
