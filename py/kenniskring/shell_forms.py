"""The browser shell's forms: a person (add, edit, delete), the change and the reflection's answers
as they are typed, and the actions (add, edit, tick off, adopt a suggestion).

Part of the shell (see ``shell``): it reads the form, lets ``forms`` check it, and hands the edit
to the session (``Host.commit`` / ``Host.typed``).
"""

from __future__ import annotations

from typing import Any

from pyscript import document

from . import session
from .browser import attr, checked_value, checked_values, element, js_object, set_checked
from .edits import (
    AddAction,
    AddContact,
    RemoveAction,
    RemoveContact,
    SetAnswer,
    SetChange,
    SetPerspective,
    UpdateAction,
    UpdateContact,
)
from .forms import ActionForm, FormProblem, PersonForm, action_from_form, contact_from_form, text_problem
from .i18n import N_, t
from .model import PersonKind, Perspective, Question, new_action_id
from .observations import suggest
from .shell_host import Host
from .values import replace

PERSON_FIELDS = ("name", "ring", "note")  # the fields of the person form that can have a problem


class Forms:
    def __init__(self, app: Host) -> None:
        self.app = app
        self.editing_action: str | None = None  # the action the action form edits (None: a new one)

    def wire(self) -> None:
        on = self.app.events.on
        on(element("kk-change"), "focus", lambda _e: self.app.dispatch(session.FieldFocused()))
        on(element("kk-change"), "input", self.on_change_typed)
        for radio in document.querySelectorAll('input[name="kk-perspective"]'):
            on(radio, "change", lambda e: self.app.commit(SetPerspective(Perspective(e.target.value))))
        for radio in document.querySelectorAll('input[name="kk-kind"]'):
            on(radio, "change", lambda _e: self.show_role_field())
        on(element("kk-form"), "submit", self.on_submit)
        on(element("kk-cancel"), "click", lambda _e: self.close_form(focus=True))
        on(element("kk-delete"), "click", self.on_delete)
        on(element("kk-add-wished"), "click", lambda _e: self.start_wished_contact())
        on(element("kk-list"), "click", self.on_list_click)
        for area in document.querySelectorAll("textarea[data-question]"):
            on(area, "focus", lambda _e: self.app.dispatch(session.FieldFocused()))
            on(area, "input", self.on_answer_typed)
        on(element("kk-action-form"), "submit", self.on_action_submit)
        on(element("kk-action-cancel"), "click", lambda _e: self.reset_action_form())
        on(element("kk-actions"), "click", self.on_actions_click)
        on(element("kk-actions"), "change", self.on_actions_change)
        on(element("kk-suggestions"), "click", self.on_suggestions_click)

    def on_change_typed(self, _event: Any) -> None:
        value = element("kk-change").value
        problem = text_problem("change", value)
        if problem is not None:
            self.app.error(t(self.app.lang, problem.key, **problem.params))
            return
        self.app.typed("change", SetChange(value))

    def on_answer_typed(self, event: Any) -> None:
        area = event.target
        problem = text_problem("answer", area.value)
        element("kk-answer-error").textContent = t(self.app.lang, problem.key, **problem.params) if problem else ""
        if problem is None:
            field = f"{area.dataset.question}:{area.dataset.side}"
            self.app.typed(field, SetAnswer(Question(area.dataset.question), area.dataset.side == "desired", area.value))

    def show_problems(self, problems: list[FormProblem], fields: tuple[str, ...]) -> bool:
        for field in fields:
            element(f"kk-{field}-error").textContent = ""
        for problem in problems:
            element(f"kk-{problem.field}-error").textContent = t(self.app.lang, problem.key, **problem.params)
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
        editing = self.app.session.editing
        result = contact_from_form(self.read_form(), editing, self.app.map)
        for field in ("name", "note"):
            element(f"kk-{field}").removeAttribute("aria-invalid")
        if isinstance(result, list):
            self.show_problems(result, PERSON_FIELDS)
            for problem in result:
                if problem.field != "ring":  # a group of radio buttons says it in its error line
                    element(f"kk-{problem.field}").setAttribute("aria-invalid", "true")
            first = result[0].field
            (document.querySelector('input[name="kk-ring"]') if first == "ring" else element(f"kk-{first}")).focus()
            return
        self.show_problems([], PERSON_FIELDS)
        if editing is None:
            self.app.commit(AddContact(result))
            self.app.status(t(self.app.lang, "msg.added", name=result.name))
        else:
            self.app.commit(UpdateContact(result))
            self.app.status(t(self.app.lang, "msg.saved", name=result.name))
        self.close_form(focus=True)

    def on_delete(self, _event: Any) -> None:
        contact = self.app.map.contact(self.app.session.editing or "")
        if contact is None:
            return
        self.app.commit(RemoveContact(contact.id))
        self.close_form(focus=True)
        self.app.status(t(self.app.lang, "msg.deleted", name=contact.name))

    def close_form(self, focus: bool = False) -> None:
        self.app.dispatch(session.FormClosed())
        self.reset_form(focus)

    def reset_form(self, focus: bool = False) -> None:
        """The person form empty again (the session already says nobody is being edited)."""
        form = element("kk-form")
        form.reset()
        element("kk-form-title").textContent = form.dataset.add
        element("kk-submit").textContent = form.dataset.submitAdd
        element("kk-cancel").hidden = True
        element("kk-delete").hidden = True
        self.show_problems([], PERSON_FIELDS)
        for field in ("name", "note"):
            element(f"kk-{field}").removeAttribute("aria-invalid")
        self.show_role_field()
        if focus:
            element("kk-name").focus()

    def start_wished_contact(self) -> None:
        self.close_form()
        element("kk-wished").checked = True
        element("kk-form").scrollIntoView(js_object({"block": "nearest"}))
        element("kk-name").focus()

    def open_editor(self, contact_id: str) -> None:
        self.app.dispatch(session.PersonChosen(contact_id))

    def fill_person_form(self, contact_id: str) -> None:
        c = self.app.map.contact(contact_id)
        if c is None:
            return
        self.reset_form()
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
        set_checked("kk-kind", {c.kind.value} if c.kind else set())
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

    def on_action_submit(self, event: Any) -> None:
        event.preventDefault()
        existing = self.app.map.action(self.editing_action or "")
        form = ActionForm(
            text=element("kk-action-text").value,
            contact_ids=checked_values("kk-action-person"),
            owner=element("kk-action-owner").value,
            due=element("kk-action-due").value,
            done=existing.done if existing else False,
        )
        result = action_from_form(form, self.editing_action or new_action_id(), self.app.map)
        if isinstance(result, list):
            self.show_problems(result, ("action_text", "owner", "due"))
            element("kk-action-text").focus()
            return
        self.show_problems([], ("action_text", "owner", "due"))
        self.app.commit(UpdateAction(result) if existing else AddAction(result))
        self.app.status(t(self.app.lang, N_("msg.action_saved") if existing else N_("msg.action_added")))
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
        suggestion = suggest(self.app.map, self.app.lang)[int(button.dataset.adopt)]
        self.reset_action_form()
        self.fill_action_form(suggestion.text, suggestion.contact_ids)
        self.app.status(t(self.app.lang, "msg.suggestion_adopted"))

    def on_actions_click(self, event: Any) -> None:
        edit = event.target.closest("button[data-edit-action]")
        remove = event.target.closest("button[data-remove-action]")
        if edit:
            action = self.app.map.action(str(edit.dataset.editAction))
            if action is not None:
                self.reset_action_form()
                self.editing_action = action.id
                element("kk-action-submit").textContent = element("kk-action-form").dataset.save
                element("kk-action-cancel").hidden = False
                self.fill_action_form(action.text, action.contact_ids, action.owner, action.due)
        elif remove:
            self.app.commit(RemoveAction(str(remove.dataset.removeAction)))
            self.app.status(t(self.app.lang, "msg.action_removed"))

    def on_actions_change(self, event: Any) -> None:
        box = event.target
        action = self.app.map.action(attr(box, "data-done") or "")
        if action is not None:
            self.app.commit(UpdateAction(replace(action, done=bool(box.checked))))
            document.querySelector(f'input[data-done="{action.id}"]').focus()
