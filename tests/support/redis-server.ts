import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./next-server";

/** A real redis-server on loopback, started for a test run in its own temporary folder. */
export interface RedisServer {
  url: string;
  port: number;
  stop: () => Promise<void>;
  /** Starts it again on the same port (after stop). */
  restart: () => Promise<void>;
}

const BINARY = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].find((file) =>
  existsSync(file),
);

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.end();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Starts Debian's redis-server (no persistence) on a free port and waits until it accepts connections. */
export async function startRedis(): Promise<RedisServer> {
  if (!BINARY) throw new Error("redis-server is not installed (apt-get install redis-server)");
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "kontext-redis-"));
  let child: ChildProcess | null = null;
  const launch = async () => {
    child = spawn(
      BINARY,
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        dir,
      ],
      { stdio: "ignore" },
    );
    const deadline = Date.now() + 10_000;
    while (!(await answers(port))) {
      if (Date.now() > deadline) throw new Error("redis-server did not start");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      const running = child;
      if (!running || running.exitCode !== null) return resolve();
      running.once("exit", () => resolve());
      running.kill("SIGTERM");
    });
  await launch();
  return { url: `redis://127.0.0.1:${port}`, port, stop, restart: launch };
}
