// Pieces several screens share: a case as a link, kind and status words, lists with "nothing here".
import type { CaseSummary, Due } from "../api";
import { h, table, type Child } from "../dom";
import { fmtDate, t } from "../i18n";
import { go } from "../router";

export function caseLink(id: number): HTMLElement {
  return h("a", { href: "#", class: "case-link", "data-case": id, onclick: (e: Event) => { e.preventDefault(); void go({ name: "case", id }); } }, t("ui-case", { id: String(id) }));
}

export function list(items: Child[][], empty = t("ui-none")): HTMLElement {
  if (!items.length) return h("p", { class: "muted" }, empty);
  return h("ul", {}, ...items.map((parts) => h("li", {}, ...parts)));
}

export function dueLine(x: Due): Child[] {
  return [caseLink(x.case_id), ` — ${x.applicant} — ${t(`ui-kind-${x.kind}`)}: ${t(`ui-step-${x.step}`, { date: fmtDate(x.deadline) })}`];
}

export function casesTable(rows: CaseSummary[], id = "cases"): HTMLElement {
  if (!rows.length) return h("p", { class: "muted" }, t("ui-none"));
  return table(
    // Kind and status share a column: every other column is a word that cannot wrap, and with
    // both the applicant's names wrapped over four lines (decisions-ru).
    [t("ui-col-case"), t("ui-col-applicant"), t("ui-col-passport"), `${t("ui-col-kind")} / ${t("ui-col-status")}`, t("ui-col-registered"), t("ui-col-certificate")],
    rows.map((c) => [
      caseLink(c.id),
      h("span", {}, c.applicant, c.applicant_cyrillic ? h("br") : null, c.applicant_cyrillic ? h("small", {}, c.applicant_cyrillic) : null),
      c.passport_number,
      h("span", {}, t(`ui-kind-${c.kind}`), h("br"), h("span", { class: `status ${c.status}` }, t(`ui-status-${c.status}`))),
      fmtDate(c.registered_on),
      c.certificate ? h("span", { class: "num" }, c.certificate) : "",
    ]),
    { id, class: "grid" },
  );
}
