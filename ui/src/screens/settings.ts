// The administrator's settings: the office in three languages, working hours, certificate
// numbering, Commission members, users and roles (signatories are users with the head's role),
// and, to read, the rule sets with their dates and the working-day calendar.
import { call, type CalendarYear, type Office, type Session, type Settings } from "../api";
import { act, checkbox, dateInput, field, formError, formError as foot, h, input, notice, readDate, section, select, table, todayIso } from "../dom";
import { fmtDate, lang, t, ruleSetName } from "../i18n";
import { go } from "../router";
import { refreshSession, user } from "../session";

const ROLES = ["registrar", "secretary", "head", "admin"] as const;

export async function settingsScreen(): Promise<HTMLElement> {
  const s = await call<Settings>("settings");
  const reload = () => go({ name: "settings" });
  return h(
    "div",
    { id: "settings" },
    h("h2", { class: "screen-title" }, t("ui-menu-settings")),
    officeCard(s.office.office),
    h("div", { class: "columns two" }, hoursCard(s, reload), numberingCard(s, reload)),
    membersCard(s, reload),
    usersCard(s, reload),
    rulesCard(s, reload),
    calendarCard(s.calendar, reload),
  );
}

function officeCard(o: Office): HTMLElement {
  const keys: (keyof Office)[] = ["code", "name_kk", "name_ru", "name_en", "region_kk", "region_ru", "region_en", "address"];
  const labels: Record<keyof Office, string> = { code: "ui-office-code", name_kk: "ui-office-name-kk", name_ru: "ui-office-name-ru", name_en: "ui-office-name-en", region_kk: "ui-office-region-kk", region_ru: "ui-office-region-ru", region_en: "ui-office-region-en", address: "ui-office-address" };
  const inputs = Object.fromEntries(keys.map((k) => [k, input({ value: o[k] })])) as Record<keyof Office, HTMLInputElement>;
  const save = h("button", { type: "submit", id: "office-save" }, t("ui-save"));
  const form = h("form", { id: "office-form", class: "card grid2" }, h("h2", {}, t("ui-setup-office")), ...keys.map((k) => field(`office-${k}`, t(labels[k]), inputs[k], { name: k })), formError(), save);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void act(save, form, async () => {
      const office = Object.fromEntries(keys.map((k) => [k, inputs[k].value.trim()])) as unknown as Office;
      await call("update_office", { office });
      notice(t("ui-saved-settings"));
    });
  });
  return form;
}

function hoursCard(s: Settings, reload: () => Promise<void>): HTMLElement {
  const open = input({ value: s.office.hours_open, class: "time", inputmode: "numeric" });
  const close = input({ value: s.office.hours_close, class: "time", inputmode: "numeric" });
  const save = h("button", { type: "button", id: "hours-save" }, t("ui-save"));
  const card = section(t("ui-hours"), h("p", { class: "muted" }, t("ui-hours-explain")), h("div", { class: "row" }, field("hours-open", t("ui-hours-open"), open, { name: "open" }), field("hours-close", t("ui-hours-close"), close, { name: "close" })), formError(), save);
  save.addEventListener("click", () => act(save, card, async () => { await call("set_hours", { open: open.value.trim(), close: close.value.trim() }); await reload(); notice(t("ui-saved-settings")); }));
  return card;
}

function numberingCard(s: Settings, reload: () => Promise<void>): HTMLElement {
  const pattern = input({ value: s.office.number_pattern });
  const next = input({ type: "number", min: 1, value: String(s.office.next_number), class: "short" });
  const save = h("button", { type: "button", id: "numbering-save" }, t("ui-save"));
  const card = section(t("ui-numbering"), h("p", { class: "muted" }, t("ui-numbering-explain")), field("number-pattern", t("ui-number-pattern"), pattern, { name: "pattern" }), field("number-next", t("ui-number-next"), next, { name: "next" }), formError(), save);
  save.addEventListener("click", () => act(save, card, async () => { await call("set_numbering", { pattern: pattern.value.trim(), next: Number(next.value) }); await reload(); notice(t("ui-saved-settings")); }));
  return card;
}

