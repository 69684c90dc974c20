// What everyone sees first: what is due today and what is late, in working days, and
// certificates about to end.
import { call, type Dashboard, type Saved } from "../api";
import { act, dateInput, field, formError, h, notice, readDate, section } from "../dom";
import { fmtDate, t } from "../i18n";
import { go } from "../router";
import { hasRole } from "../session";
import { dueLine, list } from "./common";
import { preview } from "../preview";

export async function dashboardScreen(): Promise<HTMLElement> {
  const d = await call<Dashboard>("dashboard");
  return h(
    "div",
    { id: "home" },
    h("h2", { class: "screen-title" }, t("ui-dashboard-title", { date: fmtDate(d.today) })),
    quickSearch(),
    // Due, the reminder comes first; done lately, it waits at the foot.
    hasRole("admin") && d.backup_due ? backupCard(d) : null,
    h(
      "div",
      { class: "columns" },
      section(t("ui-due-today"), h("div", { id: "due-today" }, list(d.due_today.map(dueLine)))),
      section(t("ui-late"), h("div", { id: "late" }, list(d.late.map((x) => [...dueLine(x), h("strong", { class: "late" }, ` (${t("ui-late-by", { days: x.late_by })})`)])))),
      section(
        t("ui-ending"),
        h("div", { id: "ending" }, list(d.ending_soon.map((x) => [h("a", { href: "#", onclick: (e: Event) => { e.preventDefault(); void go({ name: "search", text: x.number }); } }, x.number), ` — ${x.holder} — ${t("ui-valid-to", { date: fmtDate(x.valid_to) })}`]))),
      ),
    ),
    section(t("ui-upcoming"), h("div", { id: "upcoming" }, list(d.upcoming.slice(0, 15).map((x) => [...dueLine(x), h("span", { class: "left" }, ` (${t("ui-days-left", { count: x.left })})`)])))),
    printRun(d.today),
    hasRole("admin") && !d.backup_due ? backupCard(d) : null,
  );
}

/** When the store was last backed up, and the backup one click away (a file the administrator
 * chooses, e.g. on a USB stick); a week without one is shown as due. */
function backupCard(d: Dashboard): HTMLElement {
  const now = h("button", { type: "button", id: "dashboard-backup", class: d.backup_due ? "primary" : "" }, t("ui-backup-now"));
  const said = d.last_backup && d.days_since_backup !== null ? t("ui-backup-last", { date: fmtDate(d.last_backup), days: d.days_since_backup }) : t("ui-backup-never");
  const card = section(
    t("ui-backup-title"),
    h("p", { id: "backup-last", class: d.backup_due ? "warn" : "muted" }, said),
    d.backup_due ? h("p", { id: "backup-due" }, t("ui-backup-due")) : null,
    now,
    formError(),
  );
  card.id = "backup-card";
  now.addEventListener("click", () =>
    act(now, card, async () => {
      const path = await call<string | null>("backup");
      if (!path) return;
      notice(t("ui-backup-done", { path }));
      await go({ name: "dashboard" });
    }),
  );
  return card;
}

/** The day's certificates in one PDF, Kazakh and Russian, every print recorded. */
function printRun(today: string): HTMLElement {
  const day = dateInput(today);
  const run = h("button", { type: "button", id: "print-day" }, t("ui-print-day"));
  const look = h("button", { type: "button", id: "print-day-preview", class: "primary" }, t("ui-preview-open"));
  const card = section(t("ui-print-day-title"), h("p", { class: "muted" }, t("ui-print-day-explain")), h("div", { class: "row" }, field("print-day-date", t("ui-day"), day, { name: "day" }), look, run), formError());
  look.addEventListener("click", () =>
    act(look, card, async () => {
      const on = readDate(day, "day");
      await preview({ title: t("ui-print-day-title"), draftOnly: false, fetch: (draft) => call<ArrayBuffer>("view_decided", { day: on, month: null, docLang: "kk+ru", draft }) });
    }),
  );
  run.addEventListener("click", () =>
    act(run, card, async () => {
      const r = await call<[number, Saved] | null>("print_decided", { day: readDate(day, "day"), month: null, docLang: "kk+ru", show: true });
      if (r) notice(t("ui-printed-run", { count: r[0], path: r[1].path }));
    }),
  );
  return card;
}

function quickSearch(): HTMLElement {
  const box = h("input", { id: "search", type: "search", autocomplete: "off", placeholder: t("ui-search-hint"), "aria-label": t("ui-search") });
  const form = h("form", { role: "search", class: "quick-search" }, box, h("button", { type: "submit" }, t("ui-search-go")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void go({ name: "search", text: box.value });
  });
  return form;
}
