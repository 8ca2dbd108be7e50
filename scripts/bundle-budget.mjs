// The byte budget for the first load of `/`: the gzip -9 size of every script its HTML references,
// in kilobytes of 1,000 bytes (as `npm run bench:bundle` counts them). `npm test` fails when the
// build is over it (see scripts/test.mjs); `npm run check:bundle` checks it on its own.
//
// 385 KB is today's figure (376.9 KB after the workspace of issue 11, which added the stage, the
// phone tabs, the example photos, the keyboard dialog and the batch store; 345 KB before it) plus a
// small margin, so that nothing grows unnoticed. Lower it to 200 once the on-demand loading of
// issue 13 lands.
export const INITIAL_JS_BUDGET_KB = 385;
