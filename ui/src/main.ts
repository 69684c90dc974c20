// The window's start-up: every route's screen registered with the router, the header wired, the
// remembered language applied, and the first screen drawn. Nothing imports this module; screens
// import the router (routes, go) and the session (who is signed in, what they may do).
import { renderChrome, wireChrome } from "./chrome";
import { go, register, start } from "./router";
import { startLang, user } from "./session";
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
import { aboutScreen, ownPasswordScreen } from "./screens/about";
import { hqScreen } from "./screens/hq";
import { helpScreen } from "./screens/help";

register(
  {
    start: () => startScreen(),
    dashboard: () => dashboardScreen(),
    search: (r) => searchScreen(r.text ?? ""),
    new: (r, visit) => newApplicationScreen(visit, r.kind, r.certificate),
    case: (r) => caseScreen(r.id),
    commission: (r, visit) => commissionScreen(visit, r.case),
    decisions: () => decisionsScreen(),
    registers: (_r, visit) => registersScreen(visit),
    settings: () => settingsScreen(),
    audit: () => auditScreen(),
    backup: () => backupScreen(),
    about: () => aboutScreen(),
    password: () => ownPasswordScreen(),
    help: () => helpScreen(),
    hq: (_r, visit) => hqScreen(visit),
  },
  {
    // Nobody signed in sees the start screen only.
    // A password the administrator reset is changed before anything else.
    guard: (r) => {
      const u = user();
      // The help is there before signing in too (it asks nothing of the store).
      if (!u) return r.name === "start" || r.name === "help" ? r : { name: "start" };
      return u.must_change_password ? { name: "password" } : r;
    },
    chrome: renderChrome,
  },
);
wireChrome();
// F1 opens the help from anywhere; Escape closes a preview by the dialog's own handling.
document.addEventListener("keydown", (e) => {
  if (e.key === "F1") {
    e.preventDefault();
    void go({ name: "help" });
  }
});
startLang();
void start();
