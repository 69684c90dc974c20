// The progress bar of a long task (export, import, restore, a demo office): the shell sends
// `progress` events while the command runs; the bar shows them, in the window's language, until
// the command is over. A task whose end is not known gets a moving bar and what it has done.
import { listen } from "@tauri-apps/api/event";
import type { Progress } from "./bindings";
import { $ } from "./dom";
import { t } from "./i18n";

function show(p: Progress): void {
  const box = $("progress");
  const bar = $("progress-bar") as HTMLProgressElement;
  const text = $("progress-text");
  box.hidden = false;
  if (p.total) {
    bar.max = p.total;
    bar.value = p.done;
  } else {
    bar.removeAttribute("value");
  }
  const percent = p.total ? Math.floor((100 * p.done) / p.total) : 0;
  const mb = Math.round(p.done / 1e5) / 10;
  text.textContent = t(`ui-progress-${p.task}`, { percent, mb, done: p.done, total: p.total ?? 0 });
}

/** Runs `f` with the bar shown while its reports come, and gone when it is over. */
export async function withProgress<T>(f: () => Promise<T>): Promise<T> {
  const stop = await listen<Progress>("progress", (e) => show(e.payload));
  try {
    return await f();
  } finally {
    stop();
    $("progress").hidden = true;
  }
}
