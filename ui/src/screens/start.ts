// Before signing in: what this program is, which store it opens, and either the first-run setup
// (office in three languages, administrator, keys), the demo office, or the sign-in form.
import { call, type AppInfo, type DemoSummary, type Office, type Session, type StoreStatus } from "../api";
import { act, field, formError, h, input, LocalFail, pinClock, section } from "../dom";
import { t, ruleSetName } from "../i18n";
import { go } from "../router";
import { setHigherOffice, signedIn } from "../session";
import { withProgress } from "../progress";

export async function startScreen(): Promise<HTMLElement> {
  const info = await call<AppInfo>("app_info");
  pinClock(info.pinned_now);
  let status: StoreStatus;
  try {
    status = await call<StoreStatus>("store_status");
  } catch (e) {
    // A store file that cannot be opened (an empty or foreign file, a folder, a read-only place,
    // a newer program's store) is named with what to do; nothing was changed, and "Try again"
    // opens it once it is put right.
    return h(
      "div",
      { id: "start" },
      h("div", { class: "intro" }, h("p", { id: "tagline" }, t("app-tagline"))),
      h("p", { class: "foot-error", id: "store-problem", role: "alert" }, (e as { message?: string }).message ?? String(e)),
      h("button", { type: "button", id: "retry", onclick: () => go({ name: "start" }) }, t("ui-try-again")),
    );
  }
  const intro = h(
    "div",
    { class: "intro" },
    h("p", { id: "tagline" }, t("app-tagline")),
    h("p", { id: "rules" }, t("app-rules-in-force", { ruleset: ruleSetName(info.rules_in_force) })),
    h("p", { id: "calendar" }, t("app-calendar-years", { first: String(info.calendar_first), last: String(info.calendar_last) })),
    // Held by another window, the store is neither "ready" nor "none yet": the message below says which.
    status.in_use ? null : h("p", { id: "store", class: "muted" }, t(status.ready ? "ui-store-ready" : "ui-store-none", { path: status.path })),
  );
  if (status.in_use) {
    return h(
      "div",
      { id: "start" },
      intro,
      h("p", { class: "foot-error", id: "in-use", role: "alert" }, t("error-store-in-use", { path: status.path })),
      h("button", { type: "button", id: "retry", onclick: () => go({ name: "start" }) }, t("ui-try-again")),
    );
  }
  setHigherOffice(status.higher_office);
  if (status.higher_office) return h("div", { id: "start" }, intro, status.has_users ? signInForm() : hqSetupForm());
  if (status.ready) return h("div", { id: "start" }, intro, signInForm());
  return h("div", { id: "start", class: "columns two" }, h("div", {}, intro, demoCard(), hqCard()), setupForm());
}

function signInForm(): HTMLElement {
  const login = input({ name: "login", autocomplete: "username", required: true, "data-autofocus": "" });
  const password = input({ type: "password", autocomplete: "current-password", required: true });
  const submit = h("button", { type: "submit", class: "primary" }, t("ui-sign-in"));
  const form = h(
    "form",
    { id: "signin", class: "card narrow" },
    h("h2", {}, t("ui-sign-in")),
    field("login", t("ui-login"), login),
    field("password", t("ui-password"), password),
    formError(),
    submit,
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    void act(submit, form, async () => {
      try {
        const s = await call<Session>("sign_in", { login: login.value, password: password.value });
        password.value = "";
        await signedIn(s);
      } catch (e) {
        password.value = "";
        password.focus();
        throw e;
      }
    });
  });
  return form;
}

function hqCard(): HTMLElement {
  return h("details", { class: "card", id: "hq-card" }, h("summary", {}, h("strong", {}, t("ui-hq-title"))), h("p", {}, t("ui-hq-explain")), hqSetupForm());
}

