import { BackendBadge } from "@/components/backend-badge";
import { OwnKeyControl } from "@/components/playground/access/own-key-control";
import { LocalEngineHint } from "@/components/playground/local-engine-hint";
import { Playground } from "@/components/playground/playground";
import { describeBackend } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export default function HomePage() {
  const health = describeBackend();
  return (
    // On wide screens the header (with the backend badge) stays in view; descendants keep a
    // scroll margin so focus and scrollIntoView never leave a control under it. Phones get a
    // compact badge in the sticky generate bar instead of spending their height on the header.
    <main className="mx-auto flex w-full max-w-[1600px] flex-col gap-4 px-3 py-4 sm:px-6 sm:py-6 lg:[&_*]:scroll-mt-24">
      <header className="flex flex-wrap items-center justify-between gap-3 lg:sticky lg:top-0 lg:z-20 lg:-mx-6 lg:-mt-6 lg:border-b lg:border-neutral-200 lg:bg-neutral-50/95 lg:px-6 lg:py-3 lg:backdrop-blur dark:lg:border-neutral-800 dark:lg:bg-neutral-950/95">
        <div>
          <h1
            id="page-title"
            tabIndex={-1}
            className="text-xl font-semibold tracking-tight outline-none"
          >
            Kontext Playground
          </h1>
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            Edit images with FLUX.1 Kontext [dev] and LoRAs.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {health.ok && health.backend === "fal" ? <OwnKeyControl /> : null}
          <BackendBadge health={health} />
        </div>
      </header>
      {health.backend === "local" ? <LocalEngineHint /> : null}
      <Playground backend={health.ok ? health.backend : null} />
    </main>
  );
}
