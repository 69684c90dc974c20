// The audit trail, newest first, and a check of its hash chain from the first event to the last.
import { call, type AuditPage, type AuditRow } from "../api";
import { act, h, section, table } from "../dom";
import { fmtDateTime, t } from "../i18n";

export async function auditScreen(): Promise<HTMLElement> {
  const first = await call<AuditPage>("audit", { before: null, verify: false });
  const rows: AuditRow[] = [...first.rows];
  const body = h("div", { id: "audit-rows" });
  const status = h("p", { id: "audit-status", role: "status" });
  const verify = h("button", { type: "button", id: "audit-verify" }, t("ui-audit-verify"));
  const more = h("button", { type: "button", id: "audit-more" }, t("ui-more"));
  const draw = () =>
    body.replaceChildren(
      table([t("ui-col-seq"), t("ui-col-time"), t("ui-col-user"), t("ui-col-action"), t("ui-col-object")], rows.map((r) => [String(r.seq), fmtDateTime(r.at), `${r.full_name ? `${r.full_name}, ${r.login}` : r.login} (${t(`ui-role-${r.role}`)})`, t(`ui-action-${r.action}`), `${t(`ui-entity-${r.entity}`)} ${r.entity_id}`]), { class: "grid" }),
    );
  draw();
  more.hidden = first.rows.length < 100;
  const card = section(t("ui-menu-audit"), h("p", { class: "muted" }, t("ui-audit-explain")), verify, status, body, more);
  verify.addEventListener("click", () => act(verify, card, async () => {
    const p = await call<AuditPage>("audit", { before: 0, verify: true });
    status.className = p.broken ? "foot-error" : "ok";
    status.textContent = p.broken ?? t("ui-audit-ok", { events: p.verified?.events ?? 0, head: (p.verified?.head ?? "").slice(0, 16) });
  }));
  more.addEventListener("click", () => act(more, card, async () => {
    const p = await call<AuditPage>("audit", { before: rows[rows.length - 1]?.seq ?? null, verify: false });
    rows.push(...p.rows);
    more.hidden = p.rows.length < 100;
    draw();
  }));
  return h("div", { id: "audit" }, card);
}
