// The standard library as the page gets it, made by Pyodide's own Python (the version the site serves).
//
// Usage: node hooks/stdlib.mjs <app folder> <output zip>
// The app folder holds the Python the page runs besides the standard library (the app, main.py,
// PyScript's package, svgwrite); what is done with it is in hooks/stdlib_in_pyodide.py.
import { readFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { loadPyodide } from "pyodide";

const [app, out] = process.argv.slice(2);
if (!app || !out) {
  console.error("usage: node hooks/stdlib.mjs <app folder> <output zip>");
  process.exit(2);
}
const py = await loadPyodide({ stdout: (line) => console.log(line), stderr: (line) => console.error(line) });
py.FS.mkdirTree("/app");
py.FS.mount(py.FS.filesystems.NODEFS, { root: resolve(app) }, "/app");
py.FS.mkdirTree("/out");
py.FS.mount(py.FS.filesystems.NODEFS, { root: dirname(resolve(out)) }, "/out");
const code = readFileSync(new URL("./stdlib_in_pyodide.py", import.meta.url), "utf8");
const namespace = py.globals.get("dict")();
py.runPython(code, { globals: namespace });
const counts = namespace.get("build")("/app", `/out/${basename(out)}`).toJs({ dict_converter: Object.fromEntries });
console.error(
  `standard library: ${counts.compiled} modules as bytecode, ${counts.kept} files as they were, ` +
    `${counts.left_out} modules left out (nothing the page runs can use them)`,
);
