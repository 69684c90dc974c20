// What surrounds every screen: the title, who is signed in, signing out, the language buttons, and
// a menu of screens by what the user's roles allow (a higher office has its own).
import { call } from "./api";
import { $, h } from "./dom";
import { parseLang, t } from "./i18n";
import { go, type Route } from "./router";
import { hasRole, isHigherOffice, signedOut, switchLang, user } from "./session";

interface MenuItem { route: Route; label: string; roles?: string[] }

const MENU: readonly MenuItem[] = [
  { route: { name: "dashboard" }, label: "ui-menu-dashboard" },
  { route: { name: "search" }, label: "ui-menu-search" },
  { route: { name: "new" }, label: "ui-menu-new", roles: ["registrar"] },
  { route: { name: "commission" }, label: "ui-menu-commission", roles: ["secretary"] },
  { route: { name: "decisions" }, label: "ui-menu-decisions", roles: ["head"] },
  { route: { name: "registers" }, label: "ui-menu-registers" },
  { route: { name: "settings" }, label: "ui-menu-settings", roles: ["admin"] },
  { route: { name: "audit" }, label: "ui-menu-audit" },
  { route: { name: "backup" }, label: "ui-menu-backup", roles: ["admin"] },
  { route: { name: "about" }, label: "ui-menu-about" },
];

const HQ_MENU: readonly MenuItem[] = [
  { route: { name: "hq" }, label: "ui-menu-hq" },
  { route: { name: "audit" }, label: "ui-menu-audit" },
  { route: { name: "backup" }, label: "ui-menu-backup", roles: ["admin"] },
  { route: { name: "about" }, label: "ui-menu-about" },
];

/** The header and the menu for the route about to be shown. */
export function renderChrome(route: Route): void {
  const session = user();
  $("title").textContent = t("app-title");
  document.title = t("app-title");
  $("who").textContent = session ? t("ui-signed-in", { name: session.full_name, roles: session.roles.map((r) => t(`ui-role-${r}`)).join(", ") }) : "";
  const help = $("help-button");
  help.textContent = t("help-title");
  help.title = "F1";
  help.setAttribute("aria-keyshortcuts", "F1");
  const out = $("sign-out");
  out.hidden = !session;
  out.textContent = t("ui-sign-out");
  const menu = $("menu");
  menu.hidden = !session || session.must_change_password;
  const items = (isHigherOffice() ? HQ_MENU : MENU).filter((m) => !m.roles || hasRole(...m.roles));
  menu.replaceChildren(
    ...items.map((m) =>
      h("button", { type: "button", id: `menu-${m.route.name}`, class: m.route.name === route.name ? "current" : "", "aria-current": m.route.name === route.name ? "page" : null, onclick: () => go(m.route) }, t(m.label)),
    ),
  );
}

/** The language buttons and the sign-out button of the page (static/index.html). */
export function wireChrome(): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>("#langs button")) {
    b.addEventListener("click", async () => {
      const l = parseLang(b.dataset.lang);
      if (!l) return;
      await switchLang(l);
    });
  }
  $("help-button").addEventListener("click", () => void go({ name: "help" }));
  $("sign-out").addEventListener("click", async () => {
    await call("sign_out");
    await signedOut();
  });
}
