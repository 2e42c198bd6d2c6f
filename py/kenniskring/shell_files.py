"""The browser shell for files: download the map (JSON, SVG, PNG), open a file, print the poster.

Part of the shell (see ``shell``): the session makes the downloads (``ExportWanted`` → ``Download``)
and reads an opened file (``FileOpened``); this asks for them and fills the poster for printing.
"""

from __future__ import annotations

from typing import Any

from pyodide.ffi import JsException
from pyscript import window

from .browser import attr, chosen_file, element, now_stamp, today
from .fileformat import FileError
from .i18n import t
from .library import create_map, same_map_here
from .messages import file_error_message
from .paper import Paper
from .persistence import StorageFull, StorageUnavailable
from .session import ExportWanted, FileChoice, FileOpened, MapChosen, MapShown, OpenChoice, PrintWanted
from .shell_host import Host
from .svgfile import read_map_file


class Files:
    def __init__(self, app: Host) -> None:
        self.app = app
        self.printing = False  # the print dialog is opening on a poster just filled

    def wire(self) -> None:
        on = self.app.events.on
        on(element("kk-export"), "click", lambda _e: self.export_json())
        on(element("kk-export-svg"), "click", lambda _e: self.export_svg())
        on(element("kk-export-png"), "click", lambda _e: self.export_png())
        on(element("kk-print-button"), "click", lambda _e: self.print_poster(Paper.A4))
        on(element("kk-print-a3"), "click", lambda _e: self.print_poster(Paper.A3))
        on(window, "beforeprint", lambda _e: self.fill_print())
        for paper in ("a3", "a4", "cancel"):
            on(element(f"kk-paper-{paper}"), "click", lambda _e, p=paper: element("kk-paper").close(p))
        on(element("kk-paper"), "close", lambda _e: self.on_paper_chosen())
        on(element("kk-import-button"), "click", lambda _e: element("kk-import").click())
        on(element("kk-import"), "change", self.on_import)
        on(element("kk-storage-download"), "click", lambda _e: self.export_json())
        for choice in OpenChoice:
            on(element(f"kk-open-{choice.value}"), "click", lambda _e, c=choice.value: element("kk-open-choice").close(c))
        on(element("kk-open-choice"), "close", lambda _e: self.app.dispatch(FileChoice(self.open_choice())))
        menu = element("kk-downloads")
        on(menu, "click", lambda e: self.close_menu() if e.target.closest("button") else None)
        on(menu, "keydown", lambda e: self.close_menu(focus=True) if e.key == "Escape" and menu.open else None)

    def close_menu(self, focus: bool = False) -> None:
        """The downloads menu closes once a choice is made, or on Esc (focus back on its button)."""
        menu = element("kk-downloads")
        menu.open = False
        if focus:
            menu.querySelector("summary").focus()

    def ask_how_to_open(self, title: str) -> None:
        """The opened file's map is already here: a copy next to it, or replace it? (Esc: neither.)"""
        dialog = element("kk-open-choice")
        element("kk-open-text").textContent = t(self.app.lang, "open.choice.text", title=title)
        dialog.returnValue = OpenChoice.CANCEL.value
        dialog.showModal()
        element("kk-open-copy").focus()  # the choice that loses nothing

    def open_choice(self) -> OpenChoice:
        value = str(element("kk-open-choice").returnValue)
        return OpenChoice(value) if value in {c.value for c in OpenChoice} else OpenChoice.CANCEL

    def export_json(self) -> None:
        self.app.dispatch(ExportWanted("json", today(), now_stamp()))

    def export_svg(self) -> None:
        self.app.dispatch(ExportWanted("svg", today(), now_stamp()))

    def export_png(self) -> None:
        self.app.dispatch(ExportWanted("png", today(), now_stamp()))

    def fill_print(self) -> None:
        """The browser's own print (Ctrl+P): the poster on the paper last chosen."""
        if self.printing or element("kk-print").getAttribute("data-print") == "changes":
            return  # just filled (print_poster), or the "then and now" page is being printed (shell_moments)
        self.app.dispatch(PrintWanted(today()))

    def print_poster(self, paper: Paper) -> None:
        self.app.dispatch(PrintWanted(today(), paper))

    def ask_paper(self, text: str) -> None:
        """The map reads better on A3: say why, and let the user choose (Esc: no print)."""
        element("kk-paper-text").textContent = text
        dialog = element("kk-paper")
        dialog.returnValue = ""
        dialog.showModal()
        element("kk-paper-a3").focus()

    def on_paper_chosen(self) -> None:
        value = str(element("kk-paper").returnValue)
        if value in {p.value for p in Paper}:
            self.app.dispatch(PrintWanted(today(), Paper(value), sure=True))

    def fill_poster(self, html: str, show_dialog: bool) -> None:
        element("kk-print").innerHTML = html
        if show_dialog:
            self.printing = True
            try:
                window.print()
            finally:
                self.printing = False

    async def on_import(self, event: Any) -> None:
        app = self.app
        file = chosen_file(event)
        if file is None:
            return
        app.dispatch(FileOpened(file.name, str(await file.text())))

    async def open_example(self) -> None:
        """The site's worked example (same origin, a fixed address) as a new map; nothing of the user's is replaced."""
        window.history.replaceState(None, "", window.location.pathname)  # a reload must not open it twice
        url = attr(element("kk-app"), "data-example")
        if not url:
            return
        try:
            response = await window.fetch(url)
            text = str(await response.text()) if response.ok else None
        except JsException:  # no network and no offline copy of the site: nothing changes
            text = None
        if text is None:
            self.app.error(t(self.app.lang, "msg.example_failed"))
            return
        try:
            example = read_map_file(text)
            here = same_map_here(self.app.index, example)
            if here is not None:  # opened before: go to that map, never a second one of the same
                self.app.dispatch(MapChosen(here))
                self.app.status(t(self.app.lang, "msg.example_here"))
                return
            self.app.flush_save()
            index, map_id = create_map(self.app.storage, now_stamp(), example)
        except FileError as problem:
            self.app.error(file_error_message(problem, url.rsplit("/", 1)[-1], self.app.lang))
            return
        except (StorageFull, StorageUnavailable):
            self.app.error(t(self.app.lang, "msg.storage_full"))
            return
        self.app.dispatch(MapShown(map_id, index, example, show_wish=True))
        self.app.status(t(self.app.lang, "msg.example_opened"))
