// The higher office: import the bundles offices bring on a USB stick (verified whole; a new
// office trusted only after its fingerprint is compared), the offices and their last bundle, the
// consolidated register by month and office, and the conflicts found.
import { call, type HqConflict, type HqOffice, type HqRegisterRow, type ImportReport } from "../api";
import { act, asFail, checkbox, field, formError, h, input, section, monthOf, table, todayIso } from "../dom";
import { fmtDate, fmtDateTime, lang, t, periodName } from "../i18n";
import { go, keptWhileAsked, type Visit } from "../router";
import { withProgress } from "../progress";

interface HqStatus { offices: HqOffice[]; conflicts: HqConflict[] }
interface Imported { file: string; report: ImportReport }

export async function hqScreen(visit: Visit): Promise<HTMLElement> {
  const s = await call<HqStatus>("hq_status");
  return h(
    "div",
    { id: "hq" },
    h("h2", { class: "screen-title" }, t("ui-hq-title")),
    importCard(),
    section(
      t("ui-hq-offices"),
      s.offices.length
        ? table(
            [t("ui-hq-office"), t("ui-hq-fingerprint"), t("ui-hq-last-bundle"), t("ui-hq-imported"), t("ui-hq-cases"), t("ui-hq-certificates")],
            s.offices.map((o) => [`${o.code} — ${o[`name_${lang}`]}`, h("code", {}, o.fingerprint), o.last_period ? periodName(o.last_period) : "—", o.last_imported_at ? fmtDateTime(o.last_imported_at) : "—", String(o.cases), String(o.certificates)]),
            { class: "grid", id: "hq-offices" },
          )
        : h("p", { class: "muted", id: "hq-offices" }, t("ui-hq-no-offices")),
    ),
    registerCard(visit),
    section(
      t("ui-hq-conflicts"),
      h("p", { class: "muted" }, t("ui-hq-conflicts-explain")),
      s.conflicts.length
        ? table([t("ui-col-kind"), t("ui-hq-detail"), t("ui-hq-found")], s.conflicts.map((c) => [t(`ui-conflict-${c.kind}`), describe(c), fmtDateTime(c.found_at)]), { class: "grid", id: "hq-conflicts" })
        : h("p", { class: "muted", id: "hq-conflicts" }, t("ui-none")),
    ),
  );
}

function describe(c: HqConflict): string {
  // The conflict's detail is free-form JSON of its kind (see store::exchange).
  const d = (c.detail ?? {}) as Record<string, any>;
  if (c.kind === "passport_overlap") return t("ui-conflict-passport", { passport: d.passport, holder: d.holder, a: d.a?.number, b: d.b?.number });
  if (c.kind === "number_content") return t("ui-conflict-number", { number: d.number });
  return t("ui-conflict-audit", { seq: String(d.seq) });
}

function importCard(): HTMLElement {
  const dry = checkbox("hq-dry-run", t("ui-hq-dry-run"));
  const button = h("button", { type: "button", id: "hq-import", class: "primary" }, t("ui-hq-import"));
  const out = h("div", { id: "hq-report", "aria-live": "polite" });
  const card = section(t("ui-hq-import-title"), h("p", { class: "muted" }, t("ui-hq-import-explain")), dry, button, formError(), out);
  const run = async (trust: boolean, again: boolean) => {
    const dryRun = (card.querySelector("#hq-dry-run") as HTMLInputElement).checked;
    try {
      const r = await withProgress(() => call<Imported | null>("import_bundle", { trust, dryRun, again }));
      if (!r) return;
      if (!dryRun) await go({ name: "hq" });
      document.getElementById("hq-report")?.replaceChildren(report(r));
    } catch (e) {
      const fail = asFail(e);
      const fp = /[0-9a-f]{16}/.exec(fail.message)?.[0];
      const trustButton = h("button", { type: "button", id: "hq-trust" }, t("ui-hq-trust"));
      trustButton.addEventListener("click", () => act(trustButton, card, () => run(true, true)));
      out.replaceChildren(h("p", { class: "foot-error", role: "alert" }, fail.message), fail.message.includes(fp ?? "-") && !again ? trustButton : "");
    }
  };
  button.addEventListener("click", () => act(button, card, () => run(false, false)));
  return card;
}

function report(r: Imported): HTMLElement {
  const x = r.report;
  const line = (label: string, c: { new: number; updated: number; unchanged: number; older_skipped: number }) =>
    h("li", {}, `${label}: ${t("ui-hq-counts", { new: c.new, updated: c.updated, unchanged: c.unchanged, older: c.older_skipped })}`);
  return h(
    "div",
    { class: "report" },
    h("p", { class: x.already_imported ? "muted" : "ok", id: "hq-result" }, t(x.already_imported ? "ui-hq-already" : x.dry_run ? "ui-hq-dry-done" : "ui-hq-done", { office: x.office, period: periodName(x.period) })),
    h("p", { class: "muted" }, `${r.file} — ${t("ui-hq-fingerprint")}: ${x.fingerprint}`),
    h("ul", {}, line(t("ui-col-case"), x.cases), line(t("ui-col-certificate"), x.certificates), line(t("ui-hq-other"), x.others), h("li", {}, t("ui-hq-audit-new", { count: x.audit_new }))),
    x.conflicts.length ? h("p", { class: "late" }, t("ui-hq-new-conflicts", { count: x.conflicts.length })) : null,
  );
}

function registerCard(visit: Visit): HTMLElement {
  // The month shown last in this visit: drawn again in another language, the card shows it again.
  const kept = visit.state(() => ({ month: monthOf(todayIso()) }));
  const shown = visit.drawing();
  const month = input({ value: kept.month, class: "short", inputmode: "numeric" });
  const show = h("button", { type: "button", id: "hq-register-show" }, t("ui-register-show"));
  const out = h("div", { id: "hq-register" });
  const card = section(t("ui-hq-register"), h("div", { class: "row" }, field("hq-month", t("ui-month"), month, { name: "month", hint: t("ui-month-hint") }), show), formError(), out);
  show.addEventListener("click", () =>
    act(show, card, async () => {
      const asked = month.value.trim();
      const rows = await keptWhileAsked(kept, asked, shown, () => call<HqRegisterRow[]>("hq_register", { month: asked }));
      if (!shown()) return;
      out.replaceChildren(
        h("p", { class: "count" }, t("ui-register-count", { count: rows.length })),
        rows.length
          ? table([t("ui-hq-office"), t("ui-col-certificate"), t("ui-col-date"), t("ui-col-holder"), t("ui-a-citizenship"), t("ui-col-event"), t("ui-col-valid")], rows.map((x) => [x.office_code, x.number, fmtDate(x.date), x.holder, x.citizenship, t(`ui-event-${x.event}`), x.valid_from ? `${fmtDate(x.valid_from)} – ${fmtDate(x.valid_to)}` : ""]), { class: "grid", id: "hq-register-table" })
          : h("p", { class: "muted" }, t("ui-none")),
      );
    }),
  );
  queueMicrotask(() => show.click());
  return card;
}
