// Backups to a file the administrator chooses (a USB stick), and restoring one after it is checked
// whole; the replaced store is kept beside it.
import { call, type SavedBundle } from "../api";
import { act, field, formError, h, input, notice, section, todayIso } from "../dom";
import { t, periodName } from "../i18n";
import { isHigherOffice, signedOut } from "../session";
import { withProgress } from "../progress";

export async function backupScreen(): Promise<HTMLElement> {
  const backup = h("button", { type: "button", id: "backup", class: "primary" }, t("ui-backup-now"));
  const restore = h("button", { type: "button", id: "restore", class: "danger" }, t("ui-restore"));
  const b = section(t("ui-backup-title"), h("p", { class: "muted" }, t("ui-backup-explain")), backup, formError());
  const r = section(t("ui-restore-title"), h("p", { class: "muted" }, t("ui-restore-explain")), restore, formError());
  backup.addEventListener("click", () => act(backup, b, async () => {
    const path = await call<string | null>("backup");
    if (path) notice(t("ui-backup-done", { path }));
  }));
  restore.addEventListener("click", () => act(restore, r, async () => {
    if (!window.confirm(t("ui-restore-confirm"))) return;
    const kept = await withProgress(() => call<string | null>("restore"));
    if (kept === null) return;
    await signedOut();
    notice(t("ui-restore-done", { kept }));
  }));
  const [y, m] = todayIso().split("-").map(Number);
  const prev = new Date(y, m - 2, 1);
  const month = input({ value: `${String(prev.getMonth() + 1).padStart(2, "0")}.${prev.getFullYear()}`, class: "short", inputmode: "numeric" });
  const exportMonth = h("button", { type: "button", id: "export-month", class: "primary" }, t("ui-export-month"));
  const exportSince = h("button", { type: "button", id: "export-since" }, t("ui-export-since"));
  const x = section(t("ui-export-title"), h("p", { class: "muted" }, t("ui-export-explain")), h("div", { class: "row" }, field("export-month-value", t("ui-month"), month, { name: "month", hint: t("ui-month-hint") }), exportMonth, exportSince), formError());
  const run = (b: HTMLButtonElement, m: string | null) => act(b, x, async () => {
    const r = await withProgress(() => call<SavedBundle | null>("export_bundle", { month: m }));
    if (r) notice(t("ui-export-done", { path: r.path, cases: r.counts.cases ?? 0, period: periodName(r.period) }));
  });
  exportMonth.addEventListener("click", () => run(exportMonth, month.value.trim()));
  exportSince.addEventListener("click", () => run(exportSince, null));
  // A higher office has no office of its own to export.
  return h("div", { id: "backup-screen" }, isHigherOffice() ? null : x, b, r);
}
