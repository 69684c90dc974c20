// Who is signed in and what they may do: the session the shell returned (user, roles, their
// language), whether the store is a higher office's, signing in and out, and the language switch
// (applied to the page, remembered for the user, the current screen drawn again in it).
import { call, type Session } from "./api";
import { LANGS, pageLang, parseLang, setLang, type Lang } from "./i18n";
import { go, redraw } from "./router";

const state: { session: Session | null; higherOffice: boolean } = { session: null, higherOffice: false };

/** The signed-in user, or null before signing in. */
export function user(): Session | null {
  return state.session;
}

/** Whether the signed-in user has one of these roles (nobody signed in has none). */
export function hasRole(...roles: string[]): boolean {
  const s = state.session;
  return !!s && s.roles.some((r) => roles.includes(r));
}

/** The store is a higher office's: its own screens; it has no office. */
export function isHigherOffice(): boolean {
  return state.higherOffice;
}

export function setHigherOffice(on: boolean): void {
  state.higherOffice = on;
}

export async function signedIn(s: Session): Promise<void> {
  state.session = s;
  const remembered = parseLang(s.lang);
  if (remembered && remembered !== pageLang()) applyLang(remembered);
  else await call("set_lang", { lang: pageLang() }).catch(() => undefined);
  await go({ name: state.higherOffice ? "hq" : "dashboard" });
}

/** The signed-in user's roles changed: the menu follows. */
export async function refreshSession(s: Session): Promise<void> {
  state.session = s;
}

export async function signedOut(): Promise<void> {
  state.session = null;
  await go({ name: "start" });
}

/** The language remembered on this computer (or the first), at start-up. */
export function startLang(): void {
  applyLang(parseLang(localStorage.getItem("lang")) ?? LANGS[0]);
}

/** The user chose another language: the page speaks it at once, the signed-in user keeps it, and
 * the current screen is drawn again in it with what was typed. */
export async function switchLang(l: Lang): Promise<void> {
  await redraw(async () => {
    applyLang(l);
    const s = state.session;
    if (s) {
      s.lang = l;
      await call("set_lang", { lang: l }).catch(() => undefined);
    }
  });
}

function applyLang(l: Lang): void {
  setLang(l);
  localStorage.setItem("lang", l);
  for (const b of document.querySelectorAll<HTMLButtonElement>("#langs button")) b.setAttribute("aria-pressed", String(b.dataset.lang === l));
}
