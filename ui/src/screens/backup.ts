// Backups to a file the administrator chooses (a USB stick), and restoring one after it is checked
// whole; the replaced store is kept beside it.
import { call } from "../api";
import { act, h, notice, section, formError } from "../dom";
import { t } from "../i18n";
import { signedOut } from "../main";

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
    const kept = await call<string | null>("restore");
    if (kept === null) return;
    await signedOut();
    notice(t("ui-restore-done", { kept }));
  }));
  return h("div", { id: "backup-screen" }, b, r);
}
