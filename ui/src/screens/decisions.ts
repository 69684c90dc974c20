// The head's desk: cases assessed by the Commission, and extensions, reissues and duplicates,
// waiting for a decision (App 2 p.3, p.10-11).
import { call, type Agenda } from "../api";
import { h, section } from "../dom";
import { t } from "../i18n";
import { casesTable } from "./common";

export async function decisionsScreen(): Promise<HTMLElement> {
  const agenda = await call<Agenda>("agenda");
  return h("div", { id: "decisions" }, h("h2", { class: "screen-title" }, t("ui-menu-decisions")), section(t("ui-awaiting-decision"), h("p", { class: "muted" }, t("ui-awaiting-decision-explain")), casesTable(agenda.decision, "decision-table")));
}
