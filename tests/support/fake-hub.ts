import { createServer, type IncomingHttpHeaders, type Server } from "node:http";

/**
 * A fake Hugging Face Hub on loopback, answering in the Hub API's shapes as `@huggingface/hub`
 * 2.17 reads them (src/lib/model-info.ts, list-models.ts, list-files.ts, types/api/api-model.ts,
 * api-index-tree.ts, utils/parseLinkHeader.ts) and as the Hub's API docs describe them
 * (hub-docs docs/hub/api.md: `/api/models` with search, filter, sort, limit, expand and a `Link`
 * header for the next page; `X-Error-Code` RepoNotFound / GatedRepo / EntryNotFound):
 * - `GET /api/models/{id}[/revision/{rev}]?expand=…` (or `?blobs=true`): model info;
 * - `GET /api/models/{id}/tree/{rev}?recursive=…&cursor=…`: file entries with sizes, paged;
 * - `GET /{id}/resolve/{rev}/README.md`: the raw card; other files with `base64` content (card
 *   images) at their resolve URLs, as `application/octet-stream`;
 * - `GET /api/models?search=&filter=&sort=&limit=&expand=&cursor=`: the listing, paged.
 * Renamed repositories answer 307 to the new id, as the Hub does. Every request is recorded.
 */

/** One file of a fake repository. */
export interface FakeFile {
  path: string;
  size: number;
  /** The file's bytes (base64), served at its resolve URL; only README.md and these are served. */
  base64?: string;
}

/** One fake model repository. */
export interface FakeModel {
  id: string;
  private?: boolean;
  gated?: false | "auto" | "manual";
  downloads?: number;
  likes?: number;
  tags?: string[];
  cardData?: Record<string, unknown>;
  /** The README's text; null for a repository without one. */
  readme?: string | null;
  files?: FakeFile[];
  createdAt?: string;
  lastModified?: string;
}

/** A fault injected for every request whose path starts with a prefix. */
export type FakeFault =
  | { kind: "status"; status: number; headers?: Record<string, string>; body?: string }
  | { kind: "slow"; ms: number }
  | { kind: "huge"; bytes: number; declareLength: boolean }
  | { kind: "redirect"; location: string }
  /** The connection is dropped without an answer, as an unreachable Hub's would be. */
  | { kind: "reset" };

/** A request the fake received. */
export interface FakeRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** A running fake Hub. */
export interface FakeHub {
  url: string;
  requests: FakeRequest[];
  /** Injects `fault` for paths starting with `prefix` (until cleared). */
  fault: (prefix: string, fault: FakeFault) => void;
  clearFaults: () => void;
  stop: () => Promise<void>;
}

/** The token the fake accepts for private repositories. */
export const FAKE_TOKEN = "hf_fake_token_for_tests";

