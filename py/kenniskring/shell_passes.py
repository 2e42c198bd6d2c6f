"""The browser shell's passes over the people: step 3's list of who each person is, step 4's grid
of the knowledge each brings.

Part of the shell (see ``shell``): a choice becomes an edit of that person (``forms.with_kind_choice``,
``forms.with_knowledge`` say which), undoable like any other; ``shell_draw`` draws the passes.
"""

from __future__ import annotations

from typing import Any

from .browser import element
from .edits import UpdateContact
from .forms import with_kind_choice, with_knowledge
from .i18n import t
from .labels import kind_label
from .shell_host import Host


class Passes:
    def __init__(self, app: Host) -> None:
        self.app = app

    def wire(self) -> None:
        on = self.app.events.on
        on(element("kk-pass-kinds"), "change", self.on_kind_chosen)
        on(element("kk-pass-knowledge"), "change", self.on_knowledge_ticked)

    def on_kind_chosen(self, event: Any) -> None:
        target = event.target
        c = self.app.map.contact(str(target.dataset.id or ""))
        new = with_kind_choice(c, str(target.value)) if c is not None else None
        if new is None or new == c:
            return
        self.app.commit(UpdateContact(new))
        self.app.status(t(self.app.lang, "msg.pass.kind", name=new.name, kind=t(self.app.lang, kind_label(new.kind))))

    def on_knowledge_ticked(self, event: Any) -> None:
        target = event.target
        c = self.app.map.contact(str(target.dataset.id or ""))
        new = with_knowledge(c, str(target.value), bool(target.checked)) if c is not None else None
        if new is None or new == c:
            return
        self.app.commit(UpdateContact(new))
        self.app.status(t(self.app.lang, "msg.saved", name=new.name))
