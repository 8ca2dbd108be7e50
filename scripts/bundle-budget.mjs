// The byte budget for the first load of `/`: the gzip -9 size of every script its HTML references,
// in kilobytes of 1,000 bytes (as `npm run bench:bundle` counts them). `npm test` fails when the
// build is over it (see scripts/test.mjs); `npm run check:bundle` checks it on its own.
//
// 291 KB: on-demand loading reached 284.9 KB (376.9 KB before it); the batch UI's first-screen
// parts (the Batch edit… trigger, the title's progress, the stage's batch lookup) and the image
// sweep axis in the store added 5.3 KB when they were merged (290.2 KB), rounded up.
// 285 KB: the IndexedDB stores (history db and its record formats, library db, batch inputs,
// sweep images) and the PNG/shared-recipe readers load at first use: 284.4 KB measured.
// Issue 13's target is 200 KB: of today's bytes, Next and React take 175.9 KB (39.5 KB of it the
// nomodule polyfills), so the rest needs zod off the client (zod/mini, ≈32 KB today) and a
// smaller store. Lower this as those land; never raise it without saying why.
export const INITIAL_JS_BUDGET_KB = 285;
