/** One keyboard shortcut as the shortcuts list shows it. */
export interface Shortcut {
  /** The keys, each shown as a key cap (`["Ctrl/⌘", "Enter"]`). */
  keys: readonly string[];
  /** What it does. */
  action: string;
}

/** The playground's shortcuts, grouped by where they work. */
export const SHORTCUT_GROUPS: readonly { title: string; shortcuts: readonly Shortcut[] }[] = [
  {
    title: "Anywhere in the inputs",
    shortcuts: [
      { keys: ["Ctrl/⌘", "Enter"], action: "Generate" },
      { keys: ["Ctrl/⌘", "V"], action: "Paste an image from the clipboard as the input" },
      { keys: ["?"], action: "Show these shortcuts (when not typing in a field)" },
    ],
  },
  {
    title: "Image URL field",
    shortcuts: [{ keys: ["Enter"], action: "Use the URL" }],
  },
  {
    title: "Full-size viewer",
    shortcuts: [
      { keys: ["←", "→"], action: "Previous or next image" },
      { keys: ["Esc"], action: "Close the viewer" },
    ],
  },
  {
    title: "Compare",
    shortcuts: [
      { keys: ["+", "−"], action: "Zoom in or out (on the image)" },
      { keys: ["0"], action: "Fit the image" },
      { keys: ["←", "↑", "→", "↓"], action: "Pan when zoomed in (on the image)" },
      { keys: ["←", "→"], action: "Move the slider (on the slider)" },
      { keys: ["Esc"], action: "Close compare" },
    ],
  },
];
