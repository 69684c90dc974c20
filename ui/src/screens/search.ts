// Finds any person, case or certificate: a name in any script, a passport, an IIN/BIN or a
// certificate number. Results follow every keystroke.
import { call } from "../api";
import { h } from "../dom";
import { t } from "../i18n";
import { casesTable } from "./common";

interface Found { cases: import("../api").CaseSummary[]; more: boolean }

export async function searchScreen(text: string): Promise<HTMLElement> {
  const box = h("input", { id: "search", type: "search", autocomplete: "off", value: text, "aria-describedby": "search-hint" });
  const results = h("div", { id: "results", "aria-live": "polite" });
  let seq = 0;
  const run = async () => {
    const mine = ++seq;
    const q = box.value.trim();
    if (!q) return results.replaceChildren();
    try {
      const f = await call<Found>("search", { text: q });
      if (mine !== seq) return;
      results.replaceChildren(h("p", { class: "count" }, t(f.more ? "ui-results-more" : "ui-results", { count: f.cases.length })), casesTable(f.cases, "search-results"));
    } catch (e) {
      results.replaceChildren(h("p", { class: "foot-error" }, (e as { message: string }).message));
    }
  };
  box.addEventListener("input", run);
  const form = h(
    "form",
    { id: "search-form", role: "search", onsubmit: (e: Event) => e.preventDefault() },
    h("label", { for: "search" }, t("ui-search")),
    box,
    h("small", { id: "search-hint", class: "hint" }, t("ui-search-hint")),
  );
  if (text) await run();
  box.setAttribute("data-autofocus", "");
  return h("div", {}, h("h2", { class: "screen-title" }, t("ui-menu-search")), form, results);
}
