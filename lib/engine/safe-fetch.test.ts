import type { LookupAddress, LookupAllOptions } from "node:dns";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { InputError } from "@/lib/engine/errors";
import { fetchPublicUrl, isPublicAddress, MAX_REMOTE_IMAGE_BYTES } from "@/lib/engine/safe-fetch";

/** Hostnames the (otherwise real) resolver answers with fixed addresses, to test connect-time checks. */
const fakeHosts = vi.hoisted(() => new Map<string, LookupAddress[]>());

vi.mock("node:dns", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:dns")>();
  type AllCallback = (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void;
  const lookup = (hostname: string, options: LookupAllOptions, callback: AllCallback) => {
    const fake = fakeHosts.get(hostname);
    if (fake) {
      process.nextTick(() => callback(null, fake));
      return;
    }
    actual.lookup(hostname, options, callback);
  };
  return { ...actual, lookup, default: { ...actual, lookup } };
});

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface TestServer {
  url: string;
  port: number;
  /** Paths requested so far, in order. */
  requests: string[];
}

const servers: Server[] = [];

/** Starts a real HTTP server on a loopback address and records every request it receives. */
async function startServer(host: string, handler: Handler = okImage): Promise<TestServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? "");
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const hostPart = host.includes(":") ? `[${host}]` : host;
  return { url: `http://${hostPart}:${port}`, port, requests };
}

const IMAGE_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);

function okImage(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { "Content-Type": "image/png", "Content-Length": IMAGE_BYTES.length });
  res.end(IMAGE_BYTES);
}

