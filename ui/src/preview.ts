// A document shown inside the window before it is printed (issue 15): pdf.js (from npm, in a
// bundle of its own loaded on first use, ui/src/pdf.ts; its worker is ui/dist/pdf.worker.mjs;
// nothing comes from outside) draws each page into a canvas in a dialog. The preview is a draft,
// recorded nowhere; "Print" fetches the real document (its print recorded, as a saved one is),
// draws it in place of the draft and sends the window's print style (the pages only) to the
// system's print dialog.
import { call } from "./api";
import { act, formError, h } from "./dom";
import { t } from "./i18n";

/** Pixels per PDF point: A4 at about 150 dpi, sharp on screen and on paper. */
const SCALE = 150 / 72;

type Pdf = { drawPages: (pdf: ArrayBuffer, scale: number) => Promise<HTMLCanvasElement[]> };
const loaded: { pdf: Promise<Pdf> | null } = { pdf: null };

/** pdf.js, loaded from the bundle the first time it is needed (dist/pdf.js, see ui/src/pdf.ts). */
function pdfjs(): Promise<Pdf> {
  loaded.pdf ??= new Promise<Pdf>((done, fail) => {
    const s = document.createElement("script");
    s.src = "pdf.js";
    s.onload = () => done((globalThis as unknown as { anyqtamaPdf: Pdf }).anyqtamaPdf);
    s.onerror = () => {
      loaded.pdf = null;
      fail(new Error("pdf.js"));
    };
    document.head.append(s);
  });
  return loaded.pdf;
}

/** Draws every page of `pdf` into `into` (emptied first); returns how many. */
export async function drawPdf(pdf: ArrayBuffer, into: HTMLElement): Promise<number> {
  const pages = await (await pdfjs()).drawPages(pdf, SCALE);
  pages.forEach((c, i) => {
    c.className = "pdf-page";
    c.setAttribute("role", "img");
    c.setAttribute("aria-label", t("ui-preview-page", { page: i + 1, pages: pages.length }));
  });
  into.replaceChildren(...pages);
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
