import type { KeyboardEvent } from "react";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type TabList, useTabList } from "./tabs";

type View = "a" | "b" | "c";
const VIEWS: readonly View[] = ["a", "b", "c"];

/** The hook's answer for one render with `selected`, and what `onSelect` was called with. */
function tabListFor(selected: View, panels: "each" | "one" = "each") {
  const onSelect = vi.fn<(tab: View) => void>();
  let list: TabList<View> | null = null;
  function Probe() {
    list = useTabList(VIEWS, selected, onSelect, panels);
    return null;
  }
  renderToString(<Probe />);
  if (!list) throw new Error("the hook did not render");
  return { list: list as TabList<View>, onSelect };
}

/** Presses `key` on tab `tab`: whether the browser's default was prevented, and what got focus. */
function press(list: TabList<View>, tab: View, key: string) {
  const focused: string[] = [];
  vi.stubGlobal("document", {
    getElementById: (id: string) => ({ focus: () => focused.push(id) }),
  });
  const preventDefault = vi.fn();
  list.tabProps(tab).onKeyDown({ key, preventDefault } as unknown as KeyboardEvent<HTMLElement>);
  return { prevented: preventDefault.mock.calls.length > 0, focused };
}

afterEach(() => vi.unstubAllGlobals());

describe("useTabList", () => {
  it("marks the selected tab and gives only it the tab stop; each tab controls its panel", () => {
    const { list } = tabListFor("b");
    const [a, b] = [list.tabProps("a"), list.tabProps("b")];
    expect(b).toMatchObject({ role: "tab", "aria-selected": true, tabIndex: 0 });
    expect(b["data-state"]).toBe("active");
    expect(a).toMatchObject({ "aria-selected": false, tabIndex: -1, "data-state": "inactive" });
    expect(a["aria-controls"]).toBe(list.panelId("a"));
    expect(list.panelId("a")).not.toBe(list.panelId("b"));
    expect(a.id).toBe(list.tabId("a"));
  });

  it("names one panel for every tab when a single panel shows the selected one", () => {
    const { list } = tabListFor("a", "one");
    expect(list.panelId("a")).toBe(list.panelId("c"));
  });

  it("selects on click", () => {
    const { list, onSelect } = tabListFor("a");
    list.tabProps("c").onClick();
    expect(onSelect).toHaveBeenCalledWith("c");
  });

  it("moves with the arrow keys (wrapping), Home and End, selecting and focusing the tab", () => {
    const cases: [View, string, View][] = [
      ["a", "ArrowRight", "b"],
      ["c", "ArrowRight", "a"],
      ["a", "ArrowLeft", "c"],
      ["b", "Home", "a"],
      ["a", "End", "c"],
    ];
    for (const [from, key, to] of cases) {
      const { list, onSelect } = tabListFor(from);
      const { prevented, focused } = press(list, from, key);
      expect(prevented, `${key} from ${from}`).toBe(true);
      expect(onSelect, `${key} from ${from}`).toHaveBeenCalledWith(to);
      expect(focused).toEqual([list.tabId(to)]);
    }
  });

  it("leaves every other key to the browser", () => {
    const { list, onSelect } = tabListFor("a");
    const { prevented, focused } = press(list, "a", "Tab");
    expect(prevented).toBe(false);
    expect(onSelect).not.toHaveBeenCalled();
    expect(focused).toEqual([]);
  });
});
