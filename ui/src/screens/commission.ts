// The Commission's work: sittings with the members present, the agenda, and for each applicant
// the findings with points, threshold and recommendation computed live by the rules core; the
// Commission's own decision, with a written reason where it departs (Rules p.10; App 2 p.9).
import { call, type Agenda, type CasePage, type Findings, type Member, type Points, type Sitting } from "../api";
import { act, checkbox, clearErrors, dateInput, field, formError, h, input, LocalFail, notice, readDate, section, select, todayIso } from "../dom";
import { fmtDate, t, ruleSetName } from "../i18n";
import { go, type Visit } from "../router";
import { casesTable, caseLink } from "./common";

interface SittingsPage { sittings: Sitting[]; members: Member[] }

/** How many period rows the assessment had open, kept while it is drawn again in another language. */
interface Draft { periodRows: number }

export async function commissionScreen(visit: Visit, caseId?: number): Promise<HTMLElement> {
  const draft = visit.state<Draft>(() => ({ periodRows: 1 }));
  const [page, agenda] = await Promise.all([call<SittingsPage>("sittings"), call<Agenda>("agenda")]);
  const parts: HTMLElement[] = [h("h2", { class: "screen-title" }, t("ui-commission-title"))];
  if (caseId !== undefined) parts.push(await assessmentPanel(caseId, page.sittings, draft));
  parts.push(
    section(t("ui-agenda"), h("p", { class: "muted" }, t("ui-agenda-explain")), h("div", { id: "agenda" }, casesTable(agenda.commission, "agenda-table"))),
    section(t("ui-awaiting-send"), casesTable(agenda.registered.slice(0, 50), "awaiting-send")),
    sittingsCard(page),
  );
  for (const a of parts[parts.length - 3].querySelectorAll<HTMLAnchorElement>("a.case-link")) {
    // On the agenda, a case opens straight into its assessment.
    a.onclick = (e) => { e.preventDefault(); void go({ name: "commission", case: Number(a.dataset.case) }); };
  }
  return h("div", { id: "commission" }, ...parts);
}

function sittingsCard(page: SittingsPage): HTMLElement {
  const held = dateInput(todayIso());
  const place = input();
  const members = page.members.filter((m) => m.active);
  const submit = h("button", { type: "submit", id: "create-sitting" }, t("ui-create-sitting"));
  const form = h(
    "form",
    { id: "sitting-form", class: "sub" },
    h("h3", {}, t("ui-new-sitting")),
    h("div", { class: "row" }, field("sitting-date", t("ui-sitting-date"), held, { name: "held_on" }), field("sitting-place", t("ui-sitting-place"), place, { name: "place" })),
    h("fieldset", { "data-field": "members" }, h("legend", {}, t("ui-members-present")), ...(members.length ? members.map((m) => checkbox(`member-${m.id}`, `${m.full_name} — ${m.position}, ${m.organisation}`, true, { "data-member": m.id })) : [h("p", { class: "muted" }, t("ui-no-members"))]), h("p", { class: "field-error" })),
    formError(),
    submit,
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void act(submit, form, async () => {
      const present = [...form.querySelectorAll<HTMLInputElement>("input[data-member]:checked")].map((i) => Number(i.dataset.member));
      await call<number>("create_sitting", { heldOn: readDate(held, "held_on"), place: place.value.trim(), present });
      await go({ name: "commission" });
      notice(t("ui-sitting-created"));
    });
  });
  const rows = page.sittings.map((s) => h("li", {}, `${fmtDate(s.held_on)} — ${s.place} — ${t("ui-sitting-counts", { present: s.present, assessed: s.assessed })}`));
  return section(t("ui-sittings"), rows.length ? h("ul", { id: "sittings" }, ...rows) : h("p", { class: "muted" }, t("ui-none")), form);
}

