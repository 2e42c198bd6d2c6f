"""The browser shell for moments: record the map as it is, the date of the next look, and compare
two moments (or a moment and now).

Part of the shell (see ``shell``): recording and removing are edits the session carries out
(undoable, saved like any edit); the comparison is the core's (``changes.compare``), shown here.
"""

from __future__ import annotations

from html import escape
from typing import Any

from .browser import attr, element, now_stamp
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

    def wire(self) -> None:
        on = self.app.events.on
        on(element("kk-moment-take"), "click", lambda _e: self.take())
        on(element("kk-moment-label"), "keydown", lambda e: self.take() if e.key == "Enter" else None)
        on(element("kk-next-look"), "change", lambda _e: self.set_next_look())
        on(element("kk-moments"), "click", self.on_list_click)
        on(element("kk-compare"), "click", lambda _e: self.show(element("kk-compare-from").value, element("kk-compare-to").value))

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
        from .changes import compare  # on request: not part of the page's start

        app = self.app
        before, after = self.side(before_id), self.side(after_id)
        if before is None or after is None or before_id == after_id:
            app.error(t(app.lang, "moments.compare.same"))
            return
        heading = escape(t(app.lang, "msg.compared", before=before[1], after=after[1]))
        html = changes_html(compare(before[0], after[0]), app.lang, before[1], after[1])
        element("kk-comparison").innerHTML = f'<h3 id="kk-comparison-title" tabindex="-1">{heading}</h3>{html}'
        element("kk-comparison-title").focus()
