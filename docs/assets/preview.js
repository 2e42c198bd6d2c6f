/* Kenniskring: on a return visit, show the open map's last picture while Python starts.
 *
 * Written by the app (py/kenniskring/preview.py) each time it saves. Shown only when it belongs to
 * the map the app will open, in the version saved last, in this page's language; read-only, under
 * the loading indicator, until the app draws the same picture itself. Anything unexpected: nothing
 * is shown, and the app draws the map when it is ready, as on a first visit.
 */
(function () {
  "use strict";
  var holder = document.getElementById("kk-map");
  if (!holder) return;
  try {
    // The keys and the record's type and version, filled in by the build from the Python that writes them
    // (hooks/build_site.py, preview_script); this file as it stands in docs/ shows nothing.
    var contract = __KENNISKRING_PREVIEW_CONTRACT__;
    var record = JSON.parse(localStorage.getItem(contract.previewKey));
    var index = JSON.parse(localStorage.getItem(contract.indexKey));
    if (!record || record.type !== contract.type || record.version !== contract.version) return;
    if (!index || record.map !== index.current) return;
    if (record.lang !== document.documentElement.lang || typeof record.svg !== "string") return;
    var entry = (index.maps || []).filter(function (e) { return e && e.id === record.map; })[0];
    if (!entry || entry.updated !== record.updated) return;
    var parsed = new DOMParser().parseFromString(record.svg, "image/svg+xml");
    var svg = parsed.documentElement;
    if (svg.localName !== "svg" || parsed.getElementsByTagName("parsererror").length) return;
    svg.querySelectorAll("script, foreignObject").forEach(function (node) { node.remove(); });
    holder.replaceChildren(document.importNode(svg, true));
    holder.setAttribute("data-preview", "");
    performance.mark("kk-first-picture");
  } catch (e) {
    /* no picture now; the app draws it when it is ready */
  }
})();
