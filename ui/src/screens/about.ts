// What the program is, the legal basis it applies (rule sets with their dates and sources, the
// lists), and where its data lives.
import { call, type About } from "../api";
import { h, section, table } from "../dom";
import { fmtDate, t } from "../i18n";

export async function aboutScreen(): Promise<HTMLElement> {
  const a = await call<About>("about");
  return h(
    "div",
    { id: "about" },
    section(
      t("app-title"),
      h("p", {}, t("app-tagline")),
      h("p", {}, t("ui-about-version", { version: a.version })),
      h("p", {}, t("ui-about-store", { path: a.store })),
      h("p", { class: "muted" }, t("ui-about-offline")),
    ),
    section(
      t("ui-about-law"),
      h("p", {}, t("ui-about-law-explain")),
      table([t("ui-rule-set"), t("ui-col-order"), t("ui-col-effective"), t("ui-col-threshold")], a.rule_sets.map((r) => [r.id, r.order, fmtDate(r.effective_from) + (r.effective_from_assumed ? ` (${t("ui-assumed")})` : ""), String(r.threshold)]), { class: "grid", id: "about-rules" }),
      h("h3", {}, t("ui-about-lists")),
      h("ul", {}, ...a.lists.map(([id, source]) => h("li", {}, `${id}: ${source}`))),
      h("p", { class: "muted" }, t("doc-unofficial-names")),
      h("p", { class: "muted" }, t("ui-about-font")),
    ),
  );
}
