"""The browser shell for "Make a team map": members' maps from this browser or from files, the ring
rule, and what to settle first (maps of different changes, names that look alike).

Part of the shell (see ``shell``): the matching and the team map are the core's (``teammap``); this
gathers the maps, asks what the core says must be asked, and opens the team map as a new map.
"""

from __future__ import annotations

from html import escape
from typing import Any

from pyscript import document

from .browser import checked_values, chosen_files, element, now_stamp
from .fileformat import FileError
from .i18n import plural, t
from .library import create_map, readable_maps
from .messages import file_error_message
from .model import NetworkMap
from .persistence import StorageFull, StorageUnavailable
from .report import map_label, team_check_html, team_maps_html
from .session import MapShown
from .shell_host import Host
from .svgfile import read_map_file


class TeamPanel:
    def __init__(self, app: Host) -> None:
        self.app = app
        self.files: list[tuple[str, NetworkMap]] = []  # members' maps opened from files
        self.asked: tuple[object, ...] | None = None  # the question on screen was asked for this choice

    def wire(self) -> None:
        on = self.app.events.on
        on(element("kk-team"), "toggle", lambda _e: self.draw() if element("kk-team").open else None)
        on(element("kk-team-files-button"), "click", lambda _e: element("kk-team-files").click())
        on(element("kk-team-files"), "change", self.on_files)
        on(element("kk-team-make"), "click", lambda _e: self.make())

    def draw(self) -> None:
        """The maps of this browser, keeping what was ticked."""
        chosen = set(checked_values("kk-team-map"))
        readable, _ = readable_maps(self.app.storage)
        element("kk-team-maps").innerHTML = team_maps_html([entry for entry, _m in readable], self.app.lang, chosen)

    async def on_files(self, event: Any) -> None:
        app = self.app
        added: list[str] = []
        for file in chosen_files(event):
            try:
                self.files.append((str(file.name), read_map_file(str(await file.text()))))
            except FileError as problem:
                app.error(file_error_message(problem, file.name, app.lang))
                continue
            added.append(str(file.name))
        element("kk-team-files-list").innerHTML = "".join(f"<li><bdi>{escape(name)}</bdi></li>" for name, _m in self.files)
        if added:
            app.status(t(app.lang, "team.files.added", files=", ".join(added)))

    def members(self) -> list[Any]:
        from .teammap import Member

        readable, _ = readable_maps(self.app.storage)
        chosen = set(checked_values("kk-team-map"))
        labels = [map_label(entry.title, self.app.lang) for entry, _m in readable if entry.id in chosen]
        labels += [name.rsplit(".", 1)[0] for name, _m in self.files]
        maps = [m for entry, m in readable if entry.id in chosen] + [m for _name, m in self.files]
        return [Member(label, m) for label, m in zip(numbered(labels), maps, strict=True)]

    def make(self) -> None:
        from .teammap import RingRule, different_changes, match, team_map

        app = self.app
        self.app.flush_save()
        members = self.members()
        if len(members) < 2:
            app.error(t(app.lang, "team.too_few"))
            return
        rule = RingRule(checked_values("kk-team-rule")[0] if checked_values("kk-team-rule") else "closest")
        try:
            matching = match(members)
        except FileError as problem:
            app.error(file_error_message(problem, t(app.lang, "team.make"), app.lang))
            return
        mixed = different_changes(members)
        asking = (tuple(m.label for m in members), tuple(d.names for d in matching.doubts), mixed)
        box = document.getElementById("kk-team-mixed")
        mixed_ok = mixed and self.asked == asking and box is not None and bool(box.checked)
        if (mixed and not mixed_ok) or (matching.doubts and self.asked != asking):
            changes = list(dict.fromkeys(m.map.change for m in members if m.map.change.strip())) if mixed else []
            element("kk-team-check").innerHTML = team_check_html(changes, [d.names for d in matching.doubts], app.lang)
            self.asked = asking
            element("kk-team-check").querySelector("input").focus()
            return
        ticked = {int(v) for v in checked_values("kk-team-doubt")}
        confirmed = [d for i, d in enumerate(matching.doubts) if i in ticked]
        try:
            team = team_map(members, rule, confirmed)
            index, map_id = create_map(app.storage, now_stamp(), team.map)
        except FileError as problem:
            app.error(file_error_message(problem, t(app.lang, "team.make"), app.lang))
            return
        except (StorageFull, StorageUnavailable):
            app.error(t(app.lang, "msg.storage_full"))
            return
        self.asked = None
        element("kk-team-check").innerHTML = ""
        app.dispatch(MapShown(map_id, index, team.map, made_from=app.map_id or None))  # an undo goes back to it
        people = plural(app.lang, "count.people", len(team.map.contacts))
        made = t(app.lang, "msg.team_made", maps=len(members), people=people, single=len(team.map.named_by_one))
        app.status(f"{made} {t(app.lang, 'msg.team_made.undo')}")


def numbered(labels: list[str]) -> list[str]:
    """Members' names told apart: maps with the same title become "Titel (1)", "Titel (2)"."""
    seen: dict[str, int] = {}
    counts = {label: labels.count(label) for label in labels}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(f"{label} ({seen[label]})" if counts[label] > 1 else label)
    return out
