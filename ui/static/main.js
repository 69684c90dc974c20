// Start screen: every text comes from locales/ through the Rust side, in the chosen language.
const invoke = window.__TAURI__.core.invoke;

async function show(lang) {
  const info = await invoke("app_info", { lang });
  document.documentElement.lang = info.lang;
  document.getElementById("title").textContent = info.title;
  document.getElementById("tagline").textContent = info.tagline;
  document.getElementById("rules").textContent = info.rules_in_force;
  document.getElementById("calendar").textContent = info.calendar_years;
  for (const b of document.querySelectorAll("nav button")) {
    b.setAttribute("aria-pressed", String(b.dataset.lang === info.lang));
  }
  localStorage.setItem("lang", info.lang);
}

for (const b of document.querySelectorAll("nav button")) {
  b.addEventListener("click", () => show(b.dataset.lang));
}
show(localStorage.getItem("lang") || "kk");
