/* Kenniskring offline copy: start PyScript and Pyodide from files carried inside this one HTML file.
 *
 * Opened from disk (file://) a page may not fetch() its neighbours nor load module scripts from
 * them, so nothing here is a neighbour: every runtime file sits in this page as base64 (most of
 * them gzip-compressed) in a <script type="application/x-kenniskring-file"> element, written by
 * hooks/offline_copy.py from the same files the site serves. This script
 *   1. answers fetch() for those addresses from memory (and refuses every other address: the copy
 *      never uses the network),
 *   2. turns the three JavaScript modules into blob: URLs, and
 *   3. starts PyScript with a small interpreter module (at an address an import map points to its
 *      blob: URL) that hands Pyodide its own pyodide.asm.mjs, so no module is fetched from disk.
 */
(function () {
  "use strict";
  // A browser that lacks what this needs (DecompressionStream, blob: modules) gets a clear message
  // in the page's language instead of a page that keeps saying it is loading.
  function unsupported(error) {
    var root = document.getElementById("kk-offline-root");
    var message = document.createElement("p");
    message.setAttribute("role", "alert");
    message.className = "kk-offline-error";
    message.textContent = root.dataset.unsupported;
    root.prepend(message);
    console.error(error);
  }
  try {
    start();
  } catch (error) {
    unsupported(error);
  }

  function start() {
    var files = {};
    var decode = Uint8Array.fromBase64
      ? function (text) { return Uint8Array.fromBase64(text); }
      : function (text) {
          var raw = atob(text);
          var bytes = new Uint8Array(raw.length);
          for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
          return bytes;
        };

    function address(path) {
      var url = new URL(path, document.baseURI);
      url.search = "";
      url.hash = "";
      return url.href;
    }

    document.querySelectorAll('script[type="application/x-kenniskring-file"]').forEach(function (node) {
      files[address(node.dataset.path)] = {
        data: new Blob([decode(node.textContent.trim())]),
        type: node.dataset.type,
        gzip: node.hasAttribute("data-gzip"),
      };
      node.remove(); // the text is no longer needed once it is bytes
    });

    function body(file) {
      return file.gzip ? file.data.stream().pipeThrough(new DecompressionStream("gzip")) : file.data;
    }

    function respond(file) {
      return new Response(body(file), { status: 200, headers: { "Content-Type": file.type } });
    }

    var ownFetch = window.fetch.bind(window);
    window.fetch = function (input, init) {
      var target = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      var file = files[address(target)];
      if (file) return Promise.resolve(respond(file));
      if (/^(blob|data):/.test(target)) return ownFetch(input, init); // the page's own downloads
      return Promise.reject(new TypeError("Kenniskring (offline): " + target + " is not part of this file"));
    };

    function moduleURL(path) {
      return respond(files[address(path)])
        .blob()
        .then(function (blob) { return URL.createObjectURL(new Blob([blob], { type: "text/javascript" })); });
    }

    var config = JSON.parse(document.getElementById("kk-offline-config").textContent);
    Promise.all([moduleURL(config.pyodide), moduleURL(config.pyodideAsm), moduleURL(config.pyscript)]).then(function (urls) {
      // PyScript imports the "interpreter" and calls its loadPyodide; this one passes the right folder
      // (for the files above) and the Emscripten module, so Pyodide does not import it by address.
      var interpreter = [
        "import * as pyodide from " + JSON.stringify(urls[0]) + ";",
        "import createPyodideModule from " + JSON.stringify(urls[1]) + ";",
        "export const version = pyodide.version;",
        "export function loadPyodide(options) {",
        "  return pyodide.loadPyodide(Object.assign({}, options, { indexURL: " +
          JSON.stringify(address(config.indexURL)) + ", createPyodideModule: createPyodideModule }));",
        "}",
      ].join("\n");
      // PyScript takes an interpreter by address only (not blob:); an import map gives that address
      // (inside this file's folder, never fetched) the module above.
      var map = document.createElement("script");
      map.type = "importmap";
      var imports = {};
      imports[address(config.interpreter)] = URL.createObjectURL(new Blob([interpreter], { type: "text/javascript" }));
      map.textContent = JSON.stringify({ imports: imports });
      document.head.appendChild(map);
      var py = document.createElement("script");
      py.type = "py";
      py.src = config.main;
      py.setAttribute("config", JSON.stringify(Object.assign({ interpreter: config.interpreter }, config.python)));
      document.body.appendChild(py);
      var core = document.createElement("script");
      core.type = "module";
      core.src = urls[2];
      document.head.appendChild(core);
    }).catch(unsupported);
  }
})();
