import { LocalEngineHintDismiss } from "./local-engine-hint-dismiss";

const LOCAL_HINT_ID = "local-engine-hint";
const DISMISSED_KEY = "kontext-playground:local-hint-dismissed";

/**
 * Hides the hint before the first paint when it was dismissed before (nothing shifts after
 * hydration); reading `localStorage` throws when site data is blocked, and the hint then shows.
 */
const HIDE_IF_DISMISSED = `try{if(localStorage.getItem(${JSON.stringify(DISMISSED_KEY)})==="1")document.getElementById(${JSON.stringify(LOCAL_HINT_ID)}).hidden=true}catch(e){}`;

/**
 * First-run hint on the local engine: what it is and how to connect fal, one compact line in the
 * page header (its own line on narrow screens). Rendered by the server, so its text is in the
 * first paint; dismissal is remembered.
 */
export function LocalEngineHint() {
  return (
    <>
      <aside
        id={LOCAL_HINT_ID}
        aria-label="About the local engine"
        // The script below may set `hidden` before React hydrates.
        suppressHydrationWarning
        className="order-last flex min-w-0 basis-full items-center justify-between gap-3 rounded-lg border border-amber-300 bg-amber-50 py-0.5 pr-0.5 pl-3 text-xs text-amber-950 lg:order-none lg:flex-1 lg:basis-0 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
      >
        <p className="min-w-0 flex-1">
          Built-in local engine: results are a preview made on this machine, not FLUX. To run the
          real model, start the server with <code className="font-mono">FAL_KEY</code> set.
        </p>
        <LocalEngineHintDismiss storageKey={DISMISSED_KEY} />
      </aside>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script of ours, no input. */}
      <script dangerouslySetInnerHTML={{ __html: HIDE_IF_DISMISSED }} />
    </>
  );
}
