"""What the parts of the browser shell need from the app (``shell.App``), as a protocol: the parts
import this, never ``shell`` itself, so no module of the shell imports another in a circle."""

from __future__ import annotations

from typing import Any, Protocol

from .edits import Edit, History
from .library import Index
from .model import NetworkMap, View
from .persistence import Storage
from .session import Event, Session


class Host(Protocol):
    lang: str
    storage: Storage
    events: Any
    session: Session

    @property
    def map(self) -> NetworkMap: ...

    @property
    def history(self) -> History: ...

    @property
    def map_id(self) -> str: ...

    @property
    def view(self) -> View: ...

    @property
    def step(self) -> int: ...

    @property
    def index(self) -> Index: ...

    def dispatch(self, event: Event) -> None: ...

    def commit(self, edit: Edit) -> None: ...

    def typed(self, field: str, edit: Edit) -> None: ...

    def status(self, text: str) -> None: ...

    def error(self, text: str) -> None: ...

    def flush_save(self) -> None: ...

    def draw_maplist(self) -> None: ...
