// The window: every word comes from locales/ through the Rust side (app_info.ui), in the chosen
// language; the shell decides nothing about the law.
const invoke = window.__TAURI__.core.invoke;
let ui = {};
let lang = localStorage.getItem("lang") || "kk";
let session = null;

const $ = (id) => document.getElementById(id);
// Fills { $name } placeholders the messages leave for the window.
const t = (id, args = {}) => (ui[id] || id).replace(/\{\s*\$(\w+)\s*\}/g, (_, k) => String(args[k] ?? ""));
const fmtDate = (iso) => iso.split("-").reverse().join(".");

function li(text) {
  const el = document.createElement("li");
  el.textContent = text;
  return el;
}

function fill(listId, items, render) {
  const list = $(listId);
  list.replaceChildren(...(items.length ? items.map(render) : [li(t("ui-none"))]));
}

async function showStart() {
  const info = await invoke("app_info", { lang });
  ui = info.ui;
  document.documentElement.lang = info.lang;
  $("title").textContent = info.title;
  $("tagline").textContent = info.tagline;
  $("rules").textContent = info.rules_in_force;
  $("calendar").textContent = info.calendar_years;
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
  for (const b of document.querySelectorAll("nav button")) b.setAttribute("aria-pressed", String(b.dataset.lang === info.lang));
  localStorage.setItem("lang", info.lang);
  try {
    const s = await invoke("store_status", { lang });
    $("store").textContent = t(s.ready ? "ui-store-ready" : "ui-store-none", { path: s.path });
    $("open-demo").hidden = s.ready;
    $("signin").hidden = !s.ready;
  } catch (e) {
    $("store").textContent = e;
  }
  if (session) await showHome();
}

function showWho() {
  $("who").textContent = session ? t("ui-signed-in", { name: session.full_name, roles: session.roles.map((r) => t("ui-role-" + r)).join(", ") }) : "";
}

async function showHome() {
  $("start").hidden = true;
  $("home").hidden = false;
  showWho();
  await runSearch();
  await recompute();
  const d = await invoke("dashboard", { lang });
  const step = (x) => `${t("ui-case", { id: x.case_id })} — ${x.applicant} — ${t("ui-kind-" + x.kind)}: ${t("ui-step-" + x.step, { date: fmtDate(x.deadline) })}`;
  fill("due-today", d.due_today, (x) => li(step(x)));
  fill("late", d.late, (x) => li(`${step(x)} (${t("ui-late-by", { days: x.late_by })})`));
  fill("ending", d.ending_soon, (x) => li(`${x.number} — ${x.holder} — ${t("ui-valid-to", { date: fmtDate(x.valid_to) })}`));
}

$("open-demo").addEventListener("click", async () => {
  $("open-demo").disabled = true;
  $("demo-status").textContent = t("ui-opening-demo");
  try {
    const s = await invoke("open_demo", { lang });
    $("demo-status").textContent = t("ui-demo-ready", { cases: s.cases, password: s.password });
    await showStart();
  } catch (e) {
    $("demo-status").textContent = e;
  } finally {
    $("open-demo").disabled = false;
  }
});

$("signin").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  $("signin-error").textContent = "";
  try {
    session = await invoke("sign_in", { login: $("login").value, password: $("password").value, lang });
    $("password").value = "";
    await showHome();
  } catch (e) {
    $("signin-error").textContent = e;
    $("password").focus();
  }
});

$("search-form").addEventListener("submit", (ev) => ev.preventDefault());
// Re-run on every change and after a language switch, so results read in the chosen language.
async function runSearch() {
  const text = $("search").value.trim();
  if (!text) return $("results").replaceChildren();
  const rows = await invoke("search", { text, lang });
  const list = document.createElement("ul");
  list.replaceChildren(...rows.map((c) => li(`${t("ui-case", { id: c.id })} — ${c.applicant}${c.applicant_cyrillic ? " / " + c.applicant_cyrillic : ""} — ${t("ui-kind-" + c.kind)}, ${t("ui-status-" + c.status)}${c.certificate ? " — " + c.certificate : ""}`)));
  const count = document.createElement("p");
  count.textContent = t("ui-results", { count: rows.length });
  $("results").replaceChildren(count, list);
}
$("search").addEventListener("input", runSearch);

$("sign-out").addEventListener("click", async () => {
  await invoke("sign_out");
  session = null;
  showWho();
  $("home").hidden = true;
  $("start").hidden = false;
});

// The Commission's points, recomputed by the rules core on every change.
function addPeriod(from = "", to = "") {
  const row = document.createElement("div");
  row.className = "period";
  const n = $("p-periods").querySelectorAll(".period").length + 1;
  row.innerHTML = `<label><span data-t="ui-points-from"></span> <input type="date" class="p-from" aria-label="${n}"></label>
    <label><span data-t="ui-points-to"></span> <input type="date" class="p-to" aria-label="${n}"></label>`;
  row.querySelector(".p-from").value = from;
  row.querySelector(".p-to").value = to;
  for (const el of row.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
  $("p-periods").appendChild(row);
}

async function recompute() {
  const periods = [...$("p-periods").querySelectorAll(".period")]
    .map((r) => [r.querySelector(".p-from").value, r.querySelector(".p-to").value])
    .filter(([a, b]) => a && b);
  const f = {
    registered_on: $("p-date").value,
    higher: $("p-higher").checked,
    degree: $("p-degree").checked,
    english: $("p-english").checked,
    profession_in_list: $("p-in-list").checked,
    qualification_matches: $("p-matches").checked,
    documents_reliable: $("p-reliable").checked,
    periods,
  };
  try {
    const r = await invoke("points", { f, lang });
    const e = r.result.experience;
    $("p-result").textContent = t("ui-points-result", { total: r.result.total, threshold: r.result.threshold, rule_set: r.rule_set, years: e.years, months: e.months, days: e.days });
    $("p-recommendation").textContent = t(r.result.recommendation === "issue" ? "ui-points-issue" : "ui-points-refuse");
    $("p-recommendation").className = r.result.recommendation;
    $("p-grounds").replaceChildren(...r.result.refusal_grounds.map((g) => li(t("ui-ground-" + g))));
  } catch (err) {
    $("p-result").textContent = err;
    $("p-recommendation").textContent = "";
    $("p-grounds").replaceChildren();
  }
}

$("p-date").value = new Date().toISOString().slice(0, 10);
addPeriod();
$("p-add").addEventListener("click", () => addPeriod());
$("points").addEventListener("input", recompute);
$("points").addEventListener("submit", (ev) => ev.preventDefault());

for (const b of document.querySelectorAll("nav button")) {
  b.addEventListener("click", () => {
    lang = b.dataset.lang;
    showStart();
  });
}
showStart();
