import { BackendBadge } from "@/components/backend-badge";
import { LocalEngineHint } from "@/components/playground/local-engine-hint";
import { Playground } from "@/components/playground/playground";
import { describeBackend } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export default function HomePage() {
  const health = describeBackend();
  return (
    <main className="mx-auto flex w-full max-w-[1600px] flex-col gap-4 px-3 py-4 sm:px-6 sm:py-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Kontext Playground</h1>
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            Edit images with FLUX.1 Kontext [dev] and LoRAs.
          </p>
        </div>
        <BackendBadge health={health} />
      </header>
      {health.backend === "local" ? <LocalEngineHint /> : null}
      <Playground />
    </main>
  );
}
