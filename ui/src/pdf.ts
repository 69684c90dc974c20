// pdf.js, in a bundle of its own (dist/pdf.js) that the window loads the first time a document is
// previewed, so that starting the window does not parse it (about 1 MB). It draws a PDF's pages
// into canvases and nothing else; ui/src/preview.ts loads it and labels the pages.
import { getDocument, GlobalWorkerOptions } from "pdfjs-dist";

GlobalWorkerOptions.workerSrc = "pdf.worker.mjs";

/** Every page of `pdf` drawn at `scale` pixels per point. */
async function drawPages(pdf: ArrayBuffer, scale: number): Promise<HTMLCanvasElement[]> {
  // Fonts come from the file, which embeds its own (pdf.js 6 compiles none with eval, which the
  // page's CSP would refuse).
  const task = getDocument({ data: new Uint8Array(pdf), useSystemFonts: false });
  const doc = await task.promise;
  const pages: HTMLCanvasElement[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    await page.render({ canvas, viewport }).promise;
    pages.push(canvas);
  }
  await task.destroy();
  return pages;
}

(globalThis as unknown as { anyqtamaPdf: { drawPages: typeof drawPages } }).anyqtamaPdf = { drawPages };
