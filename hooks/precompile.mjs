// Compile Python packages to bytecode for the browser's Python (Pyodide's, the same version the
// site serves), so the page imports ready bytecode instead of compiling the source on every visit.
//
// Usage: node hooks/precompile.mjs <folder>   (writes a .pyc next to every .py in it)
// The .pyc files sit where the .py is (so Python imports them from a zip, without the source) and
// are "unchecked-hash" ones: no timestamps, the same source gives the same bytes, so a build is
// repeatable.
import { loadPyodide } from "pyodide";

const folder = process.argv[2];
if (!folder) {
  console.error("usage: node hooks/precompile.mjs <folder>");
  process.exit(2);
}
const py = await loadPyodide({ stdout: () => {}, stderr: (line) => console.error(line) });
py.FS.mkdirTree("/work");
py.FS.mount(py.FS.filesystems.NODEFS, { root: folder }, "/work");
const ok = py.runPython(`
import compileall, py_compile
compileall.compile_dir("/work", quiet=1, legacy=True, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
`);
if (!ok) {
  console.error("precompile: some files did not compile");
  process.exit(1);
}