function membersCard(s: Settings, reload: () => Promise<void>): HTMLElement {
  const name = input();
  const position = input();
  const org = input();
  const add = h("button", { type: "button", id: "member-add" }, t("ui-add"));
  const card = section(
    t("ui-members"),
    table([t("ui-full-name"), t("ui-position"), t("ui-organisation"), t("ui-col-status")], s.members.map((m) => [m.full_name, m.position, m.organisation, m.active ? t("ui-active") : t("ui-inactive")]), { class: "grid", id: "members" }),
    h("div", { class: "row" }, field("member-name", t("ui-full-name"), name, { name: "full_name" }), field("member-position", t("ui-position"), position, { name: "position" }), field("member-org", t("ui-organisation"), org, { name: "organisation" })),
    formError(),
    add,
  );
  add.addEventListener("click", () => act(add, card, async () => { await call("add_member", { fullName: name.value.trim(), position: position.value.trim(), organisation: org.value.trim() }); await reload(); notice(t("ui-saved-settings")); }));
  return card;
}

function usersCard(s: Settings, reload: () => Promise<void>): HTMLElement {
  const rows = s.users.map((u) => {
    const roles = h("span", { class: "roles" }, ...ROLES.map((r) => checkbox(`role-${u.id}-${r}`, t(`ui-role-${r}`), u.roles.includes(r), { "data-role": r })));
    const saveRoles = h("button", { type: "button", class: "link" }, t("ui-save-roles"));
    const toggle = h("button", { type: "button", class: "link", disabled: u.id === user()?.user_id }, t(u.active ? "ui-disable" : "ui-enable"));
    const cell = h("div", { "data-field": "roles" }, roles, saveRoles, h("p", { class: "field-error" }));
    saveRoles.addEventListener("click", () => act(saveRoles, cell, async () => {
      const chosen = [...roles.querySelectorAll<HTMLInputElement>("input:checked")].map((i) => i.dataset.role);
      const mine = await call<Session | null>("set_roles", { user: u.id, roles: chosen });
      if (mine) await refreshSession(mine);
      await reload();
      notice(t("ui-saved-settings"));
    }));
    toggle.addEventListener("click", () => act(toggle, cell, async () => { await call("set_user_active", { user: u.id, active: !u.active }); await reload(); }));
    const seal = u.seal ? h("code", { class: "fingerprint", title: t("ui-seal-explain") }, u.seal) : h("span", { class: "muted" }, "—");
    return [u.login, u.full_name, cell, seal, u.active ? t("ui-active") : t("ui-inactive"), toggle];
  });
  const login = input({ autocomplete: "off" });
  const fullName = input();
  const password = input({ type: "password", autocomplete: "new-password" });
  const userLang = select([["kk", "Қазақша"], ["ru", "Русский"], ["en", "English"]], lang);
  const newRoles = h("fieldset", { "data-field": "roles" }, h("legend", {}, t("ui-roles")), ...ROLES.map((r) => checkbox(`new-role-${r}`, t(`ui-role-${r}`), false, { "data-role": r })), h("p", { class: "field-error" }));
  const add = h("button", { type: "button", id: "user-add" }, t("ui-add-user"));
  const form = h("div", { class: "sub" }, h("h3", {}, t("ui-new-user")), h("div", { class: "row" }, field("user-login", t("ui-login"), login, { name: "login" }), field("user-name", t("ui-full-name"), fullName, { name: "full_name" }), field("user-password", t("ui-password"), password, { name: "password" }), field("user-lang", t("ui-user-lang"), userLang, { name: "lang" })), newRoles, formError(), add);
  add.addEventListener("click", () => act(add, form, async () => {
    const roles = [...newRoles.querySelectorAll<HTMLInputElement>("input:checked")].map((i) => i.dataset.role);
    await call("create_user", { login: login.value.trim(), fullName: fullName.value.trim(), password: password.value, roles, userLang: userLang.value });
    await reload();
    notice(t("ui-saved-settings"));
  }));
  // A user who lost their password gets a new one from the administrator; a head or administrator
  // gets a new slot of the office key under it.
  const whose = select(s.users.map((u) => [String(u.id), `${u.login} — ${u.full_name}`]), String(s.users[0]?.id ?? ""), { id: "reset-user" });
  const resetTo = input({ type: "password", autocomplete: "new-password" });
  const reset = h("button", { type: "button", id: "reset-password" }, t("ui-password-reset"));
  const resetForm = h("div", { class: "sub" }, h("h3", {}, t("ui-password-reset-title")), h("p", { class: "muted" }, t("ui-password-reset-explain")), h("div", { class: "row" }, field("reset-user", t("ui-login"), whose, { name: "user" }), field("reset-to", t("ui-password-new"), resetTo, { name: "password" })), formError(), reset);
  reset.addEventListener("click", () => act(reset, resetForm, async () => {
    await call("reset_password", { user: Number(whose.value), password: resetTo.value });
    resetTo.value = "";
    await reload();
    notice(t("ui-password-changed"));
  }));
  return section(t("ui-users"), h("p", { class: "muted" }, t("ui-users-explain")), table([t("ui-login"), t("ui-full-name"), t("ui-roles"), t("ui-col-seal"), t("ui-col-status"), ""], rows, { class: "grid", id: "users" }), form, resetForm);
}

