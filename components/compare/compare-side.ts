/** One image of the compare view. */
export interface CompareSide {
  src: string;
  /** Shown in the image's corner: `Before · Input`, `A · Result 1 of run 3`. */
  label: string;
  alt: string;
  /** The size to lay the image out at (its natural size may differ: it is fitted, not cropped). */
  width: number;
  height: number;
  /** Shown when `src` fails to load (e.g. a small thumbnail once the original URL expired). */
  fallbackSrc?: string | null;
}
