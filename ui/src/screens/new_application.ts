// A new application of one of the four kinds (App 2 p.8): who, what, the documents checklist of
// the rule set in force on the day it is received; then register it or record the refusal to
// accept (App 2 p.9). Scans are attached on the case's page right after.
import { call, type Checklist, type CertificateFound, type Hit, type Kind } from "../api";
import { act, checkbox, clearErrors, dateInput, field, formError, Gather, h, input, nowIso, readDate, section, select } from "../dom";
import { fmtDate, t, ruleSetName, citeRef, lang } from "../i18n";
import { go, type Visit } from "../router";

const KINDS: Kind[] = ["issue", "extend", "reissue", "duplicate"];

/** What was chosen (not typed) on this screen, kept while it is drawn again in another language. */
interface Draft { kind: Kind; found: CertificateFound | null; profession: Hit | null }

export async function newApplicationScreen(visit: Visit, kind0?: string, certificate0?: string): Promise<HTMLElement> {
  const draft = visit.state<Draft>(() => ({
    kind: (KINDS as string[]).includes(kind0 ?? "") ? (kind0 as Kind) : "issue",
    found: null,
    profession: null,
  }));
  let kind: Kind = draft.kind;
  let found: CertificateFound | null = draft.found;
  let profession: Hit | null = draft.profession;
  let checklist: Checklist | null = null;

  const now = nowIso();
  const receivedDate = dateInput(now.slice(0, 10));
  const receivedTime = input({ value: now.slice(11, 16), inputmode: "numeric", placeholder: "09:00", class: "time" });

  const kinds = h(
    "fieldset",
    { class: "kinds", "data-field": "kind" },
    h("legend", {}, t("ui-new-kind")),
    ...KINDS.map((k) =>
      h("label", { class: "radio" }, h("input", { type: "radio", name: "kind", id: `kind-${k}`, value: k, checked: k === kind, onchange: () => { kind = draft.kind = k; void refresh(); } }), " ", t(`ui-kind-long-${k}`)),
    ),
  );

  // The certificate concerned (extension, reissue, duplicate).
  const certNumber = input({ value: certificate0 ?? "" });
  const certInfo = h("p", { id: "certificate-info", class: "muted" });
  const findCert = h("button", { type: "button", id: "find-cert" }, t("ui-find"));
  const certBlock = h("fieldset", {}, h("legend", {}, t("ui-new-certificate")), field("certificate-number", t("ui-certificate-number"), certNumber, { name: "certificate" }), findCert, certInfo);

  // The applicant of a first issue.
  const a = (id: string, label: string, attrs = {}, hint?: string) => field(`a-${id}`, t(label), input(attrs), { name: id, hint });
  const applicant = h(
    "fieldset",
    { class: "grid2" },
    h("legend", {}, t("ui-new-applicant")),
    a("surname_latin", "ui-a-surname-latin", { autocapitalize: "characters" }),
    a("given_names_latin", "ui-a-given-latin", { autocapitalize: "characters" }),
    a("surname_cyrillic", "ui-a-surname-cyrillic"),
    a("given_names_cyrillic", "ui-a-given-cyrillic"),
    a("patronymic", "ui-a-patronymic"),
    field("a-birth_date", t("ui-a-birth-date"), dateInput(), { name: "birth_date" }),
    a("citizenship", "ui-a-citizenship", { maxlength: 3, autocapitalize: "characters" }, t("ui-a-citizenship-hint")),
    a("passport_number", "ui-a-passport"),
    field("a-passport_issued_on", t("ui-a-passport-issued"), dateInput(), { name: "passport_issued_on" }),
    a("passport_issuer", "ui-a-passport-issuer"),
    a("iin", "ui-a-iin", { inputmode: "numeric", maxlength: 12 }),
    a("phone", "ui-a-phone", { type: "tel" }),
    a("email", "ui-a-email", { type: "email" }),
    a("address_kz", "ui-a-address-kz"),
    a("residence_address", "ui-a-residence"),
    a("residence_phone", "ui-a-residence-phone", { type: "tel" }),
  );

  // The profession, from order 236's list.
  const profQuery = input({ type: "search" });
  const profHits = h("ul", { id: "prof-hits", class: "hits" });
  const profChosen = h("p", { id: "prof-chosen", class: "chosen" });
  const profBlock = h("fieldset", { "data-field": "profession_id" }, h("legend", {}, t("ui-new-profession")), field("prof-search", t("ui-prof-search"), profQuery, { name: "profession_id", hint: t("ui-prof-hint") }), profChosen, profHits);
  profQuery.addEventListener("input", async () => {
    const hits = profQuery.value.trim().length < 2 ? [] : await call<Hit[]>("professions", { text: profQuery.value });
    profHits.replaceChildren(
      ...hits.map((x) =>
        h("li", {}, h("button", { type: "button", class: "link", "data-id": x.id, onclick: () => { profession = draft.profession = x; profChosen.textContent = `${x.number} ${x.name}${x.unofficial ? " *" : ""}`; profHits.replaceChildren(); } }, `${x.number} ${x.name}`), h("small", {}, ` — ${x.path.join(" › ")}`)),
      ),
    );
  });

  // Employer (extension; reissue on an employer change), ground and event date.
  const employer = h(
    "fieldset",
    { class: "grid2", "data-field": "employer" },
    h("legend", {}, t("ui-new-employer")),
    field("e-name", t("ui-e-name"), input(), { name: "employer_name" }),
    field("e-bin", t("ui-e-bin"), input({ inputmode: "numeric", maxlength: 12 }), { name: "bin" }),
    field("e-from", t("ui-e-from"), dateInput(), { name: "contract_from" }),
    field("e-to", t("ui-e-to"), dateInput(), { name: "contract_to" }),
    // Rules p.19, p.22 (order 426), p.16: what a reissue for a new employer does to the term.
    h("p", { class: "muted", id: "reissue-term-note", hidden: true }, t("ui-reissue-employer-term")),
    h("p", { class: "field-error" }),
  );
  const ground = select([], undefined, { onchange: () => show() });
  const groundField = field("ground", t("ui-new-ground"), ground, { name: "change_ground" });
  const eventOn = dateInput();
  const eventField = field("event-on", "", eventOn, { name: "event_on" });
  // The ground and the day of the event belong with the certificate they concern.
  certBlock.append(h("div", { class: "row" }, groundField, eventField));

  const checklistBox = h("fieldset", { id: "checklist", "data-field": "documents" }, h("legend", {}, t("ui-new-documents")));
  const note = h("textarea", { rows: 2 });
  const register = h("button", { type: "submit", class: "primary", id: "register" }, t("ui-new-register"));
  const refuse = h("button", { type: "button", id: "refuse-acceptance" }, t("ui-new-refuse"));
  const form = h(
    "form",
    { id: "new-application" },
    h("h2", { class: "screen-title" }, t("ui-menu-new")),
    section(t("ui-new-what"), kinds, h("div", { class: "row" }, field("received-date", t("ui-received-date"), receivedDate, { name: "received_at" }), field("received-time", t("ui-received-time"), receivedTime, { name: "received_time" }))),
    certBlock,
    applicant,
    profBlock,
    employer,
    checklistBox,
    section(t("ui-new-decide"), h("p", { class: "muted" }, t("ui-new-decide-explain")), field("refuse-note", t("ui-new-refuse-note"), note, { name: "note" }), formError(), h("div", { class: "buttons" }, register, refuse)),
  );

  findCert.addEventListener("click", () =>
    act(findCert, form, async () => {
      found = null;
      certInfo.textContent = "";
      found = draft.found = await call<CertificateFound>("find_certificate", { number: certNumber.value });
      showFound(found);
    }),
  );
  function showFound(f: CertificateFound) {
    const c = f.certificate;
    certInfo.textContent = t("ui-cert-found", { number: c.number, holder: f.holder, from: fmtDate(c.valid_from), to: fmtDate(c.valid_to), status: t(`ui-cert-status-${c.status}`) });
  }
  if (found) showFound(found);
  // Drawn again in another language: the chosen profession is named in it.
  if (profession) profChosen.textContent = `${profession.number} ${profession.names[lang]}`;

  function show() {
    certBlock.hidden = kind === "issue";
    applicant.hidden = kind !== "issue";
    profBlock.hidden = kind !== "issue";
    groundField.hidden = kind !== "reissue";
    eventField.hidden = kind === "issue";
    employer.hidden = !(kind === "extend" || (kind === "reissue" && ground.value === "employer_change"));
    (employer.querySelector("#reissue-term-note") as HTMLElement).hidden = kind !== "reissue";
    const label = eventField.querySelector("label");
    if (label) label.textContent = t(`ui-event-on-${kind}`);
  }

  async function refresh() {
    clearErrors(form);
    show();
    let on: string;
    try {
      on = readDate(receivedDate, "received_at");
    } catch {
      return;
    }
    try {
      checklist = await call<Checklist>("checklist", { kind, on });
    } catch (e) {
      checklistBox.replaceChildren(h("legend", {}, t("ui-new-documents")), h("p", { class: "foot-error" }, (e as { message: string }).message));
      return;
    }
    ground.replaceChildren(...checklist.grounds.map((g) => h("option", { value: g }, t(`ui-ground-reissue-${g}`))));
    checklistBox.replaceChildren(
      h("legend", {}, t("ui-new-documents-of", { rule_set: ruleSetName(checklist.rule_set) })),
      ...checklist.items.map((d) =>
        h(
          "div",
          { class: "doc" },
          checkbox(`doc-${d.id}`, t(`doc-${d.id}`), false, { "data-doc": d.id }),
          h("label", { class: "valid-until" }, t("ui-valid-until"), " ", dateInput("", { id: `doc-${d.id}-until`, "aria-label": t("ui-valid-until") })),
          h("small", { class: "cite" }, citeRef(d.cite)),
        ),
      ),
      h("p", { class: "field-error" }),
    );
    show();
  }
  receivedDate.addEventListener("change", () => void refresh());

  /** What the form says, read whole: every field the form itself cannot read is refused at
   * once (the store then refuses what it finds, also all at once). */
  function application(): Record<string, unknown> {
    const g = new Gather();
    const date = (el: HTMLInputElement, name: string, optional = false) => g.take(() => readDate(el, name, optional), "");
    const on = date(receivedDate, "received_at");
    const time = receivedTime.value.trim();
    if (!/^\d{1,2}:\d{2}$/.test(time)) g.add({ message: t("ui-time-invalid", { value: time }), field: "received_time" });
    const documents = (checklist?.items ?? []).map((d) => {
      const until = form.querySelector<HTMLInputElement>(`#doc-${d.id}-until`)!;
      return { kind: d.id, present: form.querySelector<HTMLInputElement>(`#doc-${d.id}`)!.checked, valid_until: date(until, "documents", true) || null };
    });
    const app: Record<string, unknown> = { kind, received_at: `${on}T${time.padStart(5, "0")}:00`, documents };
    if (kind === "issue") {
      const v = (id: string) => form.querySelector<HTMLInputElement>(`#a-${id}`)!.value.trim();
      if (!profession) g.add({ message: t("error-field-profession_id"), field: "profession_id" });
      app.profession_id = profession?.id ?? "";
      app.applicant = {
        new: {
          surname_latin: v("surname_latin").toUpperCase(), given_names_latin: v("given_names_latin").toUpperCase(),
          surname_cyrillic: v("surname_cyrillic"), given_names_cyrillic: v("given_names_cyrillic"), patronymic: v("patronymic"),
          birth_date: date(form.querySelector<HTMLInputElement>("#a-birth_date")!, "birth_date", true) || null,
          citizenship: v("citizenship").toUpperCase(), passport_number: v("passport_number"),
          passport_issued_on: date(form.querySelector<HTMLInputElement>("#a-passport_issued_on")!, "passport_issued_on", true) || null,
          passport_issuer: v("passport_issuer"), iin: v("iin") || null, phone: v("phone"), email: v("email"),
          address_kz: v("address_kz"), residence_address: v("residence_address"), residence_phone: v("residence_phone"),
        },
      };
    } else {
      if (!found) g.add({ message: t("ui-find-certificate-first"), field: "certificate" });
      app.applicant = { existing: found?.applicant_id };
      app.profession_id = found?.profession_id;
      app.certificate = found?.certificate.id;
      app.event_on = date(eventOn, "event_on");
      if (kind === "reissue") app.change_ground = ground.value;
      if (!employer.hidden) {
        const e = (id: string) => form.querySelector<HTMLInputElement>(`#e-${id}`)!;
        app.employer = { name: e("name").value.trim(), bin: e("bin").value.trim(), contract_from: date(e("from"), "contract_from"), contract_to: date(e("to"), "contract_to") };
      }
    }
    g.done();
    return app;
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    void act(register, form, async () => {
      const id = await call<number>("new_application", { app: application(), refuseNote: null });
      await go({ name: "case", id });
    });
  });
  refuse.addEventListener("click", () =>
    act(refuse, form, async () => {
      const id = await call<number>("new_application", { app: application(), refuseNote: note.value.trim() });
      await go({ name: "case", id });
    }),
  );

  await refresh();
  if (certificate0 && kind !== "issue" && !found) findCert.click();
  return form;
}