/** Starts a fake Hub serving `models`; `renames` maps old ids to new ones. */
export async function startFakeHub(
  models: readonly FakeModel[],
  options: {
    renames?: Record<string, string>;
    treePageSize?: number;
    /** A fixed loopback port (the e2e run's app is told it in advance); else a free one. */
    port?: number;
  } = {},
): Promise<FakeHub> {
  const byId = new Map(models.map((model) => [model.id, model]));
  const renames = options.renames ?? {};
  const treePageSize = options.treePageSize ?? 50;
  const requests: FakeRequest[] = [];
  const faults: Array<[string, FakeFault]> = [];
  let origin = "";

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    const json = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      const text = JSON.stringify(payload);
      res.writeHead(status, {
        "content-type": "application/json; charset=utf-8",
        "content-length": Buffer.byteLength(text),
        ...headers,
      });
      res.end(text);
    };
    const fault = faults.find(([prefix]) => url.pathname.startsWith(prefix))?.[1];
    if (fault?.kind === "slow") await new Promise((resolve) => setTimeout(resolve, fault.ms));
    if (res.destroyed) return;
    if (fault?.kind === "status") {
      res.writeHead(fault.status, { "content-type": "application/json", ...fault.headers });
      res.end(fault.body ?? JSON.stringify({ error: `fault ${fault.status}` }));
      return;
    }
    if (fault?.kind === "reset") {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "redirect") {
      res.writeHead(302, { location: fault.location });
      res.end();
      return;
    }
    if (fault?.kind === "huge") {
      res.writeHead(200, {
        "content-type": "application/json",
        ...(fault.declareLength ? { "content-length": String(fault.bytes) } : {}),
      });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < fault.bytes) {
          const part = chunk.subarray(0, Math.min(chunk.length, fault.bytes - sent));
          sent += part.length;
          if (!res.write(part)) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("error", () => undefined);
      pump();
      return;
    }
    const canSee = (model: FakeModel) =>
      !model.private || req.headers.authorization === `Bearer ${FAKE_TOKEN}`;
    const notFound = (what: string) =>
      json(404, { error: `${what} not found` }, { "x-error-code": "RepoNotFound" });

    if (url.pathname === "/api/models") return listing(url, json);
    const api = /^\/api\/models\/([^/]+\/[^/]+)(\/.*)?$/.exec(url.pathname);
    const resolve = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(url.pathname);
    const id = api?.[1] ?? resolve?.[1];
    if (!id) return notFound("Route");
    const renamed = renames[id];
    if (renamed) {
      const location = url.pathname.replace(id, renamed) + url.search;
      res.writeHead(307, { location, "content-type": "text/plain" });
      res.end(`Temporary Redirect. Redirecting to ${location}`);
      return;
    }
    const model = byId.get(id);
    if (!model) return notFound("Repository");
    if (!canSee(model)) {
      return json(
        401,
        { error: "Invalid credentials in Authorization header" },
        {
          "x-error-code": "RepoNotFound",
        },
      );
    }
    if (resolve) {
      const served = model.files?.find(
        (file) => file.base64 !== undefined && file.path === decodeURIComponent(resolve[3] ?? ""),
      );
      if (served?.base64 !== undefined) {
        const bytes = Buffer.from(served.base64, "base64");
        res.writeHead(200, {
          "content-type": "application/octet-stream",
          "content-length": bytes.length,
        });
        res.end(bytes);
        return;
      }
      if (decodeURIComponent(resolve[3] ?? "") !== "README.md" || model.readme == null) {
        return json(404, { error: "Entry not found" }, { "x-error-code": "EntryNotFound" });
      }
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      res.end(model.readme);
      return;
    }
    const rest = api?.[2] ?? "";
    const tree = /^\/tree\/([^/]+)(\/.*)?$/.exec(rest);
    if (tree) return treePage(model, url, json);
    if (rest === "" || /^\/revision\/[^/]+$/.test(rest)) return json(200, info(model, url));
    return notFound("Route");
  });

  function info(model: FakeModel, url: URL): Record<string, unknown> {
    const files = model.files ?? [];
    const blobs = url.searchParams.get("blobs") === "true";
    const full: Record<string, unknown> = {
      _id: `id-${model.id}`,
      id: model.id,
      author: model.id.split("/")[0],
      sha: "0123456789abcdef0123456789abcdef01234567",
      private: model.private ?? false,
      gated: model.gated ?? false,
      disabled: false,
      downloads: model.downloads ?? 0,
      likes: model.likes ?? 0,
      tags: model.tags ?? [],
      pipeline_tag: "image-to-image",
      library_name: "diffusers",
      createdAt: model.createdAt ?? "2025-07-01T00:00:00.000Z",
      lastModified: model.lastModified ?? "2025-07-02T00:00:00.000Z",
      cardData: model.cardData,
      siblings: files.map((file) =>
        blobs ? { rfilename: file.path, size: file.size, blobId: "b" } : { rfilename: file.path },
      ),
    };
    const expand = url.searchParams.getAll("expand");
    if (expand.length === 0) return full;
    return Object.fromEntries(
      Object.entries(full).filter(([key]) => key === "_id" || key === "id" || expand.includes(key)),
    );
  }

  function treePage(
    model: FakeModel,
    url: URL,
    json: (s: number, p: unknown, h?: Record<string, string>) => void,
  ) {
    const recursive = url.searchParams.get("recursive") === "true";
    const entries: Array<Record<string, unknown>> = [];
    const folders = new Set<string>();
    for (const file of model.files ?? []) {
      const parts = file.path.split("/");
      for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join("/"));
      if (!recursive && parts.length > 1) continue;
      const isLfs = file.size > 10 * 1024 * 1024;
      entries.push({
        type: "file",
        oid: "aaaa",
        size: file.size,
        path: file.path,
        ...(isLfs ? { lfs: { oid: "bbbb", size: file.size, pointerSize: 134 } } : {}),
      });
    }
    for (const folder of folders) {
      if (recursive || !folder.includes("/")) {
        entries.unshift({ type: "directory", oid: "cccc", size: 0, path: folder });
      }
    }
    page(entries, url, treePageSize, json);
  }

  function listing(url: URL, json: (s: number, p: unknown, h?: Record<string, string>) => void) {
    const search = (url.searchParams.get("search") ?? "").toLowerCase();
    const filters = url.searchParams.getAll("filter");
    const sort = url.searchParams.get("sort") ?? "trendingScore";
    const limit = Math.min(Number(url.searchParams.get("limit") ?? "1000"), 1000);
    const visible = models
      .filter((model) => !model.private)
      .filter((model) => model.id.toLowerCase().includes(search))
      .filter((model) => filters.every((filter) => model.tags?.includes(filter)));
    const key = (model: FakeModel): number =>
      sort === "likes"
        ? (model.likes ?? 0)
        : sort === "createdAt"
          ? Date.parse(model.createdAt ?? "2025-07-01")
          : (model.downloads ?? 0);
    visible.sort((a, b) => key(b) - key(a));
    page(
      visible.map((model) => info(model, url)),
      url,
      limit,
      json,
    );
  }

  function page(
    items: unknown[],
    url: URL,
    size: number,
    json: (s: number, p: unknown, h?: Record<string, string>) => void,
  ) {
    const start = Number(url.searchParams.get("cursor") ?? "0");
    const slice = items.slice(start, start + size);
    const headers: Record<string, string> = {};
    if (start + size < items.length) {
      const next = new URL(url.pathname + url.search, origin);
      next.searchParams.set("cursor", String(start + size));
      headers.link = `<${next.toString()}>; rel="next"`;
    }
    json(200, slice, headers);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return {
    url: origin,
    requests,
    fault: (prefix, fault) => {
      faults.unshift([prefix, fault]);
    },
    clearFaults: () => {
      faults.length = 0;
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
