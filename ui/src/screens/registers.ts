// A month's register (decisions, refusals to accept, revocations) listed here and saved as PDF,
// XLSX or CSV for the higher office.
import { call, type RegisterRow, type Saved } from "../api";
import { act, field, formError, h, input, notice, section, select, monthOf, table, todayIso } from "../dom";
import { fmtDate, lang, t } from "../i18n";
import { preview } from "../preview";
import { keptWhileAsked, type Visit } from "../router";

export async function registersScreen(visit: Visit): Promise<HTMLElement> {
  // The month shown last in this visit: drawn again in another language, the screen shows it again.
  const kept = visit.state(() => ({ month: monthOf(todayIso()) }));
  const shown = visit.drawing();
  const month = input({ value: kept.month, placeholder: "03.2026", inputmode: "numeric", class: "short" });
  const docLang = select([["kk+ru", t("ui-doclang-kk-ru")], ["kk", "Қазақша"], ["ru", "Русский"], ["en", t("ui-doclang-en")]], "kk+ru", { id: "reg-lang" });
  const show = h("button", { type: "button", id: "reg-show" }, t("ui-register-show"));
  const out = h("div", { id: "reg-rows" });
  const card = section(t("ui-menu-registers"), h("div", { class: "row" }, field("reg-month", t("ui-month"), month, { name: "month", hint: t("ui-month-hint") }), field("reg-lang", t("ui-doc-lang"), docLang), show), formError());
  // The month is read by the app (MM.YYYY, or YYYY-MM), which refuses it next to the field.
  const check = () => month.value.trim();
  show.addEventListener("click", () =>
    act(show, card, async () => {
      const asked = check();
      const r = await keptWhileAsked(kept, asked, shown, () => call<{ month: string; rows: RegisterRow[] }>("register_preview", { month: asked }));
      if (!shown()) return;
      out.replaceChildren(
        h("p", { class: "count" }, t("ui-register-count", { count: r.rows.length })),
        r.rows.length
          ? table([t("ui-col-certificate"), t("ui-col-date"), t("ui-col-holder"), t("ui-a-citizenship"), t("ui-new-profession"), t("ui-col-event"), t("ui-col-valid")], r.rows.map((x) => [x.number, fmtDate(x.date), x.holder, x.citizenship, x.profession.profession[lang], t(`ui-event-${x.event}`), x.valid_from ? `${fmtDate(x.valid_from)} – ${fmtDate(x.valid_to)}` : ""]), { class: "grid", id: "reg-table" })
          : h("p", { class: "muted" }, t("ui-none")),
      );
    }),
  );
  // The files of the month and its certificates, one row of buttons with room between them.
  const actions = h("div", { class: "buttons" });
  card.append(actions);
  for (const format of ["pdf", "xlsx", "csv"]) {
    const b = h("button", { type: "button", id: `reg-${format}` }, t(`ui-save-${format}`));
    b.addEventListener("click", () => act(b, card, async () => {
      const saved = await call<Saved | null>("save_register", { month: check(), format, docLang: docLang.value, show: false });
      if (saved) notice(t("ui-saved", { path: saved.path }));
    }));
    actions.append(b);
  }
  // The month's certificates in one PDF, as the register lists them.
  const run = h("button", { type: "button", id: "reg-print-certificates" }, t("ui-print-month-certificates"));
  run.addEventListener("click", () => act(run, card, async () => {
    const r = await call<[number, Saved] | null>("print_decided", { day: null, month: check(), docLang: docLang.value, show: false });
    if (r) notice(t("ui-printed-run", { count: r[0], path: r[1].path }));
  }));
  const look = h("button", { type: "button", id: "reg-preview-certificates" }, t("ui-preview-open"));
  look.addEventListener("click", () => act(look, card, async () => {
    const month = check();
    await preview({ title: t("ui-print-month-certificates"), draftOnly: false, fetch: (draft) => call<ArrayBuffer>("view_decided", { day: null, month, docLang: docLang.value, draft }) });
  }));
  actions.append(run, look);
  show.click();
  return h("div", { id: "registers" }, card, out);
}
