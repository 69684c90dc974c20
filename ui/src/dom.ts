// Small helpers to build the screens: elements, labelled fields with their error slot, the
// office's date format, and showing a refusal next to the field it concerns.
import { t } from "./i18n";
import type { Fail } from "./api";

export type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, unknown>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v as EventListener);
    else if (k === "class") el.className = String(v);
    else if (k === "value" || k === "checked" || k === "disabled" || k === "hidden") (el as unknown as Record<string, unknown>)[k] = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === "number" ? String(c) : c);
  return el;
}

export const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

/** A labelled field. `name` is the store's name for it, so a refusal lands next to it. */
export function field(id: string, label: string, input: HTMLElement, opts: { name?: string; hint?: string } = {}): HTMLElement {
  input.id = id;
  return h(
    "div",
    { class: "field", "data-field": opts.name ?? id },
    h("label", { for: id }, label),
    input,
    opts.hint ? h("small", { class: "hint" }, opts.hint) : null,
    h("p", { class: "field-error", id: `${id}-error`, role: "alert" }),
  );
}

export function input(attrs: Attrs = {}): HTMLInputElement {
  return h("input", { autocomplete: "off", ...attrs });
}

export function checkbox(id: string, label: string, checked = false, attrs: Attrs = {}): HTMLElement {
  return h("label", { class: "check" }, h("input", { type: "checkbox", id, checked, ...attrs }), " ", label);
}

export function select(options: [string, string][], value?: string, attrs: Attrs = {}): HTMLSelectElement {
  const s = h("select", attrs, ...options.map(([v, l]) => h("option", { value: v }, l)));
  if (value !== undefined) s.value = value;
  return s;
}

/** A date in the office's format (DD.MM.YYYY); WebKit's own date field follows the system locale. */
export function dateInput(value = "", attrs: Attrs = {}): HTMLInputElement {
  return input({ inputmode: "numeric", placeholder: t("ui-date-placeholder"), value: value ? fmt(value) : "", class: "date", ...attrs });
}

function fmt(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${d}.${m}.${y}`;
}

export class LocalFail extends Error {
  constructor(public fail: Fail) {
    super(fail.message);
  }
}

/** The ISO date in a date field, or a refusal next to it. Empty gives "" when allowed. */
export function readDate(el: HTMLInputElement, name: string, optional = false): string {
  const v = el.value.trim();
  if (!v && optional) return "";
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  let iso = "";
  if (m) iso = `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v))) iso = v;
  const d = iso ? new Date(`${iso}T00:00:00Z`) : null;
  if (!d || isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
    throw new LocalFail({ message: t("ui-date-invalid", { value: v }), field: name });
  }
  return iso;
}

/** A clock a test pinned in the shell (ANYQTAMA_TEST_NOW); otherwise the computer's. */
let pinned: string | null = null;
export function pinClock(iso: string | null): void {
  pinned = iso;
}

export function todayIso(): string {
  if (pinned) return pinned.slice(0, 10);
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export function nowIso(): string {
  if (pinned) return `${pinned.slice(0, 16)}:00`;
  const d = new Date();
  return `${todayIso()}T${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}:00`;
}

/** Clears the messages of a form. */
export function clearErrors(root: HTMLElement): void {
  for (const el of root.querySelectorAll(".field-error, .foot-error")) el.textContent = "";
  for (const el of root.querySelectorAll(".invalid")) el.classList.remove("invalid");
}

/** Shows a refusal next to its field when the form has it, else at the form's foot; the other
 * refusals of the same form (`also`) each next to theirs. The first refused field on the page gets
 * the focus. */
export function showFail(root: HTMLElement, e: unknown): void {
  const first = asFail(e);
  const foot: string[] = [];
  for (const fail of [first, ...(first.also ?? [])]) {
    const slot = fail.field ? root.querySelector<HTMLElement>(`[data-field="${CSS.escape(fail.field)}"]`) : null;
    if (!slot) {
      foot.push(fail.message);
      continue;
    }
    slot.classList.add("invalid");
    // Every slot shows its message: one without an error line of its own gets one.
    let err = slot.querySelector(".field-error");
    if (!err) {
      err = h("p", { class: "field-error", role: "alert" });
      slot.append(err);
    }
    err.textContent = err.textContent ? `${err.textContent} ${fail.message}` : fail.message;
  }
  root.querySelector<HTMLElement>(".invalid input, .invalid select, .invalid textarea")?.focus();
  if (!foot.length) return;
  const at = root.querySelector(".foot-error");
  if (at) at.textContent = foot.join(" ");
  else alertBox(foot.join(" "));
}

/** The refusals of a form's own reading (dates, times, a choice not made) gathered, so that they
 * are shown all at once with `done()`, each next to its field. */
export class Gather {
  private fails: Fail[] = [];

  /** Reads one field; a refusal is kept and `instead` given in its place. */
  take<T>(read: () => T, instead: T): T {
    try {
      return read();
    } catch (e) {
      if (!(e instanceof LocalFail)) throw e;
      this.fails.push(e.fail);
      return instead;
    }
  }

  add(fail: Fail): void {
    this.fails.push(fail);
  }

  /** Throws what was gathered as one refusal: the first, with the others beside it. */
  done(): void {
    const [first, ...rest] = this.fails;
    if (first) throw new LocalFail({ ...first, also: rest });
  }
}

export function asFail(e: unknown): Fail {
  if (e instanceof LocalFail) return e.fail;
  if (e && typeof e === "object" && "message" in e) return e as Fail;
  return { message: String(e), field: null };
}

export function alertBox(message: string): void {
  const box = $("toast");
  box.textContent = message;
  box.hidden = false;
  box.className = "toast error";
}

export function notice(message: string): void {
  const box = $("toast");
  box.textContent = message;
  box.hidden = false;
  box.className = "toast ok";
}

export function formError(): HTMLElement {
  return h("p", { class: "foot-error", role: "alert" });
}

/** Runs an action from a button: disables it meanwhile, shows refusals in `root`. */
export async function act(button: HTMLButtonElement, root: HTMLElement, f: () => Promise<void>): Promise<void> {
  clearErrors(root);
  $("toast").hidden = true;
  button.disabled = true;
  try {
    await f();
  } catch (e) {
    showFail(root, e);
  } finally {
    button.disabled = false;
  }
}

export function table(head: string[], rows: Child[][], attrs: Attrs = {}): HTMLTableElement {
  return h(
    "table",
    attrs,
    h("thead", {}, h("tr", {}, ...head.map((x) => h("th", { scope: "col" }, x)))),
    h("tbody", {}, ...rows.map((r) => h("tr", {}, ...r.map((c) => h("td", {}, c))))),
  );
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h("section", { class: "card" }, h("h2", {}, title), ...children);
}

/** A month as people write it (MM.YYYY) from an ISO date: what month fields show and accept. */
export function monthOf(isoDate: string): string {
  return `${isoDate.slice(5, 7)}.${isoDate.slice(0, 4)}`;
}
