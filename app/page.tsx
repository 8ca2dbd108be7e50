import { BackendBadge } from "@/components/backend-badge";
import { QuickRun } from "@/components/quick-run";
import { describeBackend } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export default function HomePage() {
  const health = describeBackend();
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-6 sm:px-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Kontext Playground</h1>
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            Edit images with FLUX.1 Kontext [dev] and LoRAs on fal.ai.
          </p>
        </div>
        <BackendBadge health={health} />
      </header>
      {health.backend === "local" ? (
        <p className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          You are on the built-in local engine: results are a preview made on this machine, not
          FLUX. To run the real model, start the server with{" "}
          <code className="font-mono">FAL_KEY</code> set to your fal.ai key.
        </p>
      ) : null}
      <QuickRun />
    </main>
  );
}