/** The first administrator of a higher office's store. */
function hqSetupForm(): HTMLElement {
  const submit = h("button", { type: "submit", class: "primary", id: "hq-setup" }, t("ui-hq-open"));
  const form = h("form", { id: "hq-setup-form" }, h("h3", {}, t("ui-setup-admin")), ...adminFields("hq"), formError(), submit);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    void act(submit, form, async () => {
      const s = await call<Session>("setup_higher_office", readAdmin(form, "hq"));
      setHigherOffice(true);
      await signedIn(s);
    });
  });
  return form;
}

/** A new store's first administrator: the fields (ids `<prefix>-login` and so on). */
function adminFields(prefix: string): HTMLElement[] {
  const f = (id: string, label: string, attrs = {}) => field(`${prefix}-${id}`, t(label), input({ ...attrs }), { name: id });
  return [
    f("login", "ui-login", { autocomplete: "username" }),
    f("full_name", "ui-full-name"),
    f("password", "ui-password", { type: "password", autocomplete: "new-password" }),
    f("password2", "ui-password-repeat", { type: "password", autocomplete: "new-password" }),
  ];
}

/** What [adminFields] hold, as the setup commands take it; two different passwords are refused. */
function readAdmin(form: HTMLElement, prefix: string): { login: string; fullName: string; password: string } {
  const v = (id: string) => (form.querySelector<HTMLInputElement>(`#${prefix}-${id}`)?.value ?? "").trim();
  if (v("password") !== v("password2")) throw new LocalFail({ message: t("ui-password-mismatch"), field: "password2" });
  return { login: v("login"), fullName: v("full_name"), password: v("password") };
}

function demoCard(): HTMLElement {
  const status = h("p", { id: "demo-status", role: "status" });
  const button = h("button", { type: "button", id: "open-demo" }, t("ui-open-demo"));
  const card = section(t("ui-demo-title"), h("p", {}, t("ui-demo-explain")), button, status);
  button.addEventListener("click", () =>
    act(button, card, async () => {
      status.textContent = t("ui-opening-demo");
      const s = await withProgress(() => call<DemoSummary>("open_demo"));
      status.textContent = t("ui-demo-ready", { cases: s.cases, password: s.password });
      await go({ name: "start" });
      const note = document.getElementById("store");
      if (note) note.after(h("p", { id: "demo-status", role: "status", class: "ok" }, t("ui-demo-ready", { cases: s.cases, password: s.password })));
    }),
  );
  return card;
}

function setupForm(): HTMLElement {
  const f = (id: string, label: string, attrs = {}) => field(`setup-${id}`, t(label), input({ ...attrs }), { name: id });
  const submit = h("button", { type: "submit", class: "primary", id: "setup-submit" }, t("ui-setup-submit"));
  const form = h(
    "form",
    { id: "setup", class: "card" },
    h("h2", {}, t("ui-setup-title")),
    h("p", { class: "muted" }, t("ui-setup-explain")),
    h(
      "fieldset",
      {},
      h("legend", {}, t("ui-setup-office")),
      f("code", "ui-office-code", { maxlength: 8 }),
      f("name_kk", "ui-office-name-kk"),
      f("name_ru", "ui-office-name-ru"),
      f("name_en", "ui-office-name-en"),
      f("region_kk", "ui-office-region-kk"),
      f("region_ru", "ui-office-region-ru"),
      f("region_en", "ui-office-region-en"),
      f("address", "ui-office-address"),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, t("ui-setup-admin")),
      ...adminFields("setup"),
    ),
    formError(),
    submit,
  );
  const v = (id: string) => (form.querySelector<HTMLInputElement>(`#setup-${id}`)?.value ?? "").trim();
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    void act(submit, form, async () => {
      const admin = readAdmin(form, "setup");
      const office: Office = {
        code: v("code").toUpperCase(),
        name_kk: v("name_kk"), name_ru: v("name_ru"), name_en: v("name_en"),
        region_kk: v("region_kk"), region_ru: v("region_ru"), region_en: v("region_en"),
        address: v("address"),
      };
      const s = await call<Session>("setup", { office, ...admin });
      await signedIn(s);
    });
  });
  return form;
}
