"use client";

import {
  type ChangeEvent,
  type CSSProperties,
  type DragEvent,
  type RefObject,
  useCallback,
  useEffect,
  useRef,
  useState,
} from "react";
import { ACCEPTED_IMAGE_TYPES } from "@/lib/domain/image-types";

/** What the chooser offers: the accepted image types and their extensions. */
const ACCEPT = Object.entries(ACCEPTED_IMAGE_TYPES).flat(2).join(",");

/** Hidden from view but not from the accessibility tree (its label and errors stay readable). */
const HIDDEN_INPUT_STYLE: CSSProperties = {
  border: 0,
  clip: "rect(0, 0, 0, 0)",
  clipPath: "inset(50%)",
  height: "1px",
  margin: "0 -1px -1px 0",
  overflow: "hidden",
  padding: 0,
  position: "absolute",
  width: "1px",
  whiteSpace: "nowrap",
};

/** Whether a drag carries files (not text or a link dragged from the page). */
function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes("Files") ?? false;
}

export interface ImageDrop {
  /** Drag and drop handlers for the zone's root element. */
  rootProps: {
    onDragEnter: (event: DragEvent) => void;
    onDragOver: (event: DragEvent) => void;
    onDragLeave: (event: DragEvent) => void;
    onDrop: (event: DragEvent) => void;
  };
  /** Props of the hidden file input, inside the root (add its label and error attributes). */
  inputProps: {
    ref: RefObject<HTMLInputElement | null>;
    type: "file";
    accept: string;
    tabIndex: -1;
    autoComplete: "off";
    style: CSSProperties;
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  };
  /** Opens the file chooser. */
  open: () => void;
  /** Files are being dragged over the zone. */
  isDragActive: boolean;
}

/**
 * A drop zone for one file, on the platform's drag events and a file input: the first file
 * dropped or chosen goes to `onFile` (whatever its type: the store says why it cannot be used);
 * `onCancel` hears that the chooser was closed without a file. Drags over the zone do not reach
 * the page-wide drop target (FileDropTarget), so a drop is handled once.
 */
export function useImageDrop({
  onFile,
  onCancel,
}: {
  onFile: (file: File) => void;
  onCancel: () => void;
}): ImageDrop {
  const inputRef = useRef<HTMLInputElement>(null);
  const depth = useRef(0);
  const [isDragActive, setIsDragActive] = useState(false);
  const onCancelRef = useRef(onCancel);
  useEffect(() => {
    onCancelRef.current = onCancel;
  }, [onCancel]);

  // React has no `onCancel` for inputs: the chooser's cancel event is listened to directly.
  useEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    const handleCancel = () => onCancelRef.current();
    input.addEventListener("cancel", handleCancel);
    return () => input.removeEventListener("cancel", handleCancel);
  }, []);

  const onDragEnter = useCallback((event: DragEvent) => {
    event.stopPropagation();
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth.current += 1;
    setIsDragActive(true);
  }, []);
  const onDragOver = useCallback((event: DragEvent) => {
    event.stopPropagation();
    if (!hasFiles(event)) return;
    // Without this the browser would open the file in place of the app.
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  }, []);
  const onDragLeave = useCallback((event: DragEvent) => {
    event.stopPropagation();
    if (!hasFiles(event)) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setIsDragActive(false);
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      event.stopPropagation();
      depth.current = 0;
      setIsDragActive(false);
      if (!hasFiles(event)) return;
      event.preventDefault();
      const file = event.dataTransfer.files[0];
      if (file) onFile(file);
    },
    [onFile],
  );
  const onChange = useCallback(
    (event: ChangeEvent<HTMLInputElement>) => {
      const file = event.currentTarget.files?.[0];
      // Emptied, so choosing the same file again is a change too.
      event.currentTarget.value = "";
      if (file) onFile(file);
      else onCancelRef.current();
    },
    [onFile],
  );
  const open = useCallback(() => inputRef.current?.click(), []);

  return {
    rootProps: { onDragEnter, onDragOver, onDragLeave, onDrop },
    inputProps: {
      ref: inputRef,
      type: "file",
      accept: ACCEPT,
      tabIndex: -1,
      autoComplete: "off",
      style: HIDDEN_INPUT_STYLE,
      onChange,
    },
    open,
    isDragActive,
  };
}
