/**
 * What the badge shows of the server's health (`BackendHealth` from lib/server/health, which is
 * server-only: the page passes it in, so this component never imports server code, not even types).
 */
interface BadgeHealth {
  ok: boolean;
  backend: "fal" | "local" | null;
  upstream: "fal.ai" | "custom" | "local" | null;
  problem?: string;
}

/** Always-visible label of the active backend: fal.ai, or the local preview engine. */
export function BackendBadge({ health }: { health: BadgeHealth }) {
  if (!health.ok || health.backend === null) {
    return (
      <span className="rounded-full bg-red-100 px-3 py-1 text-sm font-medium text-red-900 dark:bg-red-950 dark:text-red-100">
        Misconfigured: {health.problem}
      </span>
    );
  }
  const isLocal = health.backend === "local";
  return (
    <span
      className={
        isLocal
          ? "rounded-full bg-amber-100 px-3 py-1 text-sm font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-50"
          : "rounded-full bg-emerald-100 px-3 py-1 text-sm font-medium text-emerald-900 dark:bg-emerald-900 dark:text-emerald-50"
      }
    >
      {isLocal
        ? "Local engine — a preview, not FLUX"
        : health.upstream === "custom"
          ? "fal (custom upstream)"
          : "fal.ai"}
    </span>
  );
}
