/* Kenniskring offline copy: show the tool in the language chosen last; before any choice, in the
 * browser's own language when that is Dutch or English (the first of them in its list), else Dutch.
 *
 * The file carries the tool's markup in both languages, each in a <template>; this puts one of them
 * on the page and sets the page's language before Python starts (the app reads it from <html lang>).
 * The language button stores the other choice and reloads; the app saves the map on leaving the page.
 */
(function () {
  "use strict";
  var KEY = "kenniskring:offline-language";
  var chosen = null;
  try {
    chosen = localStorage.getItem(KEY);
  } catch (e) {
    /* no storage: Dutch */
  }
  if (chosen !== "nl" && chosen !== "en") {
    chosen = null;
    var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < preferred.length && chosen === null; i++) {
      var primary = String(preferred[i]).toLowerCase().split("-")[0];
      if (primary === "nl" || primary === "en") chosen = primary;
    }
  }
  var lang = chosen === "en" ? "en" : "nl";
  var template = document.getElementById("kk-offline-" + lang);
  document.documentElement.lang = lang;
  document.title = template.dataset.title;
  document.getElementById("kk-offline-root").dataset.unsupported = template.dataset.unsupported;
  document.getElementById("kk-offline-root").replaceChildren(template.content.cloneNode(true));
  document.getElementById("kk-offline-language").addEventListener("click", function (event) {
    try {
      localStorage.setItem(KEY, event.currentTarget.dataset.language);
    } catch (e) {
      return;
    }
    window.location.reload();
  });
})();
