// Which screen the window shows: the routes (a screen's name and its parameters), going to one,
// the registry of screens (filled once at start-up by main.ts), and drawing the current one into
// <main>. A screen's own state lives in its visit: made when the screen is entered, kept while the
// same screen is drawn again in another language, gone on the next go().
import { $, h } from "./dom";
import { pageLang } from "./i18n";

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
  | { name: "password" }
  | { name: "help" }
  | { name: "hq" };

export type RouteName = Route["name"];
export type RouteOf<N extends RouteName> = Extract<Route, { name: N }>;

/** One visit of a screen. What the screen chose there (not what was typed: the fields are refilled
 * by [redraw]) is kept in its state while it is drawn again in another language. */
export class Visit {
  private made = false;
  private kept: unknown;
  private draws = 0;

  constructor(readonly route: Route) {}

  /** The screen's state for this visit: `make()` the first time the screen is drawn, the same
   * object when it is drawn again. One state per visit (a visit is one screen). */
  state<T>(make: () => T): T {
    if (!this.made) {
      this.kept = make();
      this.made = true;
    }
    return this.kept as T;
  }

  /** Whether the screen being drawn now is still the one shown when asked later: an answer that
   * comes after the screen was drawn again (another language) is the new screen's to show. */
  drawing(): () => boolean {
    const n = this.draws;
    return () => nav.current === this && this.draws === n;
  }

  /** The router draws this visit's screen (again). */
  drawn(): void {
    this.draws++;
  }
}

/** Draws one screen for its route. */
export type Screen<N extends RouteName> = (route: RouteOf<N>, visit: Visit) => Promise<HTMLElement>;
/** Every route's screen. */
export type Screens = { [N in RouteName]: Screen<N> };

interface Hooks {
  /** The route actually shown for a wanted one (e.g. the start screen while nobody is signed in). */
  guard: (r: Route) => Route;
  /** Draws what surrounds the screen (title, who is signed in, the menu) for the route shown. */
  chrome: (r: Route) => void;
}

const registry: { screens: Screens | null; hooks: Hooks } = {
  screens: null,
  hooks: { guard: (r) => r, chrome: () => undefined },
};

/** The screens, and what the router asks the rest of the window: once, at start-up. */
export function register(screens: Screens, hooks: Partial<Hooks> = {}): void {
  registry.screens = screens;
  registry.hooks = { ...registry.hooks, ...hooks };
}

const HISTORY_MAX = 50;
const nav: { current: Visit; history: Route[] } = { current: new Visit({ name: "start" }), history: [] };

/** The route shown now. */
export function currentRoute(): Route {
  return nav.current.route;
}

/** Goes to a route: a new visit of its screen (drawing the same route again starts afresh). */
export async function go(next: Route): Promise<void> {
  const was = nav.current.route;
  if (JSON.stringify(was) !== JSON.stringify(next)) {
    nav.history.push(was);
    if (nav.history.length > HISTORY_MAX) nav.history.shift();
  }
  nav.current = new Visit(next);
  await render();
}

/** Goes back to the route shown before the last go() to another one; nothing if there is none. */
export async function back(): Promise<void> {
  const prev = nav.history.pop();
  if (!prev) return;
  nav.current = new Visit(prev);
  await render();
}

/** Draws the current screen for the first time (start-up). */
export function start(): Promise<void> {
  return render();
}

/** Draws the current screen again after `change` (another language): the same visit, so its
 * state holds, and what was typed into its fields survives. <main> is not ready meanwhile. */
export async function redraw(change: () => Promise<void>): Promise<void> {
  delete $("main").dataset.ready;
  await change();
  const typed = snapshot();
  await render(false);
  restore(typed);
  $("main").dataset.ready = "1";
}

async function render(ready = true): Promise<void> {
  const { screens, hooks } = registry;
  const shown = hooks.guard(nav.current.route);
  if (shown !== nav.current.route) nav.current = new Visit(shown);
  hooks.chrome(nav.current.route);
  $("toast").hidden = true;
  const main = $("main");
  let body: HTMLElement;
  try {
    const visit = nav.current;
    visit.drawn();
    body = await (screens![visit.route.name] as (r: Route, v: Visit) => Promise<HTMLElement>)(visit.route, visit);
  } catch (e) {
    body = h("p", { class: "foot-error", role: "alert" }, (e as { message?: string }).message ?? String(e));
  }
  main.replaceChildren(body);
  // The route of now, as before: a go() while this screen was drawn has the last word.
  main.dataset.screen = nav.current.route.name;
  main.dataset.lang = pageLang();
  if (ready) main.dataset.ready = "1";
  // Where the next action is: the field a screen marks, else the screen itself (for the keyboard).
  (main.querySelector<HTMLElement>("[data-autofocus]") ?? main).focus({ preventScroll: true });
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

/** Asks for the month a screen shows (`ask`), keeping it in the visit's state from the moment it
 * is asked: a screen drawn again meanwhile (another language) asks for that month itself, and the
 * late answer is dropped by its caller (`shown`). Refused while the screen is still shown, the
 * month shown before is kept. */
export async function keptWhileAsked<T>(kept: { month: string }, asked: string, shown: () => boolean, ask: () => Promise<T>): Promise<T> {
  const before = kept.month;
  kept.month = asked;
  try {
    return await ask();
  } catch (e) {
    if (shown()) kept.month = before;
    throw e;
  }
}
