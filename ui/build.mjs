// Bundles the window into ui/dist: one script (TypeScript and the .ftl messages from locales/ as
// text), the page and its style. Nothing is fetched at run time; Tauri embeds ui/dist in the binary.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";

mkdirSync("dist", { recursive: true });
await build({
  entryPoints: ["src/main.ts"],
  bundle: true,
  outfile: "dist/main.js",
  format: "iife",
  // WebKitGTK 2.4x and WebView2: what pdf.js is written in needs no lowering.
  target: "es2024",
  loader: { ".ftl": "text" },
  minify: false,
  sourcemap: false,
  legalComments: "eof",
  logLevel: "warning",
});
// pdf.js in a bundle of its own, loaded the first time a document is previewed (ui/src/pdf.ts).
await build({
  entryPoints: ["src/pdf.ts"],
  bundle: true,
  outfile: "dist/pdf.js",
  format: "iife",
  target: "es2024",
  minify: false,
  sourcemap: false,
  legalComments: "eof",
  logLevel: "warning",
});
for (const f of ["index.html", "style.css"]) copyFileSync(`static/${f}`, `dist/${f}`);
// The window's font (style.css), from the assets the documents' fonts are in.
mkdirSync("dist/fonts", { recursive: true });
for (const f of ["PTSans-Regular.ttf", "PTSans-Bold.ttf"]) copyFileSync(`../assets/fonts/${f}`, `dist/fonts/${f}`);
// The help's screenshots (made by the end-to-end tests: tests/test_help.py).
mkdirSync("dist/help", { recursive: true });
for (const f of readdirSync("static/help")) copyFileSync(`static/help/${f}`, `dist/help/${f}`);
// pdf.js draws pages in a worker of its own, loaded from the bundle (ui/src/preview.ts).
copyFileSync("node_modules/pdfjs-dist/build/pdf.worker.min.mjs", "dist/pdf.worker.mjs");
