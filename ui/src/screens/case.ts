// One case: who and what, where it stands and what is due, the documents and scans, and what the
import type { Action, DocumentRef } from "../api";
// signed-in user may do next (send to the Commission, decide, print, notices, complaints,
// revocation; extension, reissue or duplicate of its certificate).
import { call, type CasePage, type CertificateRow, type Saved } from "../api";
import { act, checkbox, dateInput, field, formError, h, input, notice, readDate, section, select, table } from "../dom";
import { fmtDate, fmtDateTime, lang, t, ruleSetName } from "../i18n";
import { go } from "../router";
import { hasRole } from "../session";
import { preview } from "../preview";

export async function caseScreen(id: number): Promise<HTMLElement> {
  const p = await call<CasePage>("case_page", { id });
  const s = p.summary;
  const r = p.record;
  const x = p.extras;
  const reload = () => go({ name: "case", id });
  const can = (a: Action) => p.actions.includes(a);

  const facts: [string, string | HTMLElement][] = [
    [t("ui-col-kind"), t(`ui-kind-long-${s.kind}`)],
    [t("ui-col-status"), h("span", { id: "case-status", class: `status ${s.status}` }, t(`ui-status-${s.status}`))],
    [t("ui-col-applicant"), `${s.applicant}${s.applicant_cyrillic ? " / " + s.applicant_cyrillic : ""}`],
    [t("ui-a-passport"), `${r.passport}${r.passport_issued_on ? ", " + fmtDate(r.passport_issued_on) : ""}${r.passport_issuer ? ", " + r.passport_issuer : ""}`],
    [t("ui-a-citizenship"), x.citizenship],
    [t("ui-new-profession"), p.profession ? p.profession[lang] : s.profession_id],
    [t("ui-received-date"), fmtDate(r.received_on)],
    [t("ui-col-registered"), fmtDate(r.registered_on) + (s.filed_late ? ` — ${t("ui-filed-late")}` : "")],
    [t("ui-rule-set"), ruleSetName(r.rule_set)],
  ];
  if (r.employer) facts.push([t("ui-new-employer"), `${r.employer[0]} (${r.employer[1]})`]);
  if (r.total !== null) facts.push([t("ui-points"), t("ui-points-of", { total: r.total, threshold: r.threshold ?? 0 })]);
  if (r.decided_on) facts.push([t("ui-decided-on"), `${fmtDate(r.decided_on)}${r.signatory ? " — " + r.signatory : ""}`]);
  if (r.refusal_grounds.length) facts.push([t("ui-refusal-grounds"), r.refusal_grounds.map((g) => t(`ui-ground-${g}`)).join("; ")]);
  if (r.reason) facts.push([t("ui-reason"), r.reason]);

  const head = h(
    "div",
    { class: "case-head" },
    h("h2", { class: "screen-title", id: "case-title" }, t("ui-case", { id: String(id) }), " — ", s.applicant),
    p.next ? h("p", { class: p.next.late_by ? "late" : "due", id: "case-next" }, t(`ui-step-${p.next.step}`, { date: fmtDate(p.next.deadline) }), p.next.late_by ? ` — ${t("ui-late-by", { days: p.next.late_by })}` : p.next.left ? ` — ${t("ui-days-left", { count: p.next.left })}` : "") : null,
    h("dl", { class: "facts" }, ...facts.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
  );

  const parts: HTMLElement[] = [head];
  if (x.acceptance_refusal) {
    const [missing, expired, note] = x.acceptance_refusal;
    parts.push(section(t("ui-not-accepted-title"), h("p", {}, t("ui-not-accepted", { missing: missing.map((d) => t(`doc-${d}`)).join("; "), expired: expired.map((d) => t(`doc-${d}`)).join("; "), has_missing: missing.length ? "yes" : "no", has_expired: expired.length ? "yes" : "no" })), note ? h("p", {}, note) : null));
  }
  parts.push(documentsCard(p, reload));
  // An extension changes the certificate it concerns in place: show it once.
  const concerns = x.concerns && x.concerns.id !== x.produced?.id ? x.concerns : null;
  for (const cert of [concerns, x.produced]) if (cert) parts.push(certificateCard(cert, cert === x.produced, p, reload));
  if (can("send_to_commission")) parts.push(sendCard(id, reload));
  if (can("record_assessment")) parts.push(section(t("ui-commission-title"), h("button", { type: "button", id: "to-assessment", onclick: () => go({ name: "commission", case: id }) }, t("ui-go-assess"))));
  if (can("decide")) parts.push(decideCard(p, reload));
  parts.push(printCard(p));
  if (x.complaints.length || can("register_complaint")) parts.push(complaintsCard(p, reload));
  return h("div", { id: "case" }, ...parts);
}

function documentsCard(p: CasePage, reload: () => Promise<void>): HTMLElement {
  const x = p.extras;
  const rows = x.checklist.map(([kind, present, until]) => [t(`doc-${kind}`), present ? t("ui-present") : h("strong", { class: "late" }, t("ui-missing")), until ? fmtDate(until) : ""]);
  const scans = x.attachments.map((a) => [
    a.document_kind ? t(`doc-${a.document_kind}`) : "—",
    a.file_name,
    `${Math.max(1, Math.round(a.size / 1024))} KB`,
    fmtDateTime(a.added_at),
    h("button", { type: "button", class: "link", onclick: async () => { const saved = await call<Saved | null>("save_attachment", { id: a.id }); if (saved) notice(t("ui-saved", { path: saved.path })); } }, t("ui-save-copy")),
  ]);
  const card = section(
    t("ui-new-documents"),
    table([t("ui-col-document"), t("ui-col-present"), t("ui-col-valid-until")], rows, { id: "checklist-table" }),
    h("h3", {}, t("ui-scans")),
    scans.length ? table([t("ui-col-document"), t("ui-col-file"), t("ui-col-size"), t("ui-col-added"), ""], scans, { id: "scans" }) : h("p", { class: "muted", id: "scans" }, t("ui-no-scans")),
  );
  if (p.actions.includes("attach_scan")) {
    const kind = select([["", t("ui-scan-other")], ...x.checklist.map(([k]) => [k, t(`doc-${k}`)] as [string, string])], undefined, { id: "scan-kind" });
    const button = h("button", { type: "button", id: "attach-scan" }, t("ui-attach-scan"));
    button.addEventListener("click", () =>
      act(button, card, async () => {
        const name = await call<string | null>("attach_scan", { case: p.summary.id, kind: kind.value || null });
        if (name) {
          await reload();
          notice(t("ui-scan-attached", { name }));
        }
      }),
    );
    card.append(h("div", { class: "row" }, field("scan-kind", t("ui-col-document"), kind), button), formError());
  }
  return card;
}

function sendCard(id: number, reload: () => Promise<void>): HTMLElement {
  const button = h("button", { type: "button", id: "send-to-commission", class: "primary" }, t("ui-send-to-commission"));
  const card = section(t("ui-send-title"), h("p", { class: "muted" }, t("ui-send-explain")), button, formError());
  button.addEventListener("click", () => act(button, card, async () => { await call("send_to_commission", { case: id }); await reload(); notice(t("ui-sent")); }));
  return card;
}

function decideCard(p: CasePage, reload: () => Promise<void>): HTMLElement {
  const id = p.summary.id;
  const outcome = h(
    "fieldset",
    { "data-field": "outcome" },
    h("legend", {}, t("ui-decision")),
    h("label", { class: "radio" }, h("input", { type: "radio", name: "outcome", value: "issue", id: "outcome-issue", checked: true }), " ", t("ui-outcome-issue")),
    h("label", { class: "radio" }, h("input", { type: "radio", name: "outcome", value: "refuse", id: "outcome-refuse" }), " ", t("ui-outcome-refuse")),
    h("p", { class: "field-error", role: "alert" }),
  );
  const reason = h("textarea", { rows: 3 });
  const end = dateInput();
  const button = h("button", { type: "button", id: "decide", class: "primary" }, t("ui-decide"));
  const recommendation = p.record.total !== null ? h("p", {}, t("ui-points-of", { total: p.record.total, threshold: p.record.threshold ?? 0 })) : null;
  // App 2 p.5, p.9: a refusal names its grounds. The Commission's grounds hold; the head may add
  // subp.1 or subp.3 with a reason (subp.2 comes only from the Commission's points).
  const commission = p.record.commission_grounds ?? [];
  const groundBoxes = (["qualification_mismatch", "unreliable_documents"] as const).map((g) => {
    const box = h("input", { type: "checkbox", id: `ground-${g}`, value: g }) as HTMLInputElement;
    if (commission.includes(g)) { box.checked = true; box.disabled = true; }
    return h("label", { class: "check" }, box, " ", t(`ui-ground-${g}`));
  });
  const grounds = h(
    "fieldset",
    { "data-field": "grounds", id: "grounds", hidden: true },
    h("legend", {}, t("ui-refusal-grounds")),
    commission.length ? h("p", { class: "muted" }, t("ui-commission-grounds"), " ", commission.map((g) => t(`ui-ground-${g}`)).join("; ")) : null,
    ...groundBoxes,
    h("p", { class: "field-error" }),
  );
  const showGrounds = () => { grounds.hidden = card.querySelector<HTMLInputElement>("input[name=outcome]:checked")?.value !== "refuse"; };
  const card = section(
    t("ui-decision"),
    recommendation,
    outcome,
    grounds,
    field("reason", t("ui-reason"), reason, { name: "reason", hint: t("ui-reason-hint") }),
    field("chosen-end", t("ui-chosen-end"), end, { name: "chosen_end", hint: t("ui-chosen-end-hint") }),
    formError(),
    button,
  );
  outcome.addEventListener("change", showGrounds);
  button.addEventListener("click", () =>
    act(button, card, async () => {
      const o = card.querySelector<HTMLInputElement>("input[name=outcome]:checked")!.value;
      const chosen = o === "refuse" ? [...grounds.querySelectorAll<HTMLInputElement>("input[type=checkbox]:checked")].filter((b) => !b.disabled).map((b) => b.value) : [];
      const number = await call<string | null>("decide", { case: id, outcome: o, grounds: chosen, reason: reason.value, chosenEnd: readDate(end, "chosen_end", true) || null });
      await reload();
      notice(number ? t("ui-issued-number", { number }) : t("ui-refused-done"));
      // What comes next is printing: the documents in view, the first one's preview focused.
      const next = document.querySelector<HTMLElement>("#preview-certificate, #preview-refusal");
      next?.closest("section")?.scrollIntoView({ block: "start" });
      next?.focus({ preventScroll: true });
    }),
  );
  return card;
}

function printCard(p: CasePage): HTMLElement {
  const s = p.summary;
  // Each document is named by what it belongs to (generated type DocumentRef): the protocol by the
  // case (its sitting is found from it), never by the sitting's id.
  const docs: DocumentRef[] = [{ kind: "application", case: s.id }];
  if (s.status === "refused" || s.status === "not_accepted") docs.push({ kind: "refusal", case: s.id });
  if (p.record.sitting_id !== null) docs.push({ kind: "protocol", case: s.id });
  if (p.extras.produced) docs.push({ kind: "certificate", number: p.extras.produced.number });
  const docLang = select([["kk+ru", t("ui-doclang-kk-ru")], ["kk", "Қазақша"], ["ru", "Русский"], ["en", t("ui-doclang-en")]], "kk+ru", { id: "document-lang" });
  const draft = checkbox("draft", t("ui-draft"));
  const copies = input({ type: "number", min: 1, max: 100, value: "1", id: "copies", class: "short" });
  const card = section(t("ui-print-title"), h("p", { class: "muted" }, t("ui-print-explain")), h("div", { class: "row" }, field("document-lang", t("ui-doc-lang"), docLang), field("copies", t("ui-copies"), copies, { name: "copies" }), draft));
  // A certificate that no longer holds is printed only as a draft (the store refuses its original).
  const spent = !!p.extras.produced && p.extras.produced.status !== "valid";
  for (const ref of docs) {
    const doc = ref.kind;
    const draftOnlyDoc = doc === "certificate" && spent;
    const save = h("button", { type: "button", id: `print-${doc}`, "data-show": "0" }, t(`ui-print-${doc}`));
    const open = h("button", { type: "button", id: `open-${doc}`, class: "primary" }, t("ui-print-open"));
    const run = (show: boolean, b: HTMLButtonElement) =>
      act(b, card, async () => {
        const saved = await call<Saved | null>("print", { doc: ref, docLang: docLang.value, draft: (card.querySelector("#draft") as HTMLInputElement).checked, copies: Number(copies.value) || 1, show });
        if (saved) notice(t("ui-saved", { path: saved.path }));
      });
    save.addEventListener("click", () => run(false, save));
    open.addEventListener("click", () => run(true, open));
    // Inside the window: the draft first, the real document (recorded) when "Print" is pressed.
    const look = h("button", { type: "button", id: `preview-${doc}` }, t("ui-preview-open"));
    look.addEventListener("click", () =>
      act(look, card, async () => {
        const draftOnly = draftOnlyDoc || (card.querySelector("#draft") as HTMLInputElement).checked;
        const opts = { doc: ref, docLang: docLang.value, copies: Number(copies.value) || 1 };
        await preview({ title: t(`ui-doc-${doc}`), draftOnly, fetch: (d) => call<ArrayBuffer>("view_document", { ...opts, draft: d || draftOnly }) });
      }),
    );
    card.append(h("div", { class: "row doc-row" }, h("span", { class: "document-name" }, t(`ui-doc-${doc}`)), look, ...(draftOnlyDoc ? [] : [save, open])));
  }
  card.append(formError());
  return card;
}

function certificateCard(c: CertificateRow, produced: boolean, p: CasePage, reload: () => Promise<void>): HTMLElement {
  const card = section(
    t(produced ? "ui-cert-produced" : "ui-cert-concerned", { number: c.number }),
    h("p", { id: produced ? "certificate-produced" : "certificate-concerned" }, t("ui-cert-line", { number: c.number, from: fmtDate(c.valid_from), to: fmtDate(c.valid_to), status: t(`ui-cert-status-${c.status}`) }), c.copy ? ` — ${t("ui-cert-copy", { copy: c.copy })}` : ""),
    c.sealed_by ? h("p", { class: "muted", id: produced ? "sealed-by" : "concerned-sealed-by" }, t("ui-cert-sealed-by", { name: c.sealed_by })) : "",
  );
  if (c.status !== "valid") return card;
  if (hasRole("registrar")) {
    card.append(
      h(
        "div",
        { class: "buttons" },
        ...(["extend", "reissue", "duplicate"] as const).map((k) => h("button", { type: "button", id: `start-${k}`, onclick: () => go({ name: "new", kind: k, certificate: c.number }) }, t(`ui-start-${k}`))),
      ),
    );
  }
  if (p.actions.includes("record_notification")) card.append(notificationForm(c.number, p, reload));
  if (p.actions.includes("revoke")) card.append(revokeForm(c.number, reload));
  return card;
}

function notificationForm(number: string, p: CasePage, reload: () => Promise<void>): HTMLElement {
  const kind = select([["employer_change", t("ui-notice-employer_change")], ["contract_termination", t("ui-notice-contract_termination")]], undefined, { id: "notice-kind" });
  const eventOn = dateInput();
  const note = input();
  const button = h("button", { type: "button", id: "record-notice" }, t("ui-record-notice"));
  const form = h(
    "details",
    { class: "sub" },
    h("summary", {}, t("ui-notices", { count: p.extras.notifications.length })),
    p.extras.notifications.length
      ? table([t("ui-col-kind"), t("ui-event-date"), t("ui-received-date"), t("ui-col-due"), ""], p.extras.notifications.map((n) => [t(`ui-notice-${n.kind}`), fmtDate(n.event_on), fmtDate(n.received_on), fmtDate(n.due_on), n.late ? h("strong", { class: "late" }, t("ui-late-notice")) : t("ui-in-time")]))
      : null,
    h("div", { class: "row" }, field("notice-kind", t("ui-col-kind"), kind), field("notice-event", t("ui-event-date"), eventOn, { name: "event_on" }), field("notice-note", t("ui-note"), note)),
    formError(),
    button,
  );
  button.addEventListener("click", () =>
    act(button, form, async () => {
      const late = await call<boolean>("record_notification", { number, kind: kind.value, eventOn: readDate(eventOn, "event_on"), note: note.value });
      await reload();
      notice(t(late ? "ui-notice-recorded-late" : "ui-notice-recorded"));
    }),
  );
  return form;
}

function revokeForm(number: string, reload: () => Promise<void>): HTMLElement {
  const body = input();
  const act_ = input();
  const date = dateInput();
  const button = h("button", { type: "button", id: "revoke", class: "danger" }, t("ui-revoke"));
  const form = h(
    "details",
    { class: "sub" },
    h("summary", {}, t("ui-revoke-title")),
    h("p", { class: "muted" }, t("ui-revoke-explain")),
    h("div", { class: "row" }, field("revoke-body", t("ui-revoke-body"), body, { name: "body" }), field("revoke-act", t("ui-revoke-act"), act_, { name: "act_number" }), field("revoke-date", t("ui-revoke-date"), date, { name: "act_date" })),
    formError(),
    button,
  );
  button.addEventListener("click", () =>
    act(button, form, async () => {
      await call("revoke", { number, act: { body: body.value.trim(), number: act_.value.trim(), date: readDate(date, "act_date") } });
      await reload();
      notice(t("ui-revoked", { number }));
    }),
  );
  return form;
}

function complaintsCard(p: CasePage, reload: () => Promise<void>): HTMLElement {
  const rows = p.extras.complaints.map((c) => {
    const cells: (string | HTMLElement)[] = [t(`ui-addressee-${c.addressee}`), fmtDate(c.registered_on), c.forward_due ? fmtDate(c.forward_due) : "—", fmtDate(c.review_due), t(`ui-complaint-${c.status}`), c.summary + (c.outcome ? ` — ${c.outcome}` : "")];
    if (c.status === "open" && p.actions.includes("resolve_complaint")) cells.push(resolveForm(c.id, reload));
    return cells;
  });
  const card = section(t("ui-complaints"), rows.length ? table([t("ui-addressee"), t("ui-col-registered"), t("ui-forward-due"), t("ui-review-due"), t("ui-col-status"), t("ui-summary"), ""], rows, { id: "complaints" }) : h("p", { class: "muted" }, t("ui-none")));
  if (p.actions.includes("register_complaint")) {
    const addressee = select([["leb", t("ui-addressee-leb")], ["quality_body", t("ui-addressee-quality_body")]], undefined, { id: "complaint-to" });
    const summary = h("textarea", { rows: 2 });
    const button = h("button", { type: "button", id: "add-complaint" }, t("ui-register-complaint"));
    const form = h("details", { class: "sub" }, h("summary", {}, t("ui-new-complaint")), h("p", { class: "muted" }, t("ui-complaint-explain")), field("complaint-to", t("ui-addressee"), addressee), field("complaint-summary", t("ui-summary"), summary, { name: "summary" }), formError(), button);
    button.addEventListener("click", () => act(button, form, async () => { await call("register_complaint", { case: p.summary.id, addressee: addressee.value, summary: summary.value.trim() }); await reload(); notice(t("ui-complaint-registered")); }));
    card.append(form);
  }
  return card;
}

function resolveForm(id: number, reload: () => Promise<void>): HTMLElement {
  const status = select([["satisfied", t("ui-complaint-satisfied")], ["forwarded", t("ui-complaint-forwarded")], ["rejected", t("ui-complaint-rejected")]]);
  const outcome = input({ "aria-label": t("ui-outcome") });
  const button = h("button", { type: "button" }, t("ui-resolve"));
  const box = h("div", { class: "resolve", "data-field": "outcome" }, status, outcome, button, h("p", { class: "field-error" }));
  button.addEventListener("click", () => act(button, box, async () => { await call("resolve_complaint", { id, status: status.value, outcome: outcome.value.trim() }); await reload(); }));
  return box;
}