async function assessmentPanel(caseId: number, sittings: Sitting[], draft: Draft): Promise<HTMLElement> {
  const p = await call<CasePage>("case_page", { id: caseId });
  const sitting = select(sittings.map((s) => [String(s.id), `${fmtDate(s.held_on)} — ${s.place}`]), undefined, { id: "assess-sitting" });
  const periods = h("fieldset", { id: "p-periods", "data-field": "periods" }, h("legend", {}, t("ui-points-periods")));
  const addPeriod = () => {
    const n = periods.querySelectorAll(".period").length;
    draft.periodRows = Math.max(draft.periodRows, n + 1);
    periods.append(
      h(
        "div",
        { class: "period row", "data-field": `period-${n}` },
        h("label", {}, t("ui-points-from"), " ", dateInput("", { id: `p-from-${n}`, class: "date p-from", "aria-label": `${t("ui-points-from")} ${n + 1}` })),
        h("label", {}, t("ui-points-to"), " ", dateInput("", { id: `p-to-${n}`, class: "date p-to", "aria-label": `${t("ui-points-to")} ${n + 1}` })),
        h("p", { class: "field-error" }),
      ),
    );
  };
  // Drawn again in another language: as many period rows as were open, for the typed dates (a new
  // visit starts with one).
  const want = draft.periodRows;
  draft.periodRows = 0;
  for (let i = 0; i < want; i++) addPeriod();
  const result = h("p", { id: "p-result", role: "status" });
  const counted = h("ul", { id: "p-counted" });
  const recommendation = h("p", { id: "p-recommendation" });
  const grounds = h("ul", { id: "p-grounds" });
  const reason = h("textarea", { rows: 3 });
  const submit = h("button", { type: "submit", id: "record-assessment", class: "primary" }, t("ui-record-assessment"));
  const form = h(
    "form",
    { id: "points", class: "card" },
    h("h2", {}, t("ui-assess-title"), " ", caseLink(caseId), ` — ${p.summary.applicant}`),
    h("p", { class: "muted" }, t("ui-assess-explain", { date: fmtDate(p.record.registered_on), rule_set: ruleSetName(p.record.rule_set) })),
    field("assess-sitting", t("ui-sitting"), sitting, { name: "sitting", hint: sittings.length ? undefined : t("ui-create-sitting-first") }),
    h(
      "fieldset",
      {},
      h("legend", {}, t("ui-findings")),
      checkbox("p-higher", t("ui-points-higher")),
      checkbox("p-degree", t("ui-points-degree")),
      checkbox("p-english", t("ui-points-english")),
      checkbox("p-in-list", t("ui-points-in-list"), true),
      checkbox("p-matches", t("ui-points-matches"), true),
      checkbox("p-reliable", t("ui-points-reliable"), true),
    ),
    periods,
    h("button", { type: "button", id: "p-add", onclick: addPeriod }, t("ui-points-add")),
    h("div", { class: "live" }, result, counted, recommendation, grounds),
    h(
      "fieldset",
      { "data-field": "decision" },
      h("legend", {}, t("ui-commission-decision")),
      h("label", { class: "radio" }, h("input", { type: "radio", name: "decision", value: "issue", id: "decision-issue" }), " ", t("ui-outcome-issue")),
      h("label", { class: "radio" }, h("input", { type: "radio", name: "decision", value: "refuse", id: "decision-refuse" }), " ", t("ui-outcome-refuse")),
      h("p", { class: "field-error", role: "alert" }),
    ),
    field("findings-note", t("ui-findings-note"), reason, { name: "reason", hint: t("ui-findings-note-hint") }),
    formError(),
    submit,
  );
  const flag = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).checked;
  let touched = false;
  for (const r of form.querySelectorAll<HTMLInputElement>("input[name=decision]")) r.addEventListener("change", () => (touched = true));

  function findings(strict: boolean): Findings {
    const list: [string, string][] = [];
    periods.querySelectorAll<HTMLElement>(".period").forEach((row, i) => {
      const from = row.querySelector<HTMLInputElement>(".p-from")!;
      const to = row.querySelector<HTMLInputElement>(".p-to")!;
      if (!from.value.trim() && !to.value.trim()) return;
      if (!strict && (!from.value.trim() || !to.value.trim())) return;
      list.push([readDate(from, `period-${i}`), readDate(to, `period-${i}`)]);
    });
    return { higher: flag("p-higher"), degree: flag("p-degree"), english: flag("p-english"), profession_in_list: flag("p-in-list"), qualification_matches: flag("p-matches"), documents_reliable: flag("p-reliable"), periods: list };
  }

  async function recompute() {
    clearErrors(form);
    try {
      const r = await call<Points>("points", { registeredOn: p.record.registered_on, f: findings(false) });
      const e = r.result.experience ?? { years: 0, months: 0, days: 0 };
      result.textContent = t("ui-points-result", { total: r.result.total ?? 0, threshold: r.result.threshold, rule_set: ruleSetName(r.rule_set), years: e.years, months: e.months, days: e.days });
      recommendation.textContent = t(r.result.recommendation === "issue" ? "ui-points-issue" : "ui-points-refuse");
      recommendation.className = r.result.recommendation;
      grounds.replaceChildren(...r.result.refusal_grounds.map((g) => h("li", {}, t(`ui-ground-${g}`))));
      // Rules p.10 subp.2: each period as counted, up to the registration date.
      const c = r.result.count;
      counted.replaceChildren(...(c ? c.periods.map((q) => h("li", {}, t(q.counted_to !== q.to ? "ui-period-counted-clipped" : "ui-period-counted", {
        from: fmtDate(q.from), to: fmtDate(q.to), counted_to: fmtDate(q.counted_to), years: q.length.years, months: q.length.months, days: q.length.days,
      }))) : []));
      if (c && c.periods.length) counted.append(h("li", { class: "muted" }, t("ui-experience-calendar", { years: c.calendar.years, months: c.calendar.months, days: c.calendar.days, all: c.days })));
      if (!touched) (form.querySelector(`#decision-${r.result.recommendation}`) as HTMLInputElement).checked = true;
    } catch (err) {
      result.textContent = (err as { message: string }).message;
      counted.replaceChildren();
      recommendation.textContent = "";
      grounds.replaceChildren();
    }
  }
  form.addEventListener("input", (e) => { if (!(e.target instanceof HTMLTextAreaElement)) void recompute(); });
  form.addEventListener("change", () => void recompute());
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void act(submit, form, async () => {
      if (!sitting.value) throw new LocalFail({ message: t("ui-create-sitting-first"), field: "sitting" });
      const decision = form.querySelector<HTMLInputElement>("input[name=decision]:checked")?.value ?? "issue";
      await call("record_assessment", { case: caseId, sitting: Number(sitting.value), f: findings(true), decision, reason: reason.value });
      await go({ name: "case", id: caseId });
      notice(t("ui-assessment-recorded"));
    });
  });
  await recompute();
  return form;
}