afterEach(async () => {
  fakeHosts.clear();
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

/** Runs the fetch and returns the InputError it must fail with. */
async function refusal(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => new Error("expected the fetch to fail"),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(InputError);
  const inputError = error as InputError;
  expect(inputError.field).toBe("image_url");
  expect(inputError.message).not.toMatch(/\n\s+at /);
  return inputError;
}

describe("isPublicAddress", () => {
  it.each([
    "127.0.0.1",
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "255.255.255.255",
    "224.0.0.1",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "::ffff:127.0.0.1",
    "::ffff:169.254.169.254",
    "localhost",
    "not an address",
  ])("treats %s as not public", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
  ])("treats %s as public", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe("fetchPublicUrl refusals", () => {
  it("refuses a loopback IPv4 URL without sending any request", async () => {
    const server = await startServer("127.0.0.1");
    const error = await refusal(fetchPublicUrl(`${server.url}/image.png`));
    expect(error.message).toBe(
      "The image URL points to a private or loopback address (127.0.0.1); only public addresses are fetched",
    );
    expect(server.requests).toEqual([]);
  });

  it("refuses localhost without sending any request", async () => {
    const server = await startServer("127.0.0.1");
    const error = await refusal(fetchPublicUrl(`http://localhost:${server.port}/image.png`));
    expect(error.message).toMatch(/private or loopback address \(localhost\)/);
    expect(server.requests).toEqual([]);
  });

  it("refuses a bracketed IPv6 loopback URL without sending any request", async () => {
    const server = await startServer("::1");
    const error = await refusal(fetchPublicUrl(`${server.url}/image.png`));
    expect(error.message).toMatch(/private or loopback address \(::1\)/);
    expect(server.requests).toEqual([]);
  });

  it("refuses the cloud metadata address", async () => {
    const error = await refusal(
      fetchPublicUrl("http://169.254.169.254/latest/meta-data/", { timeoutMs: 1_000 }),
    );
    expect(error.message).toMatch(/private or loopback address \(169\.254\.169\.254\)/);
  });

  it("refuses an IPv4-mapped IPv6 loopback URL", async () => {
    const error = await refusal(
      fetchPublicUrl("http://[::ffff:127.0.0.1]:9/", { timeoutMs: 1_000 }),
    );
    expect(error.message).toMatch(/private or loopback address/);
  });

  it.each([
    ["file:///etc/passwd", "file"],
    ["ftp://example.com/image.png", "ftp"],
  ])("refuses the non-http URL %s", async (url, scheme) => {
    const error = await refusal(fetchPublicUrl(url));
    expect(error.message).toBe(`Only http and https image URLs are fetched (got '${scheme}')`);
  });

  it("refuses a URL with credentials without sending any request", async () => {
    const server = await startServer("127.0.0.1");
    const url = `http://user:secret@127.0.0.1:${server.port}/image.png`;
    const error = await refusal(fetchPublicUrl(url, { allowPrivateNetwork: true }));
    expect(error.message).toBe("The image URL must not contain credentials (user:password@)");
    expect(server.requests).toEqual([]);
  });

  it("refuses a hostname that resolves to a private address at connect time", async () => {
    const server = await startServer("127.0.0.1");
    fakeHosts.set("rebound.example", [{ address: "127.0.0.1", family: 4 }]);
    const error = await refusal(fetchPublicUrl(`http://rebound.example:${server.port}/`));
    expect(error.message).toMatch(/private or loopback address \(127\.0\.0\.1\)/);
    expect(server.requests).toEqual([]);
  });

  it("refuses a hostname when any one of its resolved addresses is not allowed", async () => {
    const server = await startServer("127.0.0.1");
    fakeHosts.set("mixed.example", [
      { address: "127.0.0.1", family: 4 },
      { address: "10.0.0.1", family: 4 },
    ]);
    const error = await refusal(
      fetchPublicUrl(`http://mixed.example:${server.port}/`, {
        isAllowedAddress: (address) => address === "127.0.0.1",
      }),
    );
    expect(error.message).toMatch(/private or loopback address \(10\.0\.0\.1\)/);
    expect(server.requests).toEqual([]);
  });

  it("names the host and error code when the hostname does not resolve", async () => {
    const error = await refusal(
      fetchPublicUrl("http://does-not-exist.invalid/image.png", { timeoutMs: 5_000 }),
    );
    expect(error.message).toMatch(
      /^(Could not reach the image URL host does-not-exist\.invalid \((ENOTFOUND|EAI_AGAIN)\)|Fetching the image URL timed out after 5 s)$/,
    );
  });
});

describe("fetchPublicUrl against a local server", () => {
  it("returns the body, content type and final URL on success", async () => {
    const server = await startServer("127.0.0.1");
    const file = await fetchPublicUrl(`${server.url}/image.png`, { allowPrivateNetwork: true });
    expect(file).toEqual({
      bytes: IMAGE_BYTES,
      contentType: "image/png",
      finalUrl: `${server.url}/image.png`,
    });
  });

  it("sends a plain User-Agent and asks for images", async () => {
    let headers: IncomingMessage["headers"] = {};
    const server = await startServer("127.0.0.1", (req, res) => {
      headers = req.headers;
      okImage(req, res);
    });
    await fetchPublicUrl(`${server.url}/`, { allowPrivateNetwork: true });
    expect(headers.accept).toBe("image/*");
    expect(headers["user-agent"]).toMatch(/^KontextPlayground/);
  });

  it("follows a chain of relative and absolute redirects", async () => {
    const server = await startServer("127.0.0.1", (req, res) => {
      if (req.url === "/start") res.writeHead(302, { Location: "next" }).end();
      else if (req.url === "/next") {
        res.writeHead(301, { Location: `http://${req.headers.host}/final` }).end();
      } else okImage(req, res);
    });
    const file = await fetchPublicUrl(`${server.url}/start`, { allowPrivateNetwork: true });
    expect(file.bytes).toEqual(IMAGE_BYTES);
    expect(file.finalUrl).toBe(`${server.url}/final`);
    expect(server.requests).toEqual(["/start", "/next", "/final"]);
  });

  it("does not read the body of a redirect response", async () => {
    const server = await startServer("127.0.0.1", (req, res) => {
      if (req.url !== "/start") return okImage(req, res);
      res.writeHead(302, { Location: "/final" });
      const timer = setInterval(() => res.write(Buffer.alloc(64 * 1024)), 1);
      res.on("close", () => clearInterval(timer));
    });
    const file = await fetchPublicUrl(`${server.url}/start`, {
      allowPrivateNetwork: true,
      maxBytes: 1024,
      timeoutMs: 2_000,
    });
    expect(file.bytes).toEqual(IMAGE_BYTES);
  });

  it("refuses a redirect to a private address even when the first hop was allowed", async () => {
    const target = await startServer("127.0.0.2");
    const first = await startServer("127.0.0.1", (_req, res) => {
      res.writeHead(302, { Location: `${target.url}/secret` }).end();
    });
    const error = await refusal(
      fetchPublicUrl(`${first.url}/`, { isAllowedAddress: (address) => address === "127.0.0.1" }),
    );
    expect(error.message).toMatch(/private or loopback address \(127\.0\.0\.2\)/);
    expect(first.requests).toEqual(["/"]);
    expect(target.requests).toEqual([]);
  });

  it("refuses a redirect to a non-http scheme", async () => {
    const server = await startServer("127.0.0.1", (_req, res) => {
      res.writeHead(302, { Location: "file:///etc/passwd" }).end();
    });
    const error = await refusal(fetchPublicUrl(`${server.url}/`, { allowPrivateNetwork: true }));
    expect(error.message).toMatch(/got 'file'/);
  });

  it("gives up after more than five redirects", async () => {
    const server = await startServer("127.0.0.1", (req, res) => {
      const hop = Number(req.url?.slice(1) ?? 0);
      res.writeHead(302, { Location: `/${hop + 1}` }).end();
    });
    const error = await refusal(fetchPublicUrl(`${server.url}/0`, { allowPrivateNetwork: true }));
    expect(error.message).toBe("The image URL redirected more than 5 times");
    expect(server.requests).toHaveLength(6);
  });

  it("names the HTTP status of a non-2xx answer", async () => {
    const server = await startServer("127.0.0.1", (_req, res) => {
      res.writeHead(404, { "Content-Type": "text/html" }).end("<h1>Not found</h1>");
    });
    const error = await refusal(fetchPublicUrl(`${server.url}/`, { allowPrivateNetwork: true }));
    expect(error.message).toBe("The image URL answered HTTP 404");
  });

  it("aborts a streamed body as soon as it exceeds maxBytes", async () => {
    let chunksWritten = 0;
    const server = await startServer("127.0.0.1", (_req, res) => {
      res.writeHead(200, { "Content-Type": "image/png" });
      const timer = setInterval(() => {
        chunksWritten++;
        if (!res.write(Buffer.alloc(1024)) || chunksWritten >= 100) clearInterval(timer);
      }, 5);
      res.on("close", () => clearInterval(timer));
    });
    const error = await refusal(
      fetchPublicUrl(`${server.url}/`, { allowPrivateNetwork: true, maxBytes: 4096 }),
    );
    expect(error.message).toBe("The image at the URL is larger than 4 KiB");
    expect(chunksWritten).toBeLessThan(100);
  });

  it("refuses a declared Content-Length over maxBytes before reading the body", async () => {
    const server = await startServer("127.0.0.1", (_req, res) => {
      res.writeHead(200, { "Content-Length": String(MAX_REMOTE_IMAGE_BYTES + 1) });
      res.write(Buffer.alloc(16)); // and then stall: the refusal must not wait for the body
    });
    const started = Date.now();
    const error = await refusal(fetchPublicUrl(`${server.url}/`, { allowPrivateNetwork: true }));
    expect(error.message).toBe("The image at the URL is larger than 64 MiB");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("times out when the server never answers", async () => {
    const server = await startServer("127.0.0.1", () => {
      // Never respond.
    });
    const error = await refusal(
      fetchPublicUrl(`${server.url}/`, { allowPrivateNetwork: true, timeoutMs: 300 }),
    );
    expect(error.message).toBe("Fetching the image URL timed out after 300 ms");
  });

  it("times out when the body stalls after the headers", async () => {
    const server = await startServer("127.0.0.1", (_req, res) => {
      res.writeHead(200, { "Content-Type": "image/png", "Content-Length": "1000" });
      res.write(Buffer.alloc(10));
    });
    const error = await refusal(
      fetchPublicUrl(`${server.url}/`, { allowPrivateNetwork: true, timeoutMs: 300 }),
    );
    expect(error.message).toBe("Fetching the image URL timed out after 300 ms");
  });

  it("reports a connection that closes before the body is complete", async () => {
    const server = await startServer("127.0.0.1", (_req, res) => {
      res.writeHead(200, { "Content-Type": "image/png", "Content-Length": "1000" });
      res.write(Buffer.alloc(10), () => res.destroy());
    });
    const error = await refusal(fetchPublicUrl(`${server.url}/`, { allowPrivateNetwork: true }));
    expect(error.message).toBe("The image URL closed the connection before the image was sent");
  });

  it("names the host and code when the connection is refused", async () => {
    const server = await startServer("127.0.0.1");
    const closedPort = server.port;
    await new Promise<void>((resolve) => servers.pop()?.close(() => resolve()));
    const error = await refusal(
      fetchPublicUrl(`http://127.0.0.1:${closedPort}/`, { allowPrivateNetwork: true }),
    );
    expect(error.message).toBe("Could not reach the image URL host 127.0.0.1 (ECONNREFUSED)");
  });
});
