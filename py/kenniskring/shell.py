"""The browser shell: DOM events in as session events, the session's effects out to the page.

``App.dispatch`` is the loop: an event goes to ``session.run`` (the rules, with storage as the
seam), and the effects that come back are carried out here (``carry_out``). The parts of the page
are modules of their own, each wiring its controls: ``shell_draw`` (what is drawn),
``shell_forms`` (the person and action forms), ``shell_drag`` (dragging on the map),
``shell_files`` (downloads, opening a file, printing) and ``shell_maps`` (the list of maps). They
and ``browser`` are the only modules that import ``pyscript``/``js`` (tests/core/
test_architecture.py checks it, and that no module imports another in a circle); they hold no rules
of their own. Browser tests (tests/browser) cover them, in real Chromium.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from pyodide.ffi import create_proxy
from pyscript import document, window

from . import session
from .browser import Events, LocalStorage, download_png, download_text, element, js_object, now_stamp
from .edits import Edit, History
from .i18n import language, t
from .library import Index, open_library, read_index
from .messages import file_error_reason
from .model import NetworkMap, View
from .persistence import Storage, StorageFull, StorageUnavailable
from .shell_drag import MapDrag
from .shell_draw import Drawing
from .shell_files import Files
from .shell_forms import Forms
from .shell_keys import PageKeys
from .shell_maps import MapsPanel
from .shell_moments import Moments
from .shell_passes import Passes
from .shell_present import Presenter
from .shell_team import TeamPanel

SAVE_DELAY_MS = 300
PROJECTOR_KEY = "kenniskring:ui:projector"
STEP_KEY = "kenniskring:ui:step"  # the map and step on screen, so a reload comes back to it


# The controls that stay disabled until Python has started (a click before would do nothing).
ENABLED_WHEN_READY = (
    "kk-form-fields kk-action-fields kk-change kk-add-wished kk-prev kk-next kk-new-map kk-backup kk-restore-button"
    " kk-research-download kk-moment-label kk-moment-take kk-next-look kk-compare-fields kk-team-files-button"
    " kk-team-make"
).split()


class App:
    def __init__(self) -> None:
        self.lang = language(document.documentElement.lang)
        self.storage: Storage = LocalStorage()
        self.events = Events()
        try:
            opened = open_library(self.storage, now_stamp())
            remembered = self.storage.get(STEP_KEY)
            self.session = session.start(
                self.lang, opened.map_id, opened.index, opened.map, newer=bool(opened.newer), remembered=remembered
            )
            problems = [file_error_reason(a.problem, self.lang) for a in opened.set_aside]
        except (StorageFull, StorageUnavailable):
            # Nothing could be written (a full or forbidden storage): work in memory, say so when saving.
            self.session, problems = session.start(self.lang, "", Index(), NetworkMap()), []
        self.save_timer: Any = None
        self.save_later = create_proxy(self.flush_save)  # made once: a cleared timer leaves nothing behind
        # The parts of the page, each wiring its own controls.
        self.drawing = Drawing(self)
        self.forms = Forms(self)
        self.mapdrag = MapDrag(self, self.drawing)
        self.files = Files(self)
        self.maps = MapsPanel(self)
        self.moments = Moments(self)
        self.team = TeamPanel(self)
        self.presenter = Presenter(self, self.drawing)
        self.keys = PageKeys(self, self.presenter)
        self.passes = Passes(self)
        for reason in problems:
            self.error(t(self.lang, "msg.map_set_aside", reason=reason))

    # What the session holds, read by the parts of the shell.
    @property
    def map(self) -> NetworkMap:
        return self.session.map

    @property
    def history(self) -> History:
        return self.session.history

    @property
    def map_id(self) -> str:
        return self.session.map_id

    @property
    def view(self) -> View:
        return self.session.view

    @property
    def step(self) -> int:
        return self.session.step

    @property
    def index(self) -> Index:
        return self.session.index

    # -- the loop: an event in, the effects out ----------------------------------------------

    def dispatch(self, event: session.Event) -> None:
        if isinstance(event, session.SaveDue) and self.save_timer is not None:
            window.clearTimeout(self.save_timer)
            self.save_timer = None
        self.session, effects = session.run(self.session, event, self.storage, now_stamp)
        for effect in effects:
            self.carry_out(effect)

    def carry_out(self, effect: session.Effect) -> None:  # noqa: PLR0912 - one branch per effect
        if isinstance(effect, session.Redraw):
            self.drawing.refresh()
        elif isinstance(effect, session.DrawMap):
            self.drawing.draw_map()
        elif isinstance(effect, session.ShowStep):
            self.drawing.show_step()
            with contextlib.suppress(StorageFull, StorageUnavailable):
                self.storage.set(STEP_KEY, session.step_memory(self.session))
            if effect.focus:
                title = element("kk-step-title")
                title.scrollIntoView(js_object({"block": "start"}))
                title.focus()
        elif isinstance(effect, session.OpenForm):
            self.forms.fill_person_form(effect.contact_id)
        elif isinstance(effect, session.ResetForms):
            self.forms.reset_form()
            self.forms.reset_action_form()
        elif isinstance(effect, session.Announce):
            (self.error if effect.error else self.status)(effect.text)
        elif isinstance(effect, session.ScheduleSave):
            self.schedule_save()
        elif isinstance(effect, session.StorageBanner):
            if effect.key is not None:
                element("kk-storage-text").textContent = t(self.lang, effect.key)
            element("kk-storage-banner").hidden = effect.key is None
        elif isinstance(effect, session.AskHowToOpen):
            self.files.ask_how_to_open(effect.title)
        elif isinstance(effect, session.NewerBanner):
            element("kk-newer-banner").hidden = False
        elif isinstance(effect, session.ListMaps):
            self.drawing.draw_maplist()
        elif isinstance(effect, session.StorePreview):
            self.drawing.store_preview()
        elif isinstance(effect, session.Download):
            download_text(effect.filename, effect.text, effect.mime)
        elif isinstance(effect, session.DownloadPicture):
            download_png(effect.filename, effect.svg, effect.width, effect.height)
        elif isinstance(effect, session.AskPaper):
            self.files.ask_paper(effect.text)
        elif isinstance(effect, session.FillPoster):
            self.files.fill_poster(effect.html, effect.show_dialog)

    # -- messages --------------------------------------------------------------------------------

    def status(self, text: str) -> None:
        element("kk-error").textContent = ""
        element("kk-status").textContent = text

    def error(self, text: str) -> None:
        element("kk-status").textContent = ""
        element("kk-error").textContent = text

    # -- start -----------------------------------------------------------------------------------

    def start(self) -> None:
        on = self.events.on
        for part in (
            self.files,
            self.maps,
            self.forms,
            self.mapdrag,
            self.moments,
            self.team,
            self.presenter,
            self.keys,
            self.passes,
        ):
            part.wire()
        if window.navigator.storage and window.navigator.storage.persist:
            window.navigator.storage.persist()  # ask the browser to keep the maps (see the privacy page)
        for radio in document.querySelectorAll('input[name="kk-view"]'):
            on(radio, "change", lambda e: self.set_view(View(e.target.value)))
        for button in document.querySelectorAll(".kk-step"):
            on(button, "click", lambda e: self.go_to_step(int(e.currentTarget.dataset.step)))
        on(element("kk-prev"), "click", lambda _e: self.go_to_step(self.step - 1))
        on(element("kk-next"), "click", lambda _e: self.go_to_step(self.step + 1))
        on(element("kk-undo"), "click", lambda _e: self.dispatch(session.Undo()))
        on(element("kk-redo"), "click", lambda _e: self.dispatch(session.Redo()))
        on(element("kk-newer-reload"), "click", lambda _e: window.location.reload())
        on(window, "pagehide", lambda _e: self.flush_save())
        on(window, "storage", self.on_storage)
        on(
            element("kk-projector"),
            "click",
            lambda _e: self.set_projector(element("kk-projector").getAttribute("aria-pressed") != "true"),
        )
        self.set_projector(self.storage.get(PROJECTOR_KEY) == "on", remember=False)
        on(document, "visibilitychange", lambda _e: self.flush_save() if document.visibilityState == "hidden" else None)
        self.drawing.refresh()
        self.drawing.show_step()
        if self.session.newer:
            self.carry_out(session.NewerBanner())
        for element_id in ENABLED_WHEN_READY:
            element(element_id).disabled = False
        for button in document.querySelectorAll(".kk-toolbar button"):
            button.disabled = False
        for radio in document.querySelectorAll('input[name="kk-perspective"]'):
            radio.disabled = False
        self.drawing.refresh_undo_buttons()
        element("kk-map").removeAttribute("data-preview")
        element("kk-app").dataset.state = "ready"
        window.performance.mark("kk-ready")
        document.dispatchEvent(window.CustomEvent.new("kk-ready"))  # assets/offline.js waits for it
        self.drawing.store_preview()
        query = window.URLSearchParams.new(window.location.search)
        if query.has("voorbeeld") or query.has("example"):
            asyncio.ensure_future(self.files.open_example())

    def set_projector(self, on: bool, remember: bool = True) -> None:
        """Large text and the map across the whole width, for a team around one screen."""
        element("kk-app").classList.toggle("kk-projector", on)
        element("kk-projector").setAttribute("aria-pressed", "true" if on else "false")
        if remember:
            with contextlib.suppress(StorageFull, StorageUnavailable):
                self.storage.set(PROJECTOR_KEY, "on" if on else "off")

    def go_to_step(self, step: int) -> None:
        self.dispatch(session.StepChosen(step))

    def set_view(self, view: View) -> None:
        self.dispatch(session.ViewChosen(view))

    def commit(self, edit: Edit) -> None:
        self.dispatch(session.Edited(edit))

    def typed(self, field: str, edit: Edit) -> None:
        """All keystrokes while one field keeps focus are one undo step."""
        self.dispatch(session.Edited(edit, field))

    # -- saving ----------------------------------------------------------------------------------
    def schedule_save(self) -> None:
        if self.save_timer is not None:
            window.clearTimeout(self.save_timer)
        self.save_timer = window.setTimeout(self.save_later, SAVE_DELAY_MS)

    def flush_save(self) -> None:
        self.dispatch(session.SaveDue())

    # -- other tabs ------------------------------------------------------------------------------
    def on_storage(self, event: Any) -> None:
        """Another tab wrote to storage: the session decides what that means for the open map."""
        value = event.newValue if isinstance(event.newValue, str) else None
        self.dispatch(session.StorageChanged(str(event.key or ""), value, read_index(self.storage)))

    def draw_maplist(self) -> None:
        self.drawing.draw_maplist()


def start() -> App:
    app = App()
    app.start()
    return app
