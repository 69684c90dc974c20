// The help (F1, and "Help" in the menu): a short guide per role in the window's language, the
// signed-in user's own roles first, each with a screenshot of its main screen. The screenshots are
// made by the end-to-end tests (tests/test_help.py, ANYQTAMA_UPDATE_HELP=1) into ui/static/help.
import { h, section } from "../dom";
import { lang, t } from "../i18n";
import { user } from "../session";

/** Each role, the screen its screenshot shows, and how many steps its guide has. */
export const GUIDES = [
  { role: "registrar", screen: "ui-menu-dashboard", steps: 5 },
  { role: "secretary", screen: "ui-menu-commission", steps: 4 },
  { role: "head", screen: "ui-menu-decisions", steps: 4 },
  { role: "admin", screen: "ui-menu-settings", steps: 4 },
] as const;

function guide(g: (typeof GUIDES)[number]): HTMLElement {
  const steps = Array.from({ length: g.steps }, (_, i) => h("li", {}, t(`help-${g.role}-${i + 1}`)));
  const card = section(
    t(`help-${g.role}-title`),
    h("div", { class: "help-guide" },
      h("ol", {}, ...steps),
      h("img", { class: "help-shot", src: `help/${lang}-${g.role}.png`, alt: t("help-shot", { what: t(g.screen) }), width: 440, height: 304, loading: "lazy" }),
    ),
  );
  card.id = `help-${g.role}`;
  return card;
}

export async function helpScreen(): Promise<HTMLElement> {
  const mine = user()?.roles ?? [];
  const own = GUIDES.filter((g) => (mine as readonly string[]).includes(g.role));
  const others = GUIDES.filter((g) => !(mine as readonly string[]).includes(g.role));
  return h(
    "div",
    { id: "help" },
    h("h2", { class: "screen-title" }, t("help-title")),
    h("p", {}, t("help-intro")),
    h("p", { class: "muted", id: "help-keys" }, t("help-keys")),
    own.length ? h("h3", {}, t("help-for-you")) : null,
    ...own.map(guide),
    own.length && others.length ? h("h3", {}, t("help-other-roles")) : null,
    ...others.map(guide),
  );
}