function rulesCard(s: Settings, reload: () => Promise<void>): HTMLElement {
  const which = select(s.rule_sets.map((r) => [r.id, ruleSetName(r.id)]), s.rule_sets.find((r) => r.effective_from_assumed)?.id, { id: "rs-id" });
  const date = dateInput();
  const source = input();
  const save = h("button", { type: "button", id: "rs-save" }, t("ui-ruleset-confirm"));
  const card = section(
    t("ui-rule-sets"),
    h("p", { class: "muted" }, t("ui-rule-sets-explain")),
    table([t("ui-rule-set"), t("ui-col-effective"), t("ui-col-threshold"), t("ui-col-source")], s.rule_sets.map((r) => [ruleSetName(r.id), fmtDate(r.effective_from) + (r.effective_from_assumed ? ` (${t("ui-assumed")})` : ""), String(r.threshold), h("small", {}, t(`ruleset-${r.id}-in-force`))]), { class: "grid", id: "rule-sets" }),
    h("h3", {}, t("ui-ruleset-date-title")),
    h("div", { class: "row" }, field("rs-id", t("ui-rule-set"), which), field("rs-date", t("ui-col-effective"), date, { name: "effective_from" }), field("rs-source", t("ui-col-source"), source, { name: "source" })),
    foot(),
    save,
  );
  save.addEventListener("click", () => act(save, card, async () => {
    await call("set_rule_set_date", { ruleSet: which.value, date: readDate(date, "effective_from"), source: source.value });
    await reload();
    notice(t("ui-saved-settings"));
  }));
  return card;
}

function calendarCard(years: CalendarYear[], reload: () => Promise<void>): HTMLElement {
  const year = select(years.map((y) => [String(y.year), `${y.year} — ${t(`ui-year-${y.status}`)}`]), todayIso().slice(0, 4), { id: "cal-year" });
  const body = h("div", { id: "cal-days" });
  const draw = () => {
    const y = years.find((x) => String(x.year) === year.value);
    if (!y) return body.replaceChildren();
    body.replaceChildren(
      h("p", {}, t("ui-working-days", { count: y.working_days }), y.note ? ` — ${y.note}` : ""),
      table([t("ui-col-date"), t("ui-col-day"), t("ui-col-source")], y.exceptions.map(([date, e]) => [fmtDate(date), describe(e), h("small", {}, String(e.source ?? ""))]), { class: "grid" }),
    );
  };
  year.addEventListener("change", draw);
  draw();
  const off = dateInput();
  const work = dateInput();
  const source = input();
  const add = h("button", { type: "button", id: "transfer-add" }, t("ui-transfer-add"));
  const card = section(
    t("ui-calendar"),
    h("p", { class: "muted" }, t("ui-calendar-explain")),
    field("cal-year", t("ui-year"), year),
    body,
    h("h3", {}, t("ui-transfer-title")),
    h("p", { class: "muted" }, t("ui-transfer-explain")),
    h("div", { class: "row" }, field("transfer-off", t("ui-transfer-off"), off, { name: "day_off" }), field("transfer-work", t("ui-transfer-work"), work, { name: "working_day" }), field("transfer-source", t("ui-col-source"), source, { name: "source" })),
    foot(),
    add,
  );
  add.addEventListener("click", () => act(add, card, async () => {
    await call("add_calendar_transfer", { dayOff: readDate(off, "day_off"), workingDay: readDate(work, "working_day"), source: source.value });
    await reload();
    notice(t("ui-saved-settings"));
  }));
  return card;
}

function describe(e: Record<string, unknown>): string {
  const name = (x: unknown) => ((x as Record<string, string> | undefined)?.[lang] ?? "");
  switch (e.kind) {
    case "holiday": return name(e.holiday) + (e.estimated ? ` (${t("ui-estimated")})` : "");
    case "carried": return t("calendar-carried", { holiday: name(e.holiday), date: fmtDate(String(e.from)) });
    case "transferred": return t("calendar-transferred", { date: fmtDate(String(e.working_day)) });
    case "working": return t("calendar-working", { date: fmtDate(String(e.instead_of)) });
    default: return String(e.kind);
  }
}
