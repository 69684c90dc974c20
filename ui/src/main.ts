// The window: a start screen (set up, demo, sign in) and, once signed in, a menu of screens by
// what the user's roles allow. The language switch re-renders the current screen at once and is
// remembered for the user.
import { call, type Session } from "./api";
import { $, h } from "./dom";
import { LANGS, parseLang, setLang, t, type Lang } from "./i18n";
import { startScreen } from "./screens/start";
import { dashboardScreen } from "./screens/dashboard";
import { searchScreen } from "./screens/search";
import { newApplicationScreen } from "./screens/new_application";
import { caseScreen } from "./screens/case";
import { commissionScreen } from "./screens/commission";
import { decisionsScreen } from "./screens/decisions";
import { registersScreen } from "./screens/registers";
import { settingsScreen } from "./screens/settings";
import { auditScreen } from "./screens/audit";
import { backupScreen } from "./screens/backup";
import { aboutScreen } from "./screens/about";
import { hqScreen } from "./screens/hq";

export type Route =
  | { name: "start" }
  | { name: "dashboard" }
  | { name: "search"; text?: string }
  | { name: "new"; kind?: string; certificate?: string }
  | { name: "case"; id: number }
  | { name: "commission"; case?: number }
  | { name: "decisions" }
  | { name: "registers" }
  | { name: "settings" }
  | { name: "audit" }
  | { name: "backup" }
  | { name: "about" }
  | { name: "hq" };

export let session: Session | null = null;
/** True while the current screen is drawn again in another language: screens keep their drafts. */
export let relanguaging = false;
/** The store is a higher office's: its own screens; it has no office. */
export let higherOffice = false;

export function setHigherOffice(on: boolean): void {
  higherOffice = on;
}
let route: Route = { name: "start" };

const MENU: { route: Route; label: string; roles?: string[] }[] = [
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

const HQ_MENU: { route: Route; label: string; roles?: string[] }[] = [
  { route: { name: "hq" }, label: "ui-menu-hq" },
  { route: { name: "audit" }, label: "ui-menu-audit" },
  { route: { name: "backup" }, label: "ui-menu-backup", roles: ["admin"] },
  { route: { name: "about" }, label: "ui-menu-about" },
];

export function hasRole(...roles: string[]): boolean {
  return !!session && session.roles.some((r) => roles.includes(r));
}

export async function go(next: Route): Promise<void> {
  route = next;
  await render();
}

export async function signedIn(s: Session): Promise<void> {
  session = s;
  const remembered = parseLang(s.lang);
  if (remembered && remembered !== current()) applyLang(remembered);
  else await call("set_lang", { lang: current() }).catch(() => undefined);
  await go({ name: higherOffice ? "hq" : "dashboard" });
}

/** The signed-in user's roles changed: the menu follows. */
export async function refreshSession(s: Session): Promise<void> {
  session = s;
}

export async function signedOut(): Promise<void> {
  session = null;
  await go({ name: "start" });
}

function current(): Lang {
  return parseLang(document.documentElement.lang) ?? "kk";
}

function applyLang(l: Lang): void {
  setLang(l);
  localStorage.setItem("lang", l);
  for (const b of document.querySelectorAll<HTMLButtonElement>("#langs button")) b.setAttribute("aria-pressed", String(b.dataset.lang === l));
}

function renderChrome(): void {
  $("title").textContent = t("app-title");
  document.title = t("app-title");
  $("who").textContent = session ? t("ui-signed-in", { name: session.full_name, roles: session.roles.map((r) => t(`ui-role-${r}`)).join(", ") }) : "";
  const out = $("sign-out");
  out.hidden = !session;
  out.textContent = t("ui-sign-out");
  const menu = $("menu");
  menu.hidden = !session;
  const items = (higherOffice ? HQ_MENU : MENU).filter((m) => !m.roles || hasRole(...m.roles));
  menu.replaceChildren(
    ...items.map((m) =>
      h("button", { type: "button", id: `menu-${m.route.name}`, class: m.route.name === route.name ? "current" : "", "aria-current": m.route.name === route.name ? "page" : null, onclick: () => go(m.route) }, t(m.label)),
    ),
  );
}

async function render(ready = true): Promise<void> {
  if (!session && route.name !== "start") route = { name: "start" };
  renderChrome();
  $("toast").hidden = true;
  const main = $("main");
  let body: HTMLElement;
  try {
    body = await screen(route);
  } catch (e) {
    body = h("p", { class: "foot-error", role: "alert" }, (e as { message?: string }).message ?? String(e));
  }
  main.replaceChildren(body);
  main.dataset.screen = route.name;
  main.dataset.lang = current();
  if (ready) main.dataset.ready = "1";
  main.focus({ preventScroll: true });
}

function screen(r: Route): Promise<HTMLElement> {
  switch (r.name) {
    case "start": return startScreen();
    case "dashboard": return dashboardScreen();
    case "search": return searchScreen(r.text ?? "");
    case "new": return newApplicationScreen(r.kind, r.certificate);
    case "case": return caseScreen(r.id);
    case "commission": return commissionScreen(r.case);
    case "decisions": return decisionsScreen();
    case "registers": return registersScreen();
    case "settings": return settingsScreen();
    case "audit": return auditScreen();
    case "backup": return backupScreen();
    case "about": return aboutScreen();
    case "hq": return hqScreen();
  }
}

type Typed = Map<string, string | boolean>;

function snapshot(): Typed {
  const m: Typed = new Map();
  for (const el of $("main").querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("input[id], select[id], textarea[id]")) {
    if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) m.set(el.id, el.checked);
    else if (el instanceof HTMLInputElement && el.type === "password") continue;
    else m.set(el.id, el.value);
  }
  return m;
}

function restore(m: Typed): void {
  const changed: HTMLElement[] = [];
  for (const [id, v] of m) {
    const el = document.getElementById(id) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
    if (!el) continue;
    if (typeof v === "boolean") (el as HTMLInputElement).checked = v;
    else if (el.value !== v) {
      el.value = v;
      if (!(el instanceof HTMLSelectElement)) changed.push(el);
    }
  }
  // Live parts (points, search) recompute from the refilled fields.
  for (const el of changed) el.dispatchEvent(new Event("input", { bubbles: true }));
}

for (const b of document.querySelectorAll<HTMLButtonElement>("#langs button")) {
  b.addEventListener("click", async () => {
    const l = parseLang(b.dataset.lang);
    if (!l) return;
    delete $("main").dataset.ready;
    applyLang(l);
    if (session) {
      session.lang = l;
      await call("set_lang", { lang: l }).catch(() => undefined);
    }
    // What was typed survives the switch: the same screen is drawn again and its fields refilled.
    const typed = snapshot();
    relanguaging = true;
    try {
      await render(false);
    } finally {
      relanguaging = false;
    }
    restore(typed);
    $("main").dataset.ready = "1";
  });
}

$("sign-out").addEventListener("click", async () => {
  await call("sign_out");
  await signedOut();
});

applyLang(parseLang(localStorage.getItem("lang")) ?? LANGS[0]);
void render();
