import { BackendBadge } from "@/components/backend-badge";
import { OwnKeyControl } from "@/components/playground/access/own-key-lazy";
import { LocalEngineHint } from "@/components/playground/local-engine-hint";
import { Playground } from "@/components/playground/playground";
import { describeBackend } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export default function HomePage() {
  const health = describeBackend();
  return (
    // A full-height workspace: the page itself never scrolls (below a minimum height it may);
    // the inputs and the history scroll inside it. The header is one compact line.
    <main className="mx-auto flex h-dvh min-h-[30rem] w-full max-w-[1920px] flex-col gap-2 px-2 pt-2 pb-2 sm:px-4 lg:pb-3">
      {/* The local-engine hint sits in the header's line on wide screens, on its own line below. */}
      <header className="group flex shrink-0 flex-wrap items-center justify-between gap-x-3 gap-y-2">
        <div className="flex min-w-0 items-baseline gap-3">
          <h1
            id="page-title"
            tabIndex={-1}
            className="text-base font-semibold tracking-tight whitespace-nowrap outline-none sm:text-lg"
          >
            Kontext Playground
          </h1>
          <p className="hidden truncate text-sm text-neutral-600 md:block dark:text-neutral-400 group-has-[aside:not([hidden])]:lg:hidden">
            Edit images with FLUX.1 Kontext [dev] and LoRAs.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-xs sm:text-sm lg:order-last">
          {health.ok && health.backend === "fal" ? <OwnKeyControl /> : null}
          {/* Phones see the backend in the pinned generate bar instead (a problem is always shown). */}
          <span className={health.ok ? "hidden sm:contents" : "contents"}>
            <BackendBadge health={health} />
          </span>
        </div>
        {health.backend === "local" ? <LocalEngineHint /> : null}
      </header>
      <Playground backend={health.ok ? health.backend : null} />
    </main>
  );
}
