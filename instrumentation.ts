/** Runs once when the server starts: installs the peer-address stamp the rate limits rely on. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installPeerAddressHook } = await import("./lib/server/guard/peer-address-hook");
    installPeerAddressHook();
  }
}
