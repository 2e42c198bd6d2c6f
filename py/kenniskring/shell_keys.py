"""The browser shell's keys for the whole page: Ctrl+Z and Ctrl+Shift+Z for the map whenever the
focused field has nothing of its own to undo, and P / Esc / arrows for presenting.

Part of the shell (see ``shell``): it reads what the browser says about the key and the focused
element, and ``keys`` says what that means.
"""

from __future__ import annotations

from typing import Any

from pyscript import document

from . import session
from .browser import element
from .keys import field_has_own_undo, kept_from_site, page_key
from .shell_host import Host
from .shell_present import Presenter

FOCUS_VALUE = "data-kk-value-at-focus"  # a text field's value as it got focus (see keys.field_has_own_undo)


class PageKeys:
    def __init__(self, app: Host, presenter: Presenter) -> None:
        self.app = app
        self.presenter = presenter

    def wire(self) -> None:
        on = self.app.events.on
        on(document, "keydown", self.on_keydown)
        on(document, "focusin", self.on_focusin)

    def on_focusin(self, event: Any) -> None:
        """Remember a text field's value as it got focus: what it has of its own to undo is what was typed since."""
        target = event.target
        if str(target.tagName or "").lower() in ("input", "textarea"):
            target.setAttribute(FOCUS_VALUE, str(target.value))

    def on_keydown(self, event: Any) -> None:
        target = event.target
        tag = str(target.tagName or "").lower()
        in_field = tag in ("input", "textarea", "select")
        ctrl, alt = bool(event.ctrlKey or event.metaKey), bool(event.altKey)
        meaning = page_key(str(event.key), ctrl, alt, in_field, self.presenter.presenting)
        if kept_from_site(str(event.key), ctrl, alt, bool(element("kk-app").contains(target)), meaning is not None):
            event.stopPropagation()  # the site's shortcuts listen on the window, after this
        if meaning is not None:
            event.preventDefault()
            if meaning == "present":
                self.presenter.enter()
            elif meaning == "leave":
                self.presenter.leave()
            else:
                self.app.dispatch(session.StepChosen(self.app.step + (1 if meaning == "next" else -1)))
            return
        if not ctrl or alt:
            return
        field = tag in ("input", "textarea")
        seen = str(target.getAttribute(FOCUS_VALUE)) if field and target.hasAttribute(FOCUS_VALUE) else None
        if field and field_has_own_undo(tag, str(target.type or ""), str(target.value or ""), seen):
            return  # the field's own undo
        key = str(event.key).lower()
        if key == "z" and not event.shiftKey:
            event.preventDefault()
            self.app.dispatch(session.Undo())
        elif (key == "z" and event.shiftKey) or key == "y":
            event.preventDefault()
            self.app.dispatch(session.Redo())
