"""The browser shell: reads events, calls the pure core, writes the DOM, localStorage and downloads.

This module, ``shell_maps`` (the list of maps), ``shell_files`` (downloads, opening a file,
printing) and ``browser`` are the only ones that import ``pyscript``/``js`` (tests/core/
test_architecture.py checks it); they hold no rules of their own. Browser tests (tests/browser)
cover them, in real Chromium.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
from dataclasses import dataclass, replace
from typing import Any

from pyodide.ffi import JsException, create_proxy
from pyscript import document, window

from .browser import (
    Events,
    LocalStorage,
    attr,
    checked_value,
    checked_values,
    element,
    js_object,
    now_stamp,
    set_checked,
)
from .edits import (
    AddAction,
    AddContact,
    Edit,
    History,
    MoveContact,
    RemoveAction,
    RemoveContact,
    SetAnswer,
    SetChange,
    SetDesiredRing,
    SetPerspective,
    UpdateAction,
    UpdateContact,
)
from .fileformat import FileError, loads
from .forms import ActionForm, FormProblem, PersonForm, action_from_form, contact_from_form, text_problem
from .i18n import language, plural, t
from .layout import Layout, layout
from .library import (
    MAP_PREFIX,
    Index,
    create_map,
    open_library,
    read_index,
    save_map,
    set_aside_keys,
)
from .merge import merge, merge_maps
from .messages import file_error_message, file_error_reason
from .model import NetworkMap, PersonKind, Perspective, Question, View, new_action_id, new_contact_id, view_map
from .observations import suggest
from .persistence import StorageFull, StorageUnavailable
from .preview import PREVIEW_KEY, Preview, preview_to_text
from .render import render
from .report import (
    actions_html,
    composition_html,
    contact_rows_html,
    figures_html,
    maps_html,
    observations_html,
    people_choices_html,
    suggestions_html,
)
from .shell_files import Files
from .shell_maps import MapsPanel
from .svgfile import read_map_file

SAVE_DELAY_MS = 300
PROJECTOR_KEY = "kenniskring:ui:projector"
DRAG_THRESHOLD_PX = 4
STEPS = 6


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
        self.events = Events()
        self.can_save = True
        try:
            opened = open_library(self.storage, now_stamp())
            self.index, self.map_id, first = opened.index, opened.map_id, opened.map
            problems = [file_error_reason(a.problem, self.lang) for a in opened.set_aside]
        except (StorageFull, StorageUnavailable):
            # Nothing could be written (a full or forbidden storage): work in memory, say so when saving.
            self.index, self.map_id, first, problems = Index(), "", NetworkMap(), []
        self.history = History(present=first)
        self.synced = first  # what storage holds for this map, as far as this tab knows
        self.view = View.CURRENT
        self.step = 2 if first.contacts else 1
        self.editing: str | None = None
        self.editing_action: str | None = None
        self.drag: Drag | None = None
        self.geometry: Layout = layout(first)
        self.current_picture: tuple[NetworkMap, str] | None = None  # the map and its SVG as last drawn "now"
        self.panels_drawn: NetworkMap | None = None  # the map the reflection and action panels show
        self.save_timer: Any = None
        self.save_later = create_proxy(self.flush_save)  # made once: a timer cleared before it fires leaks no proxy
        self.typing: str | None = None  # the text field whose keystrokes are one undo step
        self.files = Files(self)
        self.maps = MapsPanel(self)
        for reason in problems:
            self.error(t(self.lang, "msg.map_set_aside", reason=reason))

    @property
    def map(self) -> NetworkMap:
        return self.history.present

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
        self.files.wire()
        self.maps.wire()
        on(element("kk-change"), "focus", lambda _e: self.begin_typing())
        on(element("kk-change"), "input", self.on_change_typed)
        for radio in document.querySelectorAll('input[name="kk-perspective"]'):
            on(radio, "change", lambda e: self.commit(SetPerspective(Perspective(e.target.value))))
        for radio in document.querySelectorAll('input[name="kk-view"]'):
            on(radio, "change", lambda e: self.set_view(View(e.target.value)))
        for radio in document.querySelectorAll('input[name="kk-kind"]'):
            on(radio, "change", lambda _e: self.show_role_field())
        for button in document.querySelectorAll(".kk-step"):
            on(button, "click", lambda e: self.go_to_step(int(e.currentTarget.dataset.step)))
        on(element("kk-prev"), "click", lambda _e: self.go_to_step(self.step - 1))
        on(element("kk-next"), "click", lambda _e: self.go_to_step(self.step + 1))
        on(element("kk-form"), "submit", self.on_submit)
        on(element("kk-cancel"), "click", lambda _e: self.reset_form(focus=True))
        on(element("kk-delete"), "click", self.on_delete)
        on(element("kk-add-wished"), "click", lambda _e: self.start_wished_contact())
        on(element("kk-undo"), "click", lambda _e: self.undo())
        on(element("kk-redo"), "click", lambda _e: self.redo())
        on(element("kk-list"), "click", self.on_list_click)
        for area in document.querySelectorAll("textarea[data-question]"):
            on(area, "focus", lambda _e: self.begin_typing())
            on(area, "input", self.on_answer_typed)
        on(element("kk-action-form"), "submit", self.on_action_submit)
        on(element("kk-action-cancel"), "click", lambda _e: self.reset_action_form())
        on(element("kk-actions"), "click", self.on_actions_click)
        on(element("kk-actions"), "change", self.on_actions_change)
        on(element("kk-suggestions"), "click", self.on_suggestions_click)
        holder = element("kk-map")
        on(holder, "pointerdown", self.on_pointerdown)
        on(holder, "pointermove", self.on_pointermove)
        on(holder, "pointerup", self.on_pointerup)
        on(holder, "pointercancel", lambda _e: self.cancel_drag())
        on(document, "keydown", self.on_keydown)
        on(window, "pagehide", lambda _e: self.flush_save())
        on(window, "storage", self.on_storage)
        on(
            element("kk-projector"),
            "click",
            lambda _e: self.set_projector(element("kk-projector").getAttribute("aria-pressed") != "true"),
        )
        self.set_projector(self.storage.get(PROJECTOR_KEY) == "on", remember=False)
        on(document, "visibilitychange", lambda _e: self.flush_save() if document.visibilityState == "hidden" else None)
        self.refresh()
        self.show_step()
        for element_id in (
            "kk-form-fields",
            "kk-action-fields",
            "kk-change",
            "kk-add-wished",
            "kk-prev",
            "kk-next",
            "kk-new-map",
            "kk-backup",
            "kk-restore-button",
            "kk-research-download",
        ):
            element(element_id).disabled = False
        for button in document.querySelectorAll(".kk-toolbar button"):
            button.disabled = False
        for radio in document.querySelectorAll('input[name="kk-perspective"]'):
            radio.disabled = False
        self.refresh_undo_buttons()
        element("kk-map").removeAttribute("data-preview")
        element("kk-app").dataset.state = "ready"
        window.performance.mark("kk-ready")
        document.dispatchEvent(window.CustomEvent.new("kk-ready"))  # assets/offline.js waits for it
        self.store_preview()
        query = window.URLSearchParams.new(window.location.search)
        if query.has("voorbeeld") or query.has("example"):
            asyncio.ensure_future(self.open_example())

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
            self.error(t(self.lang, "msg.example_failed"))
            return
        try:
            example = read_map_file(text)
            self.flush_save()
            self.index, map_id = create_map(self.storage, now_stamp(), example)
        except FileError as problem:
            self.error(file_error_message(problem, url.rsplit("/", 1)[-1], self.lang))
            return
        except (StorageFull, StorageUnavailable):
            self.error(t(self.lang, "msg.storage_full"))
            return
        self.switch_to(map_id, example)
        if self.map.has_desired:
            self.set_view(View.BOTH)
        self.status(t(self.lang, "msg.example_opened"))

    def set_projector(self, on: bool, remember: bool = True) -> None:
        """Large text and the map across the whole width, for a team around one screen."""
        element("kk-app").classList.toggle("kk-projector", on)
        element("kk-projector").setAttribute("aria-pressed", "true" if on else "false")
        if remember:
            with contextlib.suppress(StorageFull, StorageUnavailable):
                self.storage.set(PROJECTOR_KEY, "on" if on else "off")

    # -- steps -----------------------------------------------------------------------------------
    def go_to_step(self, step: int) -> None:
        self.step = max(1, min(STEPS, step))
        self.show_step()
        title = element("kk-step-title")
        title.scrollIntoView(js_object({"block": "start"}))
        title.focus()

    def show_step(self) -> None:
        element("kk-app").dataset.step = str(self.step)
        for button in document.querySelectorAll(".kk-step"):
            if int(button.dataset.step) == self.step:
                button.setAttribute("aria-current", "step")
                element("kk-step-title").textContent = t(self.lang, "steps.current", n=self.step, title=button.dataset.title)
                element("kk-step-text").textContent = button.dataset.text
            else:
                button.removeAttribute("aria-current")
        self.draw_panels()
        for panel in document.querySelectorAll(".kk-panel"):
            panel.hidden = str(self.step) not in str(panel.dataset.steps).split()
        element("kk-prev").hidden = self.step == 1
        element("kk-next").hidden = self.step == STEPS
        if self.step >= 5 and self.view is View.CURRENT and self.map.has_desired:
            self.set_view(View.BOTH)

    def set_view(self, view: View) -> None:
        self.view = view
        set_checked("kk-view", {view.value})
        self.draw_map()

    # -- drawing ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        performance = window.performance
        performance.clearMarks("kk-redraw-start")  # one of each at a time: no growing timeline
        performance.clearMeasures("kk-redraw")
        performance.mark("kk-redraw-start")
        self.redraw()
        performance.measure("kk-redraw", "kk-redraw-start")  # read by `make bench`

    def redraw(self) -> None:
        m = self.map
        self.draw_map()
        self.render_table(m)
        self.refresh_undo_buttons()
        question = element("kk-question")
        question.textContent = question.dataset.team if m.perspective is Perspective.TEAM else question.dataset.personal
        self.sync_field(element("kk-change"), m.change)
        set_checked("kk-perspective", {m.perspective.value})
        for area in document.querySelectorAll("textarea[data-question]"):
            answer = m.answer(Question(area.dataset.question))
            self.sync_field(area, answer.current if area.dataset.side == "current" else answer.desired)
        self.draw_panels()
        self.draw_maplist()

    def draw_panels(self) -> None:
        """The reflection (step 5) and action (step 6) panels, drawn when they are on screen: an edit
        in step 2 shows on the map without waiting for figures that nobody sees yet."""
        m = self.map
        if self.step < 5 or self.panels_drawn is m:
            return
        element("kk-observations").innerHTML = observations_html(m, self.lang)
        element("kk-figures").innerHTML = figures_html(m, self.lang) + composition_html(m, self.lang)
        element("kk-suggestions").innerHTML = suggestions_html(m, self.lang)
        element("kk-actions").innerHTML = actions_html(m, self.lang)
        chosen = checked_values("kk-action-person")
        element("kk-action-people").innerHTML = people_choices_html(m, self.lang, chosen)
        self.panels_drawn = m

    def draw_maplist(self) -> None:
        element("kk-maplist").innerHTML = maps_html(self.index, self.map_id, self.lang, set_aside_keys(self.storage))
        summary = element("kk-maps-summary")
        summary.textContent = str(summary.dataset.template).replace("{count}", str(len(self.index.entries)))

    def draw_map(self) -> None:
        self.geometry = layout(view_map(self.map, self.view))
        svg = render(self.map, self.lang, self.view, self.geometry)
        element("kk-map").innerHTML = svg
        if self.view is View.CURRENT and self.drag is None:
            self.current_picture = (self.map, svg)

    def store_preview(self) -> None:
        """Keep the saved map's picture for the next visit's first second (see ``preview``)."""
        entry = self.index.entry(self.map_id)
        if entry is None:
            return
        m = self.synced
        if self.current_picture is not None and self.current_picture[0] is m:
            svg = self.current_picture[1]
        else:
            svg = render(m, self.lang, View.CURRENT, layout(view_map(m, View.CURRENT)))
        text = preview_to_text(Preview(self.map_id, entry.updated, self.lang, svg))
        if self.storage.get(PREVIEW_KEY) == text:
            return
        try:
            self.storage.set(PREVIEW_KEY, text)
        except (StorageFull, StorageUnavailable):
            self.storage.remove(PREVIEW_KEY)  # a missing picture is fine; a stale one is not

    def refresh_undo_buttons(self) -> None:
        element("kk-undo").disabled = not self.history.can_undo
        element("kk-redo").disabled = not self.history.can_redo

    def sync_field(self, field: Any, value: str) -> None:
        """Show the map's value in a text field, unless the user is typing in it."""
        if document.activeElement != field and field.value != value:
            field.value = value

    def render_table(self, m: NetworkMap) -> None:
        element("kk-list").innerHTML = contact_rows_html(m, self.lang)  # one change to the page, not one per cell
        count = plural(self.lang, "count.people", len(m.contacts)) if m.contacts else t(self.lang, "list.empty")
        element("kk-count").textContent = count

    # -- editing ---------------------------------------------------------------------------------
    def commit(self, edit: Edit, amend: bool = False) -> None:
        self.history = self.history.amend(edit) if amend else self.history.do(edit)
        self.refresh()
        self.schedule_save()

    def undo(self) -> None:
        if self.history.can_undo:
            self.history = self.history.undo()
            self.after_time_travel("msg.undone")

    def redo(self) -> None:
        if self.history.can_redo:
            self.history = self.history.redo()
            self.after_time_travel("msg.redone")

    def after_time_travel(self, message: str) -> None:
        self.reset_form()
        self.reset_action_form()
        self.typing = None
        self.refresh()
        self.schedule_save()
        self.status(t(self.lang, message))

    def begin_typing(self) -> None:
        """Focusing a text field starts a new undo step for what will be typed there."""
        self.typing = None

    def typed(self, field: str, edit: Edit) -> None:
        """All keystrokes while one field keeps focus are one undo step."""
        self.commit(edit, amend=self.typing == field)
        self.typing = field

    def on_change_typed(self, _event: Any) -> None:
        value = element("kk-change").value
        problem = text_problem("change", value)
        if problem is not None:
            self.error(t(self.lang, problem.key, **problem.params))
            return
        self.typed("change", SetChange(value))

    def on_answer_typed(self, event: Any) -> None:
        area = event.target
        problem = text_problem("answer", area.value)
        element("kk-answer-error").textContent = t(self.lang, problem.key, **problem.params) if problem else ""
        if problem is None:
            field = f"{area.dataset.question}:{area.dataset.side}"
            self.typed(field, SetAnswer(Question(area.dataset.question), area.dataset.side == "desired", area.value))

    def show_problems(self, problems: list[FormProblem], fields: tuple[str, ...]) -> bool:
        for field in fields:
            element(f"kk-{field}-error").textContent = ""
        for problem in problems:
            element(f"kk-{problem.field}-error").textContent = t(self.lang, problem.key, **problem.params)
        return bool(problems)

    def read_form(self) -> PersonForm:
        return PersonForm(
            name=element("kk-name").value,
            ring=checked_value("kk-ring"),
            kind=checked_value("kk-kind"),
            role=element("kk-role").value,
            knowledge=checked_values("kk-knowledge"),
            note=element("kk-note").value,
            desired=element("kk-desired").value,
            wished=bool(element("kk-wished").checked),
        )

    def on_submit(self, event: Any) -> None:
        event.preventDefault()
        result = contact_from_form(self.read_form(), self.editing or new_contact_id(), self.map)
        for field in ("name", "note"):
            element(f"kk-{field}").removeAttribute("aria-invalid")
        if isinstance(result, list):
            self.show_problems(result, ("name", "note"))
            for problem in result:
                element(f"kk-{problem.field}").setAttribute("aria-invalid", "true")
            element(f"kk-{result[0].field}").focus()
            return
        self.show_problems([], ("name", "note"))
        if self.editing is None:
            self.commit(AddContact(result))
            self.status(t(self.lang, "msg.added", name=result.name))
        else:
            self.commit(UpdateContact(result))
            self.status(t(self.lang, "msg.saved", name=result.name))
        if result.wished and self.view is View.CURRENT:
            self.set_view(View.BOTH)  # show what was just added
        self.reset_form(focus=True)

    def on_delete(self, _event: Any) -> None:
        contact = self.map.contact(self.editing or "")
        if contact is None:
            return
        self.commit(RemoveContact(contact.id))
        self.reset_form(focus=True)
        self.status(t(self.lang, "msg.deleted", name=contact.name))

    def reset_form(self, focus: bool = False) -> None:
        self.editing = None
        form = element("kk-form")
        form.reset()
        element("kk-form-title").textContent = form.dataset.add
        element("kk-submit").textContent = form.dataset.submitAdd
        element("kk-cancel").hidden = True
        element("kk-delete").hidden = True
        self.show_problems([], ("name", "note"))
        for field in ("name", "note"):
            element(f"kk-{field}").removeAttribute("aria-invalid")
        self.show_role_field()
        if focus:
            element("kk-name").focus()

    def start_wished_contact(self) -> None:
        self.reset_form()
        element("kk-wished").checked = True
        element("kk-form").scrollIntoView(js_object({"block": "nearest"}))
        element("kk-name").focus()

    def open_editor(self, contact_id: str) -> None:
        c = self.map.contact(contact_id)
        if c is None:
            return
        if self.step not in (2, 3, 4, 5):
            self.step = 5 if self.step == 6 else 3
            self.show_step()
        self.reset_form()
        self.editing = c.id
        form = element("kk-form")
        element("kk-form-title").textContent = form.dataset.edit
        element("kk-submit").textContent = form.dataset.submitSave
        element("kk-cancel").hidden = False
        element("kk-delete").hidden = False
        element("kk-name").value = c.name
        element("kk-note").value = c.note
        element("kk-role").value = c.role.value if c.role else ""
        element("kk-desired").value = c.desired_ring.value if c.desired_ring else ""
        element("kk-wished").checked = c.wished
        set_checked("kk-ring", {c.ring.value})
        set_checked("kk-kind", {c.kind.value})
        set_checked("kk-knowledge", {k.value for k in c.knowledge})
        self.show_role_field()
        form.scrollIntoView(js_object({"block": "nearest"}))
        element("kk-name").focus()

    def show_role_field(self) -> None:
        element("kk-role-field").hidden = checked_value("kk-kind") != PersonKind.OUTSIDE.value

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

    # -- actions ---------------------------------------------------------------------------------
    def on_action_submit(self, event: Any) -> None:
        event.preventDefault()
        existing = self.map.action(self.editing_action or "")
        form = ActionForm(
            text=element("kk-action-text").value,
            contact_ids=checked_values("kk-action-person"),
            owner=element("kk-action-owner").value,
            due=element("kk-action-due").value,
            done=existing.done if existing else False,
        )
        result = action_from_form(form, self.editing_action or new_action_id(), self.map)
        if isinstance(result, list):
            self.show_problems(result, ("action_text", "owner", "due"))
            element("kk-action-text").focus()
            return
        self.show_problems([], ("action_text", "owner", "due"))
        self.commit(UpdateAction(result) if existing else AddAction(result))
        self.status(t(self.lang, "msg.action_saved" if existing else "msg.action_added"))
        self.reset_action_form()

    def reset_action_form(self) -> None:
        self.editing_action = None
        element("kk-action-form").reset()
        set_checked("kk-action-person", set())
        element("kk-action-submit").textContent = element("kk-action-form").dataset.add
        element("kk-action-cancel").hidden = True
        self.show_problems([], ("action_text", "owner", "due"))

    def fill_action_form(self, text: str, contact_ids: tuple[str, ...], owner: str = "", due: str = "") -> None:
        element("kk-action-text").value = text
        set_checked("kk-action-person", set(contact_ids))
        element("kk-action-owner").value = owner
        element("kk-action-due").value = due
        element("kk-action-text").focus()

    def on_suggestions_click(self, event: Any) -> None:
        button = event.target.closest("button[data-adopt]")
        if not button:
            return
        suggestion = suggest(self.map, self.lang)[int(button.dataset.adopt)]
        self.reset_action_form()
        self.fill_action_form(suggestion.text, suggestion.contact_ids)
        self.status(t(self.lang, "msg.suggestion_adopted"))

    def on_actions_click(self, event: Any) -> None:
        edit = event.target.closest("button[data-edit-action]")
        remove = event.target.closest("button[data-remove-action]")
        if edit:
            action = self.map.action(str(edit.dataset.editAction))
            if action is not None:
                self.reset_action_form()
                self.editing_action = action.id
                element("kk-action-submit").textContent = element("kk-action-form").dataset.save
                element("kk-action-cancel").hidden = False
                self.fill_action_form(action.text, action.contact_ids, action.owner, action.due)
        elif remove:
            self.commit(RemoveAction(str(remove.dataset.removeAction)))
            self.status(t(self.lang, "msg.action_removed"))

    def on_actions_change(self, event: Any) -> None:
        box = event.target
        action = self.map.action(attr(box, "data-done") or "")
        if action is not None:
            self.commit(UpdateAction(replace(action, done=bool(box.checked))))
            document.querySelector(f'input[data-done="{action.id}"]').focus()

    # -- dragging on the map ---------------------------------------------------------------------
    def svg_point(self, event: Any) -> tuple[float, float]:
        svg = element("kk-map").querySelector("svg")
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
        element("kk-map").setPointerCapture(event.pointerId)
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
        contact = self.map.contact(d.contact_id)
        spot = self.geometry.spot(d.contact_id)
        if contact is None or spot is None or spot.ring is ring:
            self.draw_map()  # back to its spot
            return
        # In the desired view a drag changes the wish; elsewhere it changes how things are now.
        if self.view is View.DESIRED and not contact.wished:
            self.commit(SetDesiredRing(contact.id, ring))
        else:
            self.commit(MoveContact(contact.id, ring))
        self.status(t(self.lang, "msg.moved", name=contact.name, ring=t(self.lang, f"ring.{ring.value}")))

    def cancel_drag(self) -> None:
        if self.drag is not None:
            self.drag = None
            self.draw_map()

    # -- saving ----------------------------------------------------------------------------------
    def schedule_save(self) -> None:
        if self.save_timer is not None:
            window.clearTimeout(self.save_timer)
        self.save_timer = window.setTimeout(self.save_later, SAVE_DELAY_MS)

    def flush_save(self) -> None:
        if self.save_timer is not None:
            window.clearTimeout(self.save_timer)
            self.save_timer = None
        if not self.can_save or self.map == self.synced:
            return
        try:
            if not self.map_id:
                self.index, self.map_id = create_map(self.storage, now_stamp(), self.map)
            else:
                self.index = save_map(self.storage, self.map_id, self.map, now_stamp())
            self.synced = self.map
            element("kk-storage-banner").hidden = True
            self.draw_maplist()
            self.store_preview()
        except (StorageFull, StorageUnavailable) as problem:
            # Keep working in memory; the banner offers the download, so nothing is lost.
            key = "msg.storage_full" if isinstance(problem, StorageFull) else "msg.storage_unavailable"
            element("kk-storage-text").textContent = t(self.lang, key)
            element("kk-storage-banner").hidden = False

    # -- other tabs ------------------------------------------------------------------------------
    def on_storage(self, event: Any) -> None:
        """Another tab wrote to storage. Merge its edits of this map into ours; never drop either."""
        key = str(event.key or "")
        if key == MAP_PREFIX + self.map_id:
            if not isinstance(event.newValue, str):
                self.can_save = False
                self.error(t(self.lang, "msg.deleted_elsewhere"))
                return
            try:
                theirs = loads(event.newValue)
            except FileError:
                return  # their write is damaged: keep ours, which saves over nothing of theirs that was readable
            base = self.synced
            merged = merge_maps(base, self.map, theirs)
            self.history = self.history.rebase(lambda state: merge(base, state, theirs))
            if merged.left_out:
                self.error(
                    t(
                        self.lang,
                        "msg.merge_left_out",
                        people=merged.people_left_out,
                        actions=merged.actions_left_out,
                        links=merged.links_left_out,
                    )
                )
            self.synced = theirs
            self.refresh()
            if self.map != theirs:
                self.schedule_save()  # our own edits, now on top of theirs
            self.status(t(self.lang, "msg.other_tab"))
        self.index = read_index(self.storage)
        self.draw_maplist()

    # -- several maps ----------------------------------------------------------------------------
    def switch_to(self, map_id: str, m: NetworkMap) -> None:
        self.map_id = map_id
        self.history = History(present=m)
        self.synced = m
        self.can_save = True
        self.reset_form()
        self.reset_action_form()
        self.typing = None
        self.view = View.CURRENT
        set_checked("kk-view", {View.CURRENT.value})
        self.step = 2 if m.contacts else 1
        self.refresh()
        self.show_step()
        self.store_preview()


def start() -> App:
    app = App()
    app.start()
    return app
