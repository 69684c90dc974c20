// Checks how the window's modules (ui/src/**/*.ts) import each other, before tsc and esbuild:
//   - the import graph has no cycle (every `import ... from "./..."`, `export ... from "./..."`,
//     `import("./...")`, type-only imports included);
//   - nothing but the entry (src/main.ts) imports main.ts: it only wires things at start-up;
//   - no screen (src/screens/**) keeps state in a module-level `let` or `var`: a screen's state
//     lives in its visit (router.ts), a module-level `const` is for tables that never change.
// Exit 0 when all hold, 1 with each violation printed otherwise. Plain Node; the files are read
// with the TypeScript parser the build already depends on (ui/node_modules/typescript).
//
//   node ui/tools/check-imports.mjs          (from anywhere; `npm run check` and `npm run build` run it)
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const UI = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SRC = join(UI, "src");
const ENTRY = join(SRC, "main.ts");
const SCREENS = join(SRC, "screens") + sep;

/** src-relative name of a file, with forward slashes, for messages. */
const name = (file) => relative(SRC, file).split(sep).join("/");

function tsFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...tsFiles(path));
    else if (path.endsWith(".ts")) out.push(path);
  }
  return out;
}

/** The relative module specifiers a file names, with their line numbers. */
function specifiers(sf) {
  const found = [];
  const add = (lit) => {
    if (lit && ts.isStringLiteralLike(lit) && lit.text.startsWith(".")) {
      found.push({ spec: lit.text, line: sf.getLineAndCharacterOfPosition(lit.getStart(sf)).line + 1 });
    }
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** The .ts file a relative specifier names; null for another kind of file (e.g. a .ftl text);
 * undefined for none. */
function resolveSpec(from, spec) {
  const base = resolve(dirname(from), spec);
  const stem = /\.(m?js)$/.test(base) ? base.replace(/\.(m?js)$/, "") : base;
  for (const c of [stem, `${stem}.ts`, join(stem, "index.ts")]) {
    if (c.endsWith(".ts") && existsSync(c) && statSync(c).isFile()) return c;
  }
  if (extname(base) && !/\.(m?js|ts)$/.test(base) && existsSync(base)) return null;
  return undefined;
}

const problems = [];
const files = tsFiles(SRC);
const graph = new Map(); // file -> [{ to, line }]
let imports = 0;

for (const file of files) {
  const text = readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edges = [];
  for (const { spec, line } of specifiers(sf)) {
    const to = resolveSpec(file, spec);
    if (to === undefined) problems.push(`${name(file)}:${line}: "${spec}" names no file`);
    else if (to !== null && !edges.some((e) => e.to === to)) edges.push({ to, line });
  }
  graph.set(file, edges);
  imports += edges.length;

  for (const { to, line } of edges) {
    if (to === ENTRY && file !== ENTRY) problems.push(`${name(file)}:${line}: imports main.ts; only the entry may (import router.ts or session.ts instead)`);
  }

  if (file.startsWith(SCREENS)) {
    for (const st of sf.statements) {
      if (!ts.isVariableStatement(st)) continue;
      const scope = st.declarationList.flags & ts.NodeFlags.BlockScoped;
      const kind = scope === 0 ? "var" : scope === ts.NodeFlags.Let ? "let" : null;
      if (!kind) continue;
      const names = st.declarationList.declarations.map((d) => d.name.getText(sf)).join(", ");
      const line = sf.getLineAndCharacterOfPosition(st.getStart(sf)).line + 1;
      problems.push(`${name(file)}:${line}: module-level ${kind} ${names}: a screen's state belongs in its visit (Visit.state in router.ts)`);
    }
  }
}

// Cycles: a depth-first walk; an edge back to a file on the walk's path closes one. Each cycle is
// printed once, from its first file in name order.
const seen = new Set();
const cycles = new Map();
const path = [];
const onPath = new Set();
function walk(file) {
  seen.add(file);
  path.push(file);
  onPath.add(file);
  for (const { to } of graph.get(file) ?? []) {
    if (onPath.has(to)) {
      const loop = path.slice(path.indexOf(to));
      const first = loop.reduce((a, b) => (name(a) <= name(b) ? a : b));
      const turned = [...loop.slice(loop.indexOf(first)), ...loop.slice(0, loop.indexOf(first))];
      const key = turned.map(name).join(" -> ");
      if (!cycles.has(key)) cycles.set(key, `${key} -> ${name(first)}`);
    } else if (!seen.has(to)) walk(to);
  }
  path.pop();
  onPath.delete(file);
}
for (const file of files) if (!seen.has(file)) walk(file);
for (const c of cycles.values()) problems.push(`import cycle: ${c}`);

if (problems.length) {
  console.error(`check-imports: ${problems.length} problem(s) in ui/src:`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`check-imports: ${files.length} modules, ${imports} imports among them, no cycle; main.ts imported by none; no screen keeps a module-level let/var`);
