import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ENDPOINT_ID } from "@/lib/kontext/endpoint";
import { startFakeFal } from "../support/fal-fake-upstream";
import { freePort, type NextServer, startNext } from "../support/next-server";
import { type RedisServer, startRedis } from "../support/redis-server";

const SERVER_KEY = "server-key-7d1e0c";
const OWN_KEY = "visitor-key-3b9a52";
const CODE = "open-sesame-42";

let redis: RedisServer;
let fal: Awaited<ReturnType<typeof startFakeFal>>;
const running: NextServer[] = [];

async function app(env: Record<string, string>): Promise<NextServer> {
  const server = await startNext({ FAL_KEY: SERVER_KEY, FAL_UPSTREAM_ORIGIN: fal.url, ...env });
  running.push(server);
  return server;
}

beforeAll(async () => {
  redis = await startRedis();
  fal = await startFakeFal();
});

afterAll(async () => {
  await fal?.stop();
  await redis?.stop();
});

beforeEach(async () => {
  const client = new Redis(redis.url);
  await client.flushall();
  client.disconnect();
  fal.requests.length = 0;
  fal.state.resultSize = { width: 1024, height: 1024 };
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

const QUEUE = `https://queue.fal.run/${ENDPOINT_ID}`;

function proxy(
  server: NextServer,
  target: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
) {
  return fetch(`${server.url}/api/fal/proxy`, {
    method: init.method ?? "GET",
    headers: { "x-fal-target-url": target, "content-type": "application/json", ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

function submit(server: NextServer, headers: Record<string, string> = {}, input: object = {}) {
  return proxy(server, QUEUE, {
    method: "POST",
    headers,
    body: { image_url: "https://example.com/a.png", prompt: "guarded", ...input },
  });
}

async function health(server: NextServer) {
  return (await (await fetch(`${server.url}/api/health`)).json()) as {
    guard?: { spend: { spentUsd: number; remainingUsd: number; limitUsd: number } | null };
  } & Record<string, unknown>;
}

describe("KONTEXT_RATE_LIMIT with counters in Redis", () => {
  it("stops a client at its quota with 429, Retry-After and a JSON message; polls never count", async () => {
    const server = await app({ KONTEXT_RATE_LIMIT: "3/minute", REDIS_URL: redis.url });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await submit(server);
      expect(response.status).toBe(200);
      ids.push(((await response.json()) as { request_id: string }).request_id);
      // Status polls and results in between are free.
      for (let poll = 0; poll < 3; poll++) {
        expect((await proxy(server, `${QUEUE}/requests/${ids[i]}/status`)).status).toBe(200);
      }
      expect((await proxy(server, `${QUEUE}/requests/${ids[i]}`)).status).toBe(200);
    }
    const refused = await submit(server);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await refused.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      code: "rate_limited",
      retryAfterSeconds: retryAfter,
      ownKeyHelps: true,
    });
    expect(body.message).toMatch(/3 per minute.*Try again in \d+ seconds?/);
    expect(fal.submits()).toHaveLength(3);
    // Still no count for polls after the limit.
    expect((await proxy(server, `${QUEUE}/requests/${ids[0]}/status`)).status).toBe(200);
  });

  it("ignores a spoofed X-Forwarded-For when no proxy is trusted", async () => {
    const server = await app({ KONTEXT_RATE_LIMIT: "2/hour", REDIS_URL: redis.url });
    expect((await submit(server, { "x-forwarded-for": "203.0.113.1" })).status).toBe(200);
    expect((await submit(server, { "x-forwarded-for": "203.0.113.2" })).status).toBe(200);
    for (const spoof of ["203.0.113.3", "198.51.100.9, 10.0.0.1", "garbage"]) {
      expect((await submit(server, { "x-forwarded-for": spoof })).status, spoof).toBe(429);
    }
    expect(fal.submits()).toHaveLength(2);
  });

  it("with KONTEXT_TRUSTED_PROXIES counts the client its proxy names", async () => {
    const server = await app({
      KONTEXT_RATE_LIMIT: "1/hour",
      REDIS_URL: redis.url,
      KONTEXT_TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8",
    });
    expect((await submit(server, { "x-forwarded-for": "203.0.113.1" })).status).toBe(200);
    expect((await submit(server, { "x-forwarded-for": "203.0.113.1" })).status).toBe(429);
    // A caller's own forged entry on the left does not help: the proxy's entry decides.
    expect((await submit(server, { "x-forwarded-for": "1.2.3.4, 203.0.113.1" })).status).toBe(429);
    expect((await submit(server, { "x-forwarded-for": "203.0.113.2, 10.1.2.3" })).status).toBe(200);
  });

  it("is shared by two instances of the app on one Redis", async () => {
    const env = { KONTEXT_RATE_LIMIT: "2/minute", REDIS_URL: redis.url };
    const [one, two] = await Promise.all([app(env), app(env)]);
    expect((await submit(one)).status).toBe(200);
    expect((await submit(two)).status).toBe(200);
    expect((await submit(one)).status).toBe(429);
    expect((await submit(two)).status).toBe(429);
    expect(fal.submits()).toHaveLength(2);
  });

  it("does not hold a visitor's own key to it, forwards their key and options, and strips options on the server's key", async () => {
    const server = await app({ KONTEXT_RATE_LIMIT: "1/day", REDIS_URL: redis.url });
    const options = {
      "x-fal-queue-priority": "low",
      "x-fal-runner-hint": "runner-7",
      "x-fal-request-timeout": "30",
    };
    const accepted = await submit(server, options);
    expect(accepted.status).toBe(200);
    const { request_id: acceptedId } = (await accepted.json()) as { request_id: string };
    expect((await submit(server)).status).toBe(429);
    for (let i = 0; i < 3; i++) {
      const own = await submit(server, { authorization: `Key ${OWN_KEY}`, ...options });
      expect(own.status).toBe(200);
    }
    const [first, ...own] = fal.submits();
    expect(first?.headers.authorization).toBe(`Key ${SERVER_KEY}`);
    for (const name of Object.keys(options)) expect(first?.headers[name], name).toBeUndefined();
    expect(own).toHaveLength(3);
    for (const request of own) {
      expect(request.headers.authorization).toBe(`Key ${OWN_KEY}`);
      expect(request.headers["x-fal-queue-priority"]).toBe("low");
      expect(request.headers["x-fal-runner-hint"]).toBe("runner-7");
    }
    const log = server.output();
    const lines = log.split("\n").filter((line) => line.includes('"event":"kontext.submit"'));
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({ key: "server", requestId: acceptedId });
    expect(JSON.parse(lines[1] ?? "{}")).toMatchObject({ key: "visitor" });
    expect(JSON.parse(lines[0] ?? "{}").client).toMatch(/^[0-9a-f]{12}$/);
    expect(log).not.toContain(SERVER_KEY);
    expect(log).not.toContain(OWN_KEY);
    expect(log).not.toContain("127.0.0.1,");
  });
});

describe("KONTEXT_SPEND_LIMIT", () => {
  it("reserves the worst case for match_input and auto, refuses what does not fit, and settles to the real size", async () => {
    const server = await app({ KONTEXT_SPEND_LIMIT: "0.14/hour", REDIS_URL: redis.url });
    // match_input and auto: up to 2 billed MP per image = $0.07 each.
    const first = await submit(server, {}, { resolution_mode: "match_input" });
    expect(first.status).toBe(200);
    const { request_id: firstId } = (await first.json()) as { request_id: string };
    expect((await submit(server, {}, { resolution_mode: "auto" })).status).toBe(200);
    expect((await health(server)).guard?.spend).toMatchObject({
      limitUsd: 0.14,
      spentUsd: 0.14,
      remainingUsd: 0,
    });

    const refused = await submit(server, {}, { resolution_mode: "1:1" });
    expect(refused.status).toBe(402);
    expect(await refused.json()).toMatchObject({
      code: "spend_limit",
      budget: { limitUsd: 0.14, window: "hour", remainingUsd: 0, priceUsd: 0.035 },
    });
    expect(fal.submits()).toHaveLength(2);

    // The result is 1024×1024: 1 billed MP, so $0.035 of the $0.07 reserved comes back.
    expect((await proxy(server, `${QUEUE}/requests/${firstId}`)).status).toBe(200);
    await expect.poll(async () => (await health(server)).guard?.spend?.spentUsd).toBe(0.105);
    expect((await submit(server, {}, { resolution_mode: "1:1" })).status).toBe(200);
    expect((await submit(server, {}, { resolution_mode: "1:1" })).status).toBe(402);
    // A visitor's own key is not held to the server's budget.
    expect((await submit(server, { authorization: `Key ${OWN_KEY}` })).status).toBe(200);
    expect(fal.submits()).toHaveLength(4);
    const settle = server
      .output()
      .split("\n")
      .find((line) => line.includes('"event":"kontext.settle"'));
    expect(JSON.parse(settle ?? "{}")).toMatchObject({
      requestId: firstId,
      predictedUsd: 0.07,
      settledUsd: 0.035,
    });
  });

  it("settles upwards when a result is larger than predicted, and counts num_images", async () => {
    const server = await app({ KONTEXT_SPEND_LIMIT: "1/day" });
    fal.state.resultSize = { width: 1568, height: 672 }; // just over 1 MP: 2 billed MP
    const response = await submit(server, {}, { resolution_mode: "21:9", num_images: 3 });
    const { request_id: id } = (await response.json()) as { request_id: string };
    expect((await health(server)).guard?.spend?.spentUsd).toBe(0.105);
    await proxy(server, `${QUEUE}/requests/${id}`);
    await expect.poll(async () => (await health(server)).guard?.spend?.spentUsd).toBe(0.21);
  });
});

describe("KONTEXT_ACCESS_CODE", () => {
  it("needs a session for runs on the server's key; the cookie is signed, HttpOnly and SameSite=Strict", async () => {
    const server = await app({ KONTEXT_ACCESS_CODE: CODE });
    const access = (init?: RequestInit) => fetch(`${server.url}/api/access`, init);
    expect(await (await access()).json()).toEqual({ required: true, session: false });
    const locked = await submit(server);
    expect(locked.status).toBe(401);
    expect(await locked.json()).toMatchObject({ code: "access_required", ownKeyHelps: true });
    expect((await proxy(server, `${QUEUE}/requests/fake-1/status`)).status).toBe(401);
    expect(fal.requests).toHaveLength(0);

    const post = (code: unknown, headers: Record<string, string> = {}) =>
      access({
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ code }),
      });
    const granted = await post(CODE);
    expect(granted.status).toBe(200);
    const cookie = granted.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(
      /^kontext_access=[^;]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict$/,
    );
    expect(cookie).not.toContain(CODE);
    const session = cookie.split(";")[0] ?? "";
    expect(await (await access({ headers: { cookie: session } })).json()).toEqual({
      required: true,
      session: true,
    });
    expect((await submit(server, { cookie: session })).status).toBe(200);
    expect((await post(CODE, { "x-forwarded-proto": "https" })).headers.get("set-cookie")).toMatch(
      /; Secure$/,
    );

    const forged = `${session.slice(0, -3)}abc`;
    expect((await submit(server, { cookie: forged })).status).toBe(401);
    expect((await submit(server, { authorization: `Key ${OWN_KEY}` })).status).toBe(200);
    expect(await (await fetch(`${server.url}/api/health`)).text()).not.toContain(CODE);
    expect(server.output()).not.toContain(CODE);
  });

  it("answers a wrong code with 401 and limits the attempts", async () => {
    const server = await app({ KONTEXT_ACCESS_CODE: CODE, REDIS_URL: redis.url });
    const post = (code: string) =>
      fetch(`${server.url}/api/access`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ code }),
      });
    for (let i = 0; i < 5; i++) {
      const wrong = await post(`guess-${i}`);
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toMatchObject({ code: "access_denied" });
    }
    const blocked = await post(CODE);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(60);
    expect(await blocked.json()).toMatchObject({ code: "access_attempts" });
    const crossSite = await fetch(`${server.url}/api/access`, {
      method: "POST",
      headers: { "content-type": "application/json", "sec-fetch-site": "cross-site" },
      body: JSON.stringify({ code: CODE }),
    });
    expect(crossSite.status).toBe(403);
  });
});

describe("when Redis cannot be reached", () => {
  it("refuses runs on the server's key with 503 (never unlimited) and recovers when it is back", async () => {
    const nowhere = await app({
      KONTEXT_RATE_LIMIT: "100/minute",
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
    });
    const refused = await submit(nowhere);
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ code: "limits_unavailable" });
    expect(fal.submits()).toHaveLength(0);
    expect((await submit(nowhere, { authorization: `Key ${OWN_KEY}` })).status).toBe(200);

    const server = await app({ KONTEXT_SPEND_LIMIT: "5/day", REDIS_URL: redis.url });
    expect((await submit(server)).status).toBe(200);
    await redis.stop();
    try {
      expect((await submit(server)).status).toBe(503);
      expect((await health(server)).guard).toMatchObject({
        counters: "redis",
        countersReachable: false,
      });
    } finally {
      await redis.restart();
    }
    await expect.poll(async () => (await submit(server)).status, { timeout: 10_000 }).toBe(200);
  });
});
