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
import kkHelp from "../../locales/kk/help.ftl";
import ruHelp from "../../locales/ru/help.ftl";
import enHelp from "../../locales/en/help.ftl";

export type Lang = "kk" | "ru" | "en";
export const LANGS: Lang[] = ["kk", "ru", "en"];

const sources: Record<Lang, string[]> = {
  kk: [kkMain, kkDocs, kkUi, kkHelp],
  ru: [ruMain, ruDocs, ruUi, ruHelp],
  en: [enMain, enDocs, enUi, enHelp],
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

/** A rule set by its name in the current language ("Приказ № 236 (в ред. приказа № 426 …)"),
 *  never its id: the ids are data (assets/rulesets/), their names are messages (`ruleset-<id>`). */
export function ruleSetName(id: string): string {
  return t(`ruleset-${id}`);
}

/** A citation as the rule sets hold it ("App 2 p.8 item 1: <summary>"). In English, whole. In
 *  Kazakh and Russian, only its reference, in the language's own words ("Прил. 2, п. 8, подп. 1"):
 *  the summary after it is our English. Anything else is not shown there. */
export function citeRef(cite: string): string {
  if (lang === "en") return cite;
  const assumed = /assumed/.test(cite) ? ` (${t("ui-assumed")})` : "";
  const app = /^App (\d+) p\.(\d+)(?: (?:item|sub\.) (\d+))?/.exec(cite);
  if (app) {
    const [, a, p, item] = app;
    return (item ? t("ui-cite-app-item", { app: a, p, item }) : t("ui-cite-app", { app: a, p })) + assumed;
  }
  const rules = /^Rules p\.(\d+)(?: (?:item|sub\.) (\d+))?/.exec(cite);
  if (rules) {
    const [, p, item] = rules;
    return (item ? t("ui-cite-rules-item", { p, item }) : t("ui-cite-rules", { p })) + assumed;
  }
  return "";
}

/** A bundle's period as people read it: a month as MM.YYYY, "since-N" in words; never the label. */
export function periodName(label: string): string {
  const since = /^since-(\d+)$/.exec(label);
  if (since) return t("ui-period-since", { after: since[1] });
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  return month ? `${month[2]}.${month[1]}` : label;
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
