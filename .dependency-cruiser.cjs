/**
 * Structure rules for the codebase, checked by `npm run lint` (dependency-cruiser).
 * Type-only imports count (`tsPreCompilationDeps`), so a cycle closed by types alone fails too.
 */
// lib/hub is server-only but for its isomorphic parts (reference, card, files, types … as
// lib/hub/isomorphic.test.ts lists them), which the browser's Hub views import.
const SERVER_ONLY =
  "^lib/(proxy|engine|server)/|^lib/hub/(config|guarded-fetch|model|search|handlers|routes)\\.ts$";
// Browser-side lib code: everything under lib/ that is not server-only.
const CLIENT_LIB =
  "^lib/(domain|kontext|persist|store|history|library|share|sweep|batch|compare|browser|playground|fal)/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "No import cycles, type-only imports included.",
      from: {},
      to: { circular: true },
    },
    {
      name: "lib-not-to-ui",
      severity: "error",
      comment: "lib/ is below the UI: it never imports components/ or app/.",
      from: { path: "^lib/" },
      to: { path: "^(components|app)/" },
    },
    {
      name: "domain-imports-only-kontext-and-zod",
      severity: "error",
      comment: "lib/domain is the playground's model: it imports only lib/kontext and zod.",
      from: { path: "^lib/domain/", pathNot: "\\.test\\.ts$" },
      to: { pathNot: "^(lib/(domain|kontext)/|node_modules/zod/)" },
    },
    {
      name: "slices-not-to-slices",
      severity: "error",
      comment:
        "A store slice never imports another slice: cross-slice work goes through " +
        "lib/store/coordination.ts, shared helpers live in lib/domain or lib/browser.",
      from: { path: "^lib/store/[^/]+-slice\\.ts$" },
      to: { path: "^lib/store/[^/]+-slice\\.ts$" },
    },
    {
      name: "kontext-imports-no-app-code",
      severity: "error",
      comment: "lib/kontext (the endpoint schema) imports nothing from store, persistence or UI.",
      from: { path: "^lib/kontext/" },
      to: { path: "^(lib/(?!kontext/)|components/|app/)" },
    },
    {
      name: "shared-components-not-to-playground",
      severity: "error",
      comment:
        "The compare viewer, the UI primitives and the share page are fed by props or context: " +
        "they never import the playground's components or its store.",
      from: { path: "^components/(compare|ui|share)/", pathNot: "\\.test\\.ts$" },
      to: { path: "^(components/playground/|lib/store/)" },
    },
    {
      name: "app-code-not-to-test-data",
      severity: "error",
      comment: "Test data (tests/) is for tests, e2e helpers and benchmarks, never for app code.",
      from: { path: "^(lib|components|app)/", pathNot: "\\.test\\.ts$|/test-support\\.ts$" },
      to: { path: "^tests/" },
    },
    {
      name: "zod-only-through-lib-kontext-zod",
      severity: "error",
      comment:
        "Schemas take `z` from lib/kontext/zod: zod/mini with English messages. Full zod puts " +
        "≈32 KB gzip on the first load of / (issue 13), and zod/mini imported directly words " +
        "every issue 'Invalid input'. Server-only modules may use full zod.",
      from: { path: "^(app|components|lib)/", pathNot: `^lib/kontext/zod\\.ts$|${SERVER_ONLY}` },
      to: { path: "^node_modules/zod/" },
    },
    {
      name: "client-never-reaches-server-only",
      severity: "error",
      comment:
        "Server-only modules (lib/proxy, lib/engine, lib/server, lib/hub's fetching, or anything importing " +
        "`server-only`) are never reached from components/ or browser-side lib code.",
      from: { path: `^components/|${CLIENT_LIB}` },
      to: { path: `${SERVER_ONLY}|^node_modules/server-only/`, reachable: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    // Packages stay in the graph as leaves (not followed), so rules can name them (zod, server-only).
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)\\.next/" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
