"""The browser shell for moments: record the map as it is, the date of the next look, and compare
two moments (or a moment and now).

Part of the shell (see ``shell``): recording and removing are edits the session carries out
(undoable, saved like any edit); the comparison is the core's (``changes.compare``), shown here.
"""

from __future__ import annotations

from html import escape
from typing import Any

from pyscript import window

from .browser import attr, download_text, element, now_stamp, today
from .edits import RemoveMoment, SetNextLook, TakeMoment
from .fileformat import FileError
from .i18n import long_date, t
from .messages import file_error_reason
from .model import NetworkMap, new_moment_id
from .report import NOW, changes_html, moment_title
from .shell_host import Host


class Moments:
    def __init__(self, app: Host) -> None:
        self.app = app
        self.compared: tuple[str, str] | None = None  # the two sides on screen, for its picture and page

    def wire(self) -> None:
        on = self.app.events.on
        on(element("kk-moment-take"), "click", lambda _e: self.take())
        on(element("kk-moment-label"), "keydown", lambda e: self.take() if e.key == "Enter" else None)
        on(element("kk-next-look"), "change", lambda _e: self.set_next_look())
        on(element("kk-moments"), "click", self.on_list_click)
        on(element("kk-compare"), "click", lambda _e: self.show(element("kk-compare-from").value, element("kk-compare-to").value))
        on(element("kk-comparison"), "click", self.on_comparison_click)
        on(window, "afterprint", lambda _e: element("kk-print").removeAttribute("data-print"))

    def take(self) -> None:
        app = self.app
        label_field = element("kk-moment-label")
        edit = TakeMoment(new_moment_id(), now_stamp(), str(label_field.value))
        try:
            app.commit(edit)
        except FileError as problem:
            app.error(file_error_reason(problem, app.lang))
            return
        label_field.value = ""
        taken = app.map.moments[-1]
        app.status(t(app.lang, "msg.moment_taken", title=moment_title(taken, app.lang)))

    def set_next_look(self) -> None:
        app = self.app
        value = str(element("kk-next-look").value)
        error = element("kk-next-look-error")
        try:
            app.commit(SetNextLook(value))
        except FileError as problem:
            error.textContent = file_error_reason(problem, app.lang)
            return
        error.textContent = ""
        if value:
            app.status(t(app.lang, "msg.next_look", date=long_date(value, app.lang)))

    def on_list_click(self, event: Any) -> None:
        target = event.target.closest("button")
        if target is None:
            return
        compared, removed = attr(target, "data-compare-moment"), attr(target, "data-remove-moment")
        if compared:
            element("kk-compare-from").value = compared
            element("kk-compare-to").value = NOW
            self.show(compared, NOW)
        elif removed:
            moment = self.app.map.moment(removed)
            if moment is not None:
                self.app.commit(RemoveMoment(removed))
                self.app.status(t(self.app.lang, "msg.moment_removed", title=moment_title(moment, self.app.lang)))

    def side(self, value: str) -> tuple[NetworkMap, str] | None:
        """The map of one side of a comparison, and its name."""
        if value == NOW:
            return self.app.map, t(self.app.lang, "moments.now")
        moment = self.app.map.moment(value)
        return None if moment is None else (moment.map, moment_title(moment, self.app.lang))

    def show(self, before_id: str, after_id: str) -> None:
        from .changepicture import change_picture  # on request: not part of the page's start
        from .changes import compare

        app = self.app
        before, after = self.side(before_id), self.side(after_id)
        if before is None or after is None or before_id == after_id:
            app.error(t(app.lang, "moments.compare.same"))
            return
        self.compared = (before_id, after_id)
        lang = app.lang
        heading = escape(t(lang, "msg.compared", before=before[1], after=after[1]))
        picture = change_picture(before[0], after[0], lang, before[1], after[1])
        buttons = (
            '<div class="kk-buttons">'
            f'<button type="button" class="md-button" data-picture="download">{escape(t(lang, "picture.download"))}</button> '
            f'<button type="button" class="md-button" data-picture="print">{escape(t(lang, "thennow.print"))}</button></div>'
        )
        html = changes_html(compare(before[0], after[0]), lang, before[1], after[1])
        element("kk-comparison").innerHTML = (
            f'<h3 id="kk-comparison-title" tabindex="-1">{heading}</h3>'
            f'<h4>{escape(t(lang, "picture.heading"))}</h4><div class="kk-change-figure">{picture}</div>{buttons}{html}'
        )
        element("kk-comparison-title").focus()

    def on_comparison_click(self, event: Any) -> None:
        target = event.target.closest("button")
        wanted = attr(target, "data-picture") if target is not None else None
        sides = (self.side(self.compared[0]), self.side(self.compared[1])) if self.compared else (None, None)
        before, after = sides
        if not wanted or before is None or after is None:
            return
        from .changepicture import change_picture

        lang = self.app.lang
        if wanted == "download":
            filename = f"{t(lang, 'picture.filename')}-{today()}.svg"
            svg = change_picture(before[0], after[0], lang, before[1], after[1], prefix="kkcx", standalone=True)
            download_text(filename, svg, "image/svg+xml")
            self.app.status(t(lang, "msg.exported", file=filename))
            return
        from .changes import compare
        from .thenandnow import then_and_now_html

        picture = change_picture(before[0], after[0], lang, before[1], after[1], prefix="kkcp")
        page = then_and_now_html(after[0], compare(before[0], after[0]), lang, before[1], after[1], today(), picture)
        sheet = element("kk-print")
        sheet.innerHTML = page
        sheet.setAttribute("data-print", "changes")  # the poster does not fill the page over it (beforeprint)
        window.print()
