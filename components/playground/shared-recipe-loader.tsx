"use client";

import { useEffect } from "react";
import { SHARE_PARAM } from "@/lib/share/params";
import { usePlaygroundStoreApi } from "./store-provider";

/**
 * "Open in playground" from a share page lands on `/?r=<token>`: the recipe goes into the form
 * once, and the token leaves the address bar (a reload does not apply it again).
 */
export function SharedRecipeLoader() {
  const store = usePlaygroundStoreApi();
  useEffect(() => {
    const url = new URL(window.location.href);
    const token = url.searchParams.get(SHARE_PARAM);
    if (!token) return;
    url.searchParams.delete(SHARE_PARAM);
    window.history.replaceState(window.history.state, "", url);
    void store.getState().openSharedRecipe(token);
  }, [store]);
  return null;
}
