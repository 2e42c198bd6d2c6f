"""The browser shell: reads events, calls the pure core, writes the DOM, localStorage and downloads.

This is the only module that imports ``pyscript``/``js``; it holds no rules of its own. Browser
tests (tests/browser) cover it, in real Chromium.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pyodide.ffi import JsException, create_once_callable, create_proxy, to_js
from pyscript import document, window

from .edits import AddContact, Edit, History, MoveContact, RemoveContact, ReplaceMap, SetChange, SetPerspective, UpdateContact
from .fileformat import FileError, dumps, export_filename, loads
from .forms import PersonForm, contact_from_form, text_problem
from .i18n import language, t
from .layout import Layout, layout
from .messages import file_error_message, file_error_reason
from .model import NetworkMap, PersonKind, Perspective, new_contact_id
from .persistence import StorageFull, StorageUnavailable, load, save
from .render import contact_facts, render

SAVE_DELAY_MS = 300
DRAG_THRESHOLD_PX = 4


class LocalStorage:
    """``persistence.Storage`` on window.localStorage."""

    def __init__(self) -> None:
        try:
            self.ls = window.localStorage
        except JsException:
            self.ls = None

    def get(self, key: str) -> str | None:
        if self.ls is None:
            return None
        value = self.ls.getItem(key)
        return value if isinstance(value, str) else None  # a missing key is JsNull, not None

    def set(self, key: str, value: str) -> None:
        if self.ls is None:
            raise StorageUnavailable(key)
        try:
            self.ls.setItem(key, value)
        except JsException as e:
            if "quota" in str(e).lower():
                raise StorageFull(key) from None
            raise StorageUnavailable(key) from None

    def remove(self, key: str) -> None:
        if self.ls is not None:
            self.ls.removeItem(key)


@dataclass
class Drag:
    contact_id: str
    node: Any
    start_x: float
    start_y: float
    grab_dx: float
    grab_dy: float
    moved: bool = False


class App:
    def __init__(self) -> None:
        self.lang = language(document.documentElement.lang)
        self.storage = LocalStorage()
        loaded = load(self.storage, datetime.datetime.now().strftime("%Y%m%dT%H%M%S"))
        self.history = History(present=loaded.map)
        self.can_save = loaded.can_save
        self.editing: str | None = None
        self.drag: Drag | None = None
        self.geometry: Layout = layout(self.history.present)
        self.save_timer: Any = None
        self.typing_change = False
        self._proxies: list[Any] = []
        self._saved_text = ""
        if loaded.problem is not None:
            self.error(
                t(
                    self.lang,
                    "msg.saved_data_unreadable",
                    reason=file_error_reason(loaded.problem, self.lang),
                    key=loaded.set_aside_key,
                )
            )

    # -- helpers ---------------------------------------------------------------------------------
    def el(self, element_id: str) -> Any:
        return document.getElementById(element_id)

    def on(self, target: Any, event: str, handler: Callable[[Any], Any]) -> None:
        proxy = create_proxy(handler)
        self._proxies.append(proxy)
        target.addEventListener(event, proxy)

    def status(self, text: str) -> None:
        self.el("kk-error").textContent = ""
        self.el("kk-status").textContent = text

    def error(self, text: str) -> None:
        self.el("kk-status").textContent = ""
        self.el("kk-error").textContent = text

    # -- start -----------------------------------------------------------------------------------
    def start(self) -> None:
        self.on(self.el("kk-change"), "focus", lambda _e: setattr(self, "typing_change", False))
        self.on(self.el("kk-change"), "input", self.on_change_typed)
        for radio in document.querySelectorAll('input[name="kk-perspective"]'):
            self.on(radio, "change", lambda e: self.commit(SetPerspective(Perspective(e.target.value))))
        for radio in document.querySelectorAll('input[name="kk-kind"]'):
            self.on(radio, "change", lambda _e: self.show_role_field())
        self.on(self.el("kk-form"), "submit", self.on_submit)
        self.on(self.el("kk-cancel"), "click", lambda _e: self.reset_form(focus=True))
        self.on(self.el("kk-delete"), "click", self.on_delete)
        self.on(self.el("kk-undo"), "click", lambda _e: self.undo())
        self.on(self.el("kk-redo"), "click", lambda _e: self.redo())
        self.on(self.el("kk-export"), "click", lambda _e: self.export_json())
        self.on(self.el("kk-import-button"), "click", lambda _e: self.el("kk-import").click())
        self.on(self.el("kk-import"), "change", self.on_import)
        self.on(self.el("kk-list"), "click", self.on_list_click)
        holder = self.el("kk-map")
        self.on(holder, "pointerdown", self.on_pointerdown)
        self.on(holder, "pointermove", self.on_pointermove)
        self.on(holder, "pointerup", self.on_pointerup)
        self.on(holder, "pointercancel", lambda _e: self.cancel_drag())
        self.on(document, "keydown", self.on_keydown)
        self.on(window, "pagehide", lambda _e: self.flush_save())
        self.on(document, "visibilitychange", lambda _e: self.flush_save() if document.visibilityState == "hidden" else None)
        self.refresh()
        self._saved_text = dumps(self.history.present)
        for element_id in ("kk-form-fields", "kk-change", "kk-export", "kk-import-button"):
            self.el(element_id).disabled = False
        for radio in document.querySelectorAll('input[name="kk-perspective"]'):
            radio.disabled = False
        self.el("kk-app").dataset.state = "ready"

    # -- drawing ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        m = self.history.present
        self.geometry = layout(m)
        self.el("kk-map").innerHTML = render(m, self.lang, self.geometry)
        self.render_table(m)
        self.el("kk-undo").disabled = not self.history.can_undo
        self.el("kk-redo").disabled = not self.history.can_redo
        question = self.el("kk-question")
        question.textContent = question.dataset.team if m.perspective is Perspective.TEAM else question.dataset.personal
        change_input = self.el("kk-change")
        if document.activeElement != change_input and change_input.value != m.change:
            change_input.value = m.change
        for radio in document.querySelectorAll('input[name="kk-perspective"]'):
            radio.checked = radio.value == m.perspective.value

    def render_table(self, m: NetworkMap) -> None:
        body = self.el("kk-list")
        body.replaceChildren()
        for c in m.contacts:
            row = document.createElement("tr")
            name = document.createElement("th")
            name.scope = "row"
            name.textContent = c.name
            row.appendChild(name)
            for text in contact_facts(c, self.lang):
                cell = document.createElement("td")
                cell.textContent = text
                row.appendChild(cell)
            cell = document.createElement("td")
            button = document.createElement("button")
            button.type = "button"
            button.className = "md-button kk-small"
            button.dataset.id = c.id
            button.textContent = t(self.lang, "list.edit")
            button.setAttribute("aria-label", t(self.lang, "list.edit.label", name=c.name))
            cell.appendChild(button)
            row.appendChild(cell)
            body.appendChild(row)
        self.el("kk-count").textContent = (
            t(self.lang, "list.count", count=len(m.contacts)) if m.contacts else t(self.lang, "list.empty")
        )

    # -- editing ---------------------------------------------------------------------------------
    def commit(self, edit: Edit, amend: bool = False) -> None:
        self.history = self.history.amend(edit) if amend else self.history.do(edit)
        self.after_change()

    def after_change(self) -> None:
        self.refresh()
        self.schedule_save()

    def undo(self) -> None:
        if self.history.can_undo:
            self.history = self.history.undo()
            self.reset_form()
            self.after_change()
            self.status(t(self.lang, "msg.undone"))

    def redo(self) -> None:
        if self.history.can_redo:
            self.history = self.history.redo()
            self.reset_form()
            self.after_change()
            self.status(t(self.lang, "msg.redone"))

    def on_change_typed(self, _event: Any) -> None:
        value = self.el("kk-change").value
        problem = text_problem("change", value)
        if problem is not None:
            self.error(t(self.lang, problem.key, **problem.params))
            return
        # All keystrokes while the field has focus are one undo step.
        self.commit(SetChange(value), amend=self.typing_change)
        self.typing_change = True

    def read_form(self) -> PersonForm:
        def checked(name: str) -> str:
            return str(document.querySelector(f'input[name="{name}"]:checked').value)

        return PersonForm(
            name=self.el("kk-name").value,
            ring=checked("kk-ring"),
            kind=checked("kk-kind"),
            role=self.el("kk-role").value,
            knowledge=tuple(str(box.value) for box in document.querySelectorAll('input[name="kk-knowledge"]:checked')),
            note=self.el("kk-note").value,
        )

    def on_submit(self, event: Any) -> None:
        event.preventDefault()
        m = self.history.present
        result = contact_from_form(self.read_form(), self.editing or new_contact_id(), m)
        for field_name in ("name", "note"):
            self.el(f"kk-{field_name}-error").textContent = ""
            self.el(f"kk-{field_name}").removeAttribute("aria-invalid")
        if isinstance(result, list):
            for problem in result:
                self.el(f"kk-{problem.field}-error").textContent = t(self.lang, problem.key, **problem.params)
                self.el(f"kk-{problem.field}").setAttribute("aria-invalid", "true")
            self.el(f"kk-{result[0].field}").focus()
            return
        if self.editing is None:
            self.commit(AddContact(result))
            self.status(t(self.lang, "msg.added", name=result.name))
        else:
            self.commit(UpdateContact(result))
            self.status(t(self.lang, "msg.saved", name=result.name))
        self.reset_form(focus=True)

    def on_delete(self, _event: Any) -> None:
        contact = self.history.present.contact(self.editing or "")
        if contact is None:
            return
        self.commit(RemoveContact(contact.id))
        self.reset_form(focus=True)
        self.status(t(self.lang, "msg.deleted", name=contact.name))

    def reset_form(self, focus: bool = False) -> None:
        self.editing = None
        form = self.el("kk-form")
        form.reset()
        self.el("kk-form-title").textContent = form.dataset.add
        self.el("kk-submit").textContent = form.dataset.submitAdd
        self.el("kk-cancel").hidden = True
        self.el("kk-delete").hidden = True
        for field_name in ("name", "note"):
            self.el(f"kk-{field_name}-error").textContent = ""
            self.el(f"kk-{field_name}").removeAttribute("aria-invalid")
        self.show_role_field()
        if focus:
            self.el("kk-name").focus()

    def open_editor(self, contact_id: str) -> None:
        c = self.history.present.contact(contact_id)
        if c is None:
            return
        self.reset_form()
        self.editing = c.id
        form = self.el("kk-form")
        self.el("kk-form-title").textContent = form.dataset.edit
        self.el("kk-submit").textContent = form.dataset.submitSave
        self.el("kk-cancel").hidden = False
        self.el("kk-delete").hidden = False
        self.el("kk-name").value = c.name
        self.el("kk-note").value = c.note
        self.el("kk-role").value = c.role.value if c.role else ""
        for radio in document.querySelectorAll('input[name="kk-ring"]'):
            radio.checked = radio.value == c.ring.value
        for radio in document.querySelectorAll('input[name="kk-kind"]'):
            radio.checked = radio.value == c.kind.value
        chosen = {k.value for k in c.knowledge}
        for box in document.querySelectorAll('input[name="kk-knowledge"]'):
            box.checked = box.value in chosen
        self.show_role_field()
        form.scrollIntoView(to_js({"block": "nearest"}, dict_converter=window.Object.fromEntries))
        self.el("kk-name").focus()

    def show_role_field(self) -> None:
        kind = document.querySelector('input[name="kk-kind"]:checked')
        self.el("kk-role-field").hidden = kind is None or kind.value != PersonKind.OUTSIDE.value

    def on_list_click(self, event: Any) -> None:
        button = event.target.closest("button[data-id]")
        if button:
            self.open_editor(str(button.dataset.id))

    def on_keydown(self, event: Any) -> None:
        if not (event.ctrlKey or event.metaKey) or event.altKey:
            return
        tag = str(event.target.tagName or "").lower()
        if tag in ("input", "textarea", "select"):
            return  # the field's own undo
        key = str(event.key).lower()
        if key == "z" and not event.shiftKey:
            event.preventDefault()
            self.undo()
        elif (key == "z" and event.shiftKey) or key == "y":
            event.preventDefault()
            self.redo()

    # -- dragging on the map ---------------------------------------------------------------------
    def svg_point(self, event: Any) -> tuple[float, float]:
        svg = self.el("kk-map").querySelector("svg")
        point = svg.createSVGPoint()
        point.x, point.y = event.clientX, event.clientY
        p = point.matrixTransform(svg.getScreenCTM().inverse())
        return float(p.x), float(p.y)

    def on_pointerdown(self, event: Any) -> None:
        node = event.target.closest(".kk-node")
        if not node or event.button != 0:
            return
        spot = self.geometry.spot(str(node.dataset.id))
        if spot is None:
            return
        event.preventDefault()
        x, y = self.svg_point(event)
        self.drag = Drag(str(node.dataset.id), node, float(event.clientX), float(event.clientY), spot.x - x, spot.y - y)
        self.el("kk-map").setPointerCapture(event.pointerId)
        node.classList.add("kk-dragging")

    def on_pointermove(self, event: Any) -> None:
        d = self.drag
        if d is None:
            return
        if not d.moved and math.hypot(event.clientX - d.start_x, event.clientY - d.start_y) < DRAG_THRESHOLD_PX:
            return
        d.moved = True
        x, y = self.svg_point(event)
        d.node.setAttribute("transform", f"translate({x + d.grab_dx:.1f},{y + d.grab_dy:.1f})")

    def on_pointerup(self, event: Any) -> None:
        d = self.drag
        if d is None:
            return
        self.drag = None
        if not d.moved:
            self.open_editor(d.contact_id)
            return
        x, y = self.svg_point(event)
        ring = self.geometry.ring_at(math.hypot(x + d.grab_dx, y + d.grab_dy))
        contact = self.history.present.contact(d.contact_id)
        if contact is None or contact.ring is ring:
            self.refresh()  # back to its spot
            return
        self.commit(MoveContact(contact.id, ring))
        self.status(t(self.lang, "msg.moved", name=contact.name, ring=t(self.lang, f"ring.{ring.value}")))

    def cancel_drag(self) -> None:
        if self.drag is not None:
            self.drag = None
            self.refresh()

    # -- saving ----------------------------------------------------------------------------------
    def schedule_save(self) -> None:
        if self.save_timer is not None:
            window.clearTimeout(self.save_timer)
        self.save_timer = window.setTimeout(create_once_callable(self.flush_save), SAVE_DELAY_MS)

    def flush_save(self) -> None:
        if self.save_timer is not None:
            window.clearTimeout(self.save_timer)
            self.save_timer = None
        if not self.can_save:
            return
        text = dumps(self.history.present)
        if text == self._saved_text:
            return
        try:
            save(self.storage, self.history.present)
            self._saved_text = text
        except StorageFull:
            self.error(t(self.lang, "msg.storage_full"))
        except StorageUnavailable:
            self.error(t(self.lang, "msg.storage_unavailable"))

    # -- files -----------------------------------------------------------------------------------
    def download(self, filename: str, text: str, mime: str) -> None:
        blob = window.Blob.new(to_js([text]), to_js({"type": mime}, dict_converter=window.Object.fromEntries))
        url = window.URL.createObjectURL(blob)
        link = document.createElement("a")
        link.href = url
        link.download = filename
        document.body.appendChild(link)
        link.click()
        link.remove()
        window.setTimeout(create_once_callable(lambda: window.URL.revokeObjectURL(url)), 10_000)

    def export_json(self) -> None:
        m = self.history.present
        now = datetime.datetime.now(datetime.UTC)
        filename = export_filename(m.change, now.date().isoformat())
        self.download(filename, dumps(m, exported_at=now.isoformat(timespec="seconds")), "application/json")
        self.status(t(self.lang, "msg.exported", file=filename))

    async def on_import(self, event: Any) -> None:
        files = event.target.files
        if not files or files.length == 0:
            return
        file = files.item(0)
        event.target.value = ""  # the same file can be chosen again
        try:
            text = await file.text()
            new_map = loads(str(text))
        except FileError as problem:
            self.error(file_error_message(problem, file.name, self.lang))
            return
        self.reset_form()
        self.commit(ReplaceMap(new_map))
        self.status(t(self.lang, "msg.imported", file=file.name, count=len(new_map.contacts)))


def start() -> App:
    app = App()
    app.start()
    return app
