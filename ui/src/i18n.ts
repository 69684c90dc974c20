// The window's words: the same locales/*.ftl files the documents and the command line use,
// formatted here with @fluent/bundle. A missing id is reported (console and data-missing on <html>)
// so the end-to-end tests fail on it.
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import kkMain from "../../locales/kk/main.ftl";
import kkDocs from "../../locales/kk/documents.ftl";
import kkUi from "../../locales/kk/ui.ftl";
import ruMain from "../../locales/ru/main.ftl";
import ruDocs from "../../locales/ru/documents.ftl";
import ruUi from "../../locales/ru/ui.ftl";
import enMain from "../../locales/en/main.ftl";
import enDocs from "../../locales/en/documents.ftl";
import enUi from "../../locales/en/ui.ftl";

export type Lang = "kk" | "ru" | "en";
export const LANGS: Lang[] = ["kk", "ru", "en"];

const sources: Record<Lang, string[]> = {
  kk: [kkMain, kkDocs, kkUi],
  ru: [ruMain, ruDocs, ruUi],
  en: [enMain, enDocs, enUi],
};

function bundle(lang: Lang): FluentBundle {
  // No direction marks: they would show as boxes in some fonts and break the tests' text matching.
  const b = new FluentBundle(lang, { useIsolating: false });
  for (const text of sources[lang]) {
    const errors = b.addResource(new FluentResource(text));
    for (const e of errors) console.error(`locales/${lang}: ${e}`);
  }
  return b;
}

const bundles = new Map<Lang, FluentBundle>();
let current: FluentBundle = getBundle("kk");
export let lang: Lang = "kk";

function getBundle(l: Lang): FluentBundle {
  let b = bundles.get(l);
  if (!b) {
    b = bundle(l);
    bundles.set(l, b);
  }
  return b;
}

export function setLang(l: Lang): void {
  lang = l;
  current = getBundle(l);
  document.documentElement.lang = l;
}

export function parseLang(s: string | null | undefined): Lang | null {
  return s === "kk" || s === "ru" || s === "en" ? s : null;
}

/** The language the page is in now (the <html> element's), Kazakh when it names none. */
export function pageLang(): Lang {
  return parseLang(document.documentElement.lang) ?? "kk";
}

const missing = new Set<string>();

/** The message `id` in the current language, with its arguments. */
export function t(id: string, args: Record<string, FluentVariable> = {}): string {
  const msg = current.getMessage(id);
  if (!msg || !msg.value) {
    missing.add(id);
    document.documentElement.dataset.missing = [...missing].join(" ");
    console.error(`missing message ${id} (${lang})`);
    return id;
  }
  return current.formatPattern(msg.value, args);
}

/** Dates as the office writes them: DD.MM.YYYY. */
export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${d}.${m}.${y}`;
}

export function fmtDateTime(iso: string): string {
  return `${fmtDate(iso)} ${iso.slice(11, 16)}`;
}
