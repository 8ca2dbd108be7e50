import type { TestProject } from "vitest/node";
import { type NextServer, startNext } from "../support/next-server";

let server: NextServer | undefined;

/** One app on the local engine for the whole integration run. */
export async function setup(project: TestProject): Promise<void> {
  server = await startNext({ KONTEXT_BACKEND: "local", LOCAL_ENGINE_STEP_MS: "20" });
  project.provide("localAppUrl", server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    localAppUrl: string;
  }
}
