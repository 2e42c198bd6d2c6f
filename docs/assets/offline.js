/* Kenniskring: register the service worker (offline use), and offer a new version when there is one.
 *
 * Only in a secure context (HTTPS or localhost), where browsers allow service workers. On the tool
 * page it waits until the app is ready, so it never competes with Python's start. The message and
 * its button are in the page already, in the page's language (hooks/build_site.py).
 */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  var config = document.getElementById("__config");
  var base = config ? JSON.parse(config.textContent).base : ".";
  var banner = document.getElementById("kk-update");
  var chosen = false;

  function offer(worker) {
    if (!banner || !navigator.serviceWorker.controller) return; // a first install has nothing to replace
    banner.hidden = false;
    banner.querySelector("button").addEventListener("click", function () {
      chosen = true;
      worker.postMessage("kk-update");
    });
  }

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (chosen) window.location.reload(); // the page saves on pagehide, so nothing is lost
  });

  function register() {
    navigator.serviceWorker
      .register(base + "/sw.js", { scope: base + "/" })
      .then(function (registration) {
        if (registration.waiting) offer(registration.waiting);
        registration.addEventListener("updatefound", function () {
          var worker = registration.installing;
          if (!worker) return;
          worker.addEventListener("statechange", function () {
            if (worker.state === "installed") offer(worker);
          });
        });
      })
      .catch(function () {
        /* no offline copy: the site works as before */
      });
  }

  if (document.getElementById("kk-app")) {
    document.addEventListener("kk-ready", register, { once: true });
  } else if (document.readyState === "complete") {
    register();
  } else {
    window.addEventListener("load", register, { once: true });
  }
})();
