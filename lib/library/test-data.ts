import type { LoraPreview, UserLora } from "./types";

// Records shared by the library's tests.

/** A 1×1 JPEG as a data URL: a valid (if tiny) thumbnail. */
export const TINY_JPEG =
  "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AVN//2Q==";

export function userLora(overrides: Partial<UserLora> = {}): UserLora {
  return {
    id: "lora-1",
    name: "My sketch LoRA",
    path: "https://huggingface.co/me/sketch/resolve/main/sketch.safetensors",
    trigger: "Turn this into a pencil sketch",
    scale: 0.8,
    notes: "Works best on portraits.",
    tags: ["sketch", "portrait"],
    createdAt: 1_000,
    ...overrides,
  };
}

export function preview(overrides: Partial<LoraPreview> = {}): LoraPreview {
  return {
    path: "https://huggingface.co/me/sketch/resolve/main/sketch.safetensors",
    thumbnail: TINY_JPEG,
    runId: "run-1",
    pinnedAt: 2_000,
    ...overrides,
  };
}
