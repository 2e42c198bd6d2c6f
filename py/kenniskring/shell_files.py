"""The browser shell for files: download the map (JSON, SVG, PNG), open a file, print the poster.

Part of the shell (see ``shell``): the session makes the downloads (``ExportWanted`` → ``Download``)
and reads an opened file (``FileOpened``); this asks for them and fills the poster for printing.
"""

from __future__ import annotations

from typing import Any

from pyscript import window

from .browser import chosen_file, element, now_stamp, today
from .render import render
from .report import print_html
from .session import ExportWanted, FileOpened, print_view
from .shell_host import Host


class Files:
    def __init__(self, app: Host) -> None:
        self.app = app

    def wire(self) -> None:
        on = self.app.events.on
        on(element("kk-export"), "click", lambda _e: self.export_json())
        on(element("kk-export-svg"), "click", lambda _e: self.export_svg())
        on(element("kk-export-png"), "click", lambda _e: self.export_png())
        on(element("kk-print-button"), "click", lambda _e: self.print_poster())
        on(window, "beforeprint", lambda _e: self.fill_print())
        on(element("kk-import-button"), "click", lambda _e: element("kk-import").click())
        on(element("kk-import"), "change", self.on_import)
        on(element("kk-storage-download"), "click", lambda _e: self.export_json())

    def export_json(self) -> None:
        self.app.dispatch(ExportWanted("json", today(), now_stamp()))

    def export_svg(self) -> None:
        self.app.dispatch(ExportWanted("svg", today(), now_stamp()))

    def export_png(self) -> None:
        self.app.dispatch(ExportWanted("png", today(), now_stamp()))

    def fill_print(self) -> None:
        app = self.app
        svg = render(app.map, app.lang, print_view(app.session), prefix="kkp")
        element("kk-print").innerHTML = print_html(app.map, app.lang, today(), svg)

    def print_poster(self) -> None:
        self.fill_print()
        window.print()

    async def on_import(self, event: Any) -> None:
        app = self.app
        file = chosen_file(event)
        if file is None:
            return
        app.dispatch(FileOpened(file.name, str(await file.text())))
