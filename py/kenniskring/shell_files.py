"""The browser shell for files: download the map (JSON, SVG, PNG), open a file, print the poster.

Part of the shell (see ``shell``): the core makes the text (``fileformat``, ``render``,
``svgfile``, ``report``); this hands it to the browser as a download, a print or an edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pyscript import window

from .browser import chosen_file, download_png, download_text, element, now_stamp, today
from .edits import ReplaceMap
from .fileformat import FileError, dumps, export_filename
from .i18n import plural, t
from .layout import layout
from .messages import file_error_message, kept_fields_message
from .model import View, view_map
from .render import picture_size, render
from .report import print_html
from .svgfile import embed, read_file

if TYPE_CHECKING:
    from .shell import App


class Files:
    def __init__(self, app: App) -> None:
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
        app = self.app
        filename = export_filename(app.map.change, today())
        download_text(filename, dumps(app.map, exported_at=now_stamp()), "application/json")
        app.status(t(app.lang, "msg.exported", file=filename))

    def export_view(self) -> View:
        return self.app.view if self.app.map.has_desired else View.CURRENT

    def export_svg(self) -> None:
        app = self.app
        filename = export_filename(app.map.change, today(), "svg")
        svg = render(app.map, app.lang, self.export_view(), prefix="kkx", standalone=True)
        download_text(filename, embed(svg, app.map, now_stamp()), "image/svg+xml")
        app.status(t(app.lang, "msg.exported", file=filename))

    def export_png(self) -> None:
        app = self.app
        filename = export_filename(app.map.change, today(), "png")
        view = self.export_view()
        geometry = layout(view_map(app.map, view))
        width, height = picture_size(app.map, view, geometry)
        download_png(filename, render(app.map, app.lang, view, geometry, prefix="kkx", standalone=True), width, height)
        app.status(t(app.lang, "msg.exported", file=filename))

    def fill_print(self) -> None:
        app = self.app
        view = View.BOTH if app.map.has_desired else View.CURRENT
        svg = render(app.map, app.lang, view, prefix="kkp")
        element("kk-print").innerHTML = print_html(app.map, app.lang, today(), svg)

    def print_poster(self) -> None:
        self.fill_print()
        window.print()

    async def on_import(self, event: Any) -> None:
        app = self.app
        file = chosen_file(event)
        if file is None:
            return
        try:
            opened = read_file(str(await file.text()))
        except FileError as problem:
            app.error(file_error_message(problem, file.name, app.lang))
            return
        new_map = opened.map
        app.reset_form()
        app.reset_action_form()
        app.commit(ReplaceMap(new_map))
        done = t(app.lang, "msg.imported", file=file.name, people=plural(app.lang, "count.people", len(new_map.contacts)))
        app.status(" ".join(filter(None, (done, kept_fields_message(opened.warnings, app.lang)))))
