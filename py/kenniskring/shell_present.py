"""The browser shell's presentation mode: the map alone on the whole screen, the step's question
beside it in large type, and buttons (and keys, see ``shell_keys``) for the steps, undo and leaving.

Part of the shell (see ``shell``): the Fullscreen API where the browser grants it, a view over the
whole window where it does not; Esc leaves both. What the steps and undo do is the session's.
"""

from __future__ import annotations

from typing import Any

from pyodide.ffi import JsException, create_proxy
from pyscript import document

from . import session
from .browser import element
from .shell_draw import Drawing
from .shell_host import Host

PRESENTING = "kk-presenting"


class Presenter:
    def __init__(self, app: Host, drawing: Drawing) -> None:
        self.app = app
        self.drawing = drawing
        self.on_fullscreen_failed = create_proxy(lambda _e: None)  # made once: a refusal keeps the window view

    @property
    def presenting(self) -> bool:
        return bool(element("kk-app").classList.contains(PRESENTING))

    def wire(self) -> None:
        on = self.app.events.on
        on(element("kk-present"), "click", lambda _e: self.enter())
        on(element("kk-present-prev"), "click", lambda _e: self.app.dispatch(session.StepChosen(self.app.step - 1)))
        on(element("kk-present-next"), "click", lambda _e: self.app.dispatch(session.StepChosen(self.app.step + 1)))
        on(element("kk-present-undo"), "click", lambda _e: self.app.dispatch(session.Undo()))
        on(element("kk-present-leave"), "click", lambda _e: self.leave())
        on(document, "fullscreenchange", self.on_fullscreenchange)
        element("kk-present").disabled = False

    def enter(self) -> None:
        if self.presenting:
            return
        app = element("kk-app")
        app.classList.add(PRESENTING)
        element("kk-present-bar").hidden = False
        self.drawing.draw_map()  # the rings alone, the legend beside them
        if document.fullscreenEnabled and not document.fullscreenElement:
            try:
                app.requestFullscreen().catch(self.on_fullscreen_failed)
            except JsException:
                pass  # no Fullscreen API here: the view over the whole window is what there is
        title = element("kk-step-title")
        title.focus()

    def leave(self) -> None:
        if not self.presenting:
            return
        element("kk-app").classList.remove(PRESENTING)
        element("kk-present-bar").hidden = True
        self.drawing.draw_map()
        if document.fullscreenElement:
            document.exitFullscreen()
        element("kk-present").focus()

    def on_fullscreenchange(self, _event: Any) -> None:
        """Esc (or the browser's own way out) ended full screen: leave the presentation with it."""
        if not document.fullscreenElement and self.presenting:
            self.leave()
