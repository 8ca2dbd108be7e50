import { describe, expect, it } from "vitest";
import { getHubConfig } from "./config";
import { HubError } from "./errors";

describe("getHubConfig", () => {
  it("defaults to the public Hub, 10 s and no token", () => {
    expect(getHubConfig({})).toEqual({ origin: "https://huggingface.co", timeoutMs: 10_000 });
  });

  it("reads HF_ENDPOINT, HF_TOKEN and HF_HUB_DOWNLOAD_TIMEOUT", () => {
    expect(
      getHubConfig({
        HF_ENDPOINT: " https://hf-mirror.example/ ",
        HF_TOKEN: " hf_abc ",
        HF_HUB_DOWNLOAD_TIMEOUT: "2.5",
      }),
    ).toEqual({ origin: "https://hf-mirror.example", token: "hf_abc", timeoutMs: 2_500 });
  });

  it.each([
    [{ HF_ENDPOINT: "not a url" }, /not a URL/],
    [{ HF_ENDPOINT: "file:///etc" }, /http or https/],
    [{ HF_ENDPOINT: "https://mirror.example/base" }, /origin only/],
    [{ HF_ENDPOINT: "https://user:hf_secret@mirror.example" }, /origin only/],
    [{ HF_HUB_DOWNLOAD_TIMEOUT: "0" }, /0\.1 to 60/],
    [{ HF_HUB_DOWNLOAD_TIMEOUT: "soon" }, /0\.1 to 60/],
  ])("refuses %j without echoing it", (env, message) => {
    let error: unknown;
    try {
      getHubConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HubError);
    expect((error as HubError).code).toBe("config");
    expect((error as HubError).message).toMatch(message);
    expect((error as HubError).message).not.toContain("hf_secret");
  });
});
