// What the program is, the legal basis it applies (rule sets with their dates and sources, the
// lists), and where its data lives.
import { call, type About, type Session } from "../api";
import { go } from "../router";
import { isHigherOffice, refreshSession } from "../session";
import { act, field, formError, h, input, LocalFail, notice, section, table } from "../dom";
import { fmtDate, t, ruleSetName } from "../i18n";

/** The signed-in user's own password: the current one asked again, the new one twice. Forced
 * (after the administrator's reset), it is the only screen, and the dashboard follows. */
function passwordCard(forced = false): HTMLElement {
  const old = input({ type: "password", autocomplete: "current-password", ...(forced ? { "data-autofocus": "" } : {}) });
  const fresh = input({ type: "password", autocomplete: "new-password" });
  const again = input({ type: "password", autocomplete: "new-password" });
  const save = h("button", { type: "button", id: "password-save", class: forced ? "primary" : "" }, t("ui-password-save"));
  const card = section(
    t(forced ? "ui-password-must-title" : "ui-password-title"),
    h("p", { class: forced ? "" : "muted" }, t(forced ? "ui-password-must-explain" : "ui-password-explain")),
    h("div", { class: "row" }, field("password-old", t(forced ? "ui-password-temporary" : "ui-password-old"), old, { name: "old" }), field("password-new", t("ui-password-new"), fresh, { name: "password" }), field("password-again", t("ui-password-again"), again, { name: "again" })),
    save,
    formError(),
  );
  save.addEventListener("click", () =>
    act(save, card, async () => {
      if (fresh.value !== again.value) throw new LocalFail({ message: t("ui-password-mismatch"), field: "again" });
      const s = await call<Session>("change_password", { old: old.value, new: fresh.value });
      for (const i of [old, fresh, again]) i.value = "";
      await refreshSession(s);
      notice(t("ui-password-changed"));
      if (forced) await go({ name: isHigherOffice() ? "hq" : "dashboard" });
    }),
  );
  return card;
}

/** A support file for a USB stick: versions, the store's check, the end of the log. */
function supportCard(): HTMLElement {
  const save = h("button", { type: "button", id: "support-save" }, t("ui-support-save"));
  const card = section(t("ui-support-title"), h("p", { class: "muted" }, t("ui-support-explain")), save, formError());
  save.addEventListener("click", () =>
    act(save, card, async () => {
      const path = await call<string | null>("support_file");
      if (path) notice(t("ui-support-done", { path }));
    }),
  );
  return card;
}

/** The only screen of a user whose password the administrator reset. */
export async function ownPasswordScreen(): Promise<HTMLElement> {
  return h("div", { id: "own-password" }, passwordCard(true));
}

export async function aboutScreen(): Promise<HTMLElement> {
  const a = await call<About>("about");
  return h(
    "div",
    { id: "about" },
    section(
      t("app-title"),
      h("p", {}, t("app-tagline")),
      h("p", {}, t("ui-about-version", { version: a.version })),
      h("p", {}, t("ui-about-store", { path: a.store })),
      h("p", { class: "muted" }, t("ui-about-offline")),
    ),
    section(
      t("ui-about-law"),
      h("p", {}, t("ui-about-law-explain")),
      table([t("ui-rule-set"), t("ui-col-effective"), t("ui-col-threshold")], a.rule_sets.map((r) => [ruleSetName(r.id), fmtDate(r.effective_from) + (r.effective_from_assumed ? ` (${t("ui-assumed")})` : ""), String(r.threshold)]), { class: "grid", id: "about-rules" }),
      h("h3", {}, t("ui-about-lists")),
      h("ul", { id: "about-lists" }, ...a.lists.map(([id]) => h("li", {}, t(`list-${id}`)))),
      // Some names are ours in every language (order 236's list in Kazakh, order 49's in Russian).
      h("p", { class: "muted" }, t("doc-unofficial-names")),
      h("p", { class: "muted" }, t("ui-about-font")),
    ),
    passwordCard(),
    supportCard(),
  );
}
