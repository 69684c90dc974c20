// A document shown inside the window before it is printed (issue 15): pdf.js (from npm, bundled;
// its worker is ui/dist/pdf.worker.mjs, nothing comes from outside) draws each page into a canvas
// in a dialog. The preview is a draft, recorded nowhere; "Print" fetches the real document (its
// print recorded, as a saved one is), draws it in place of the draft and sends the window's print
// style (the pages only) to the system's print dialog.
import { getDocument, GlobalWorkerOptions } from "pdfjs-dist";
import { call } from "./api";
import { act, formError, h } from "./dom";
import { t } from "./i18n";

GlobalWorkerOptions.workerSrc = "pdf.worker.mjs";

/** Pixels per PDF point: A4 at about 150 dpi, sharp on screen and on paper. */
const SCALE = 150 / 72;

/** Draws every page of `pdf` into `into` (emptied first); returns how many. */
export async function drawPdf(pdf: ArrayBuffer, into: HTMLElement): Promise<number> {
  // Fonts come from the file, which embeds its own (pdf.js 6 compiles none with eval, which the
  // page's CSP would refuse).
  const task = getDocument({ data: new Uint8Array(pdf), useSystemFonts: false });
  const doc = await task.promise;
  const pages: HTMLCanvasElement[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: SCALE });
    const canvas = h("canvas", { class: "pdf-page", role: "img", width: Math.ceil(viewport.width), height: Math.ceil(viewport.height), "aria-label": t("ui-preview-page", { page: n, pages: doc.numPages }) });
    await page.render({ canvas, viewport }).promise;
    pages.push(canvas);
  }
  into.replaceChildren(...pages);
  await task.destroy();
  return pages.length;
}

export interface PreviewOf {
  /** The dialog's title: what is shown. */
  title: string;
  /** The document as a draft (the preview) or for real (to print). */
  fetch: (draft: boolean) => Promise<ArrayBuffer>;
  /** Only a draft is wanted: "Print" prints the draft, and nothing is recorded. */
  draftOnly: boolean;
}

/** Opens the preview of a document; resolves when it is closed. */
export async function preview(of: PreviewOf): Promise<void> {
  // Focusable, so the pages scroll with the keyboard too (arrows, Page Down).
  const pages = h("div", { id: "preview-pages", tabindex: 0, role: "region", "aria-label": of.title });
  const print = h("button", { type: "button", id: "preview-print", class: "primary" }, t("ui-preview-print"));
  const close = h("button", { type: "button", id: "preview-close" }, t("ui-preview-close"));
  const status = h("p", { id: "preview-status", class: "muted", role: "status" }, t("ui-preview-loading"));
  const errors = formError();
  const dialog = h("dialog", { id: "preview", "aria-label": of.title }, h("div", { class: "preview-bar" }, h("h2", {}, of.title), status, print, close), errors, pages) as HTMLDialogElement;
  document.body.append(dialog);
  const closed = new Promise<void>((done) => dialog.addEventListener("close", () => { dialog.remove(); done(); }));
  close.addEventListener("click", () => dialog.close());
  dialog.showModal();
  print.disabled = true;
  await act(print, dialog, async () => {
    const n = await drawPdf(await of.fetch(true), pages);
    status.textContent = t(of.draftOnly ? "ui-preview-draft-only" : "ui-preview-draft", { pages: n });
  });
  print.addEventListener("click", () =>
    act(print, dialog, async () => {
      if (!of.draftOnly) {
        status.textContent = t("ui-preview-loading");
        const n = await drawPdf(await of.fetch(false), pages);
        status.textContent = t("ui-preview-real", { pages: n });
      }
      await call("print_window");
      dialog.dataset.printed = "1";
    }),
  );
  return closed;
}
