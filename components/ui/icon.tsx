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
