"""The browser shell for "My maps in this browser": open, copy, delete (with undo), back-up, restore.

Part of the shell (see ``shell``): it reads events and the DOM, asks ``library`` what to store, and
hands what storage now holds to the session (``MapShown``, ``IndexRead``). No rules of its own.
"""

from __future__ import annotations

from typing import Any

from .browser import attr, checked_value, chosen_file, download_bytes, download_text, element, now_stamp, today
from .fileformat import FileError, export_filename
from .i18n import N_, plural, t
from .library import backup_text, create_map, delete_map, load_map, readable_maps, restore_backup, undelete_map
from .messages import file_error_message, file_error_reason
from .persistence import StorageFull, StorageUnavailable
from .report import map_label
from .session import IndexRead, MapChosen, MapDeleted, MapShown, NewMapWanted, copy_title
from .shell_host import Host
from .values import replace


class MapsPanel:
    def __init__(self, app: Host) -> None:
        self.app = app
        self.deleted: tuple[str, str] | None = None  # (map id, title) that can still be put back

    def wire(self) -> None:
        on = self.app.events.on
        on(element("kk-new-map"), "click", lambda _e: self.new_map())
        on(element("kk-maplist"), "click", self.on_maplist_click)
        on(element("kk-confirm-yes"), "click", lambda _e: element("kk-confirm").close("yes"))
        on(element("kk-confirm-no"), "click", lambda _e: element("kk-confirm").close("no"))
        on(element("kk-confirm"), "close", self.on_confirm_closed)
        on(element("kk-undelete"), "click", lambda _e: self.undelete())
        on(element("kk-backup"), "click", lambda _e: self.download_backup())
        on(element("kk-restore-button"), "click", lambda _e: element("kk-restore").click())
        on(element("kk-restore"), "change", self.on_restore)
        on(element("kk-research-download"), "click", lambda _e: self.download_research())
        on(element("kk-maps"), "toggle", lambda _e: self.app.draw_maplist() if element("kk-maps").open else None)

    def title_of(self, map_id: str) -> str:
        entry = self.app.index.entry(map_id)
        return map_label(entry.title if entry else "", self.app.lang)

    def new_map(self) -> None:
        self.app.dispatch(NewMapWanted())

    def on_maplist_click(self, event: Any) -> None:
        app = self.app
        target = event.target.closest("button")
        if not target:
            return
        open_id, duplicate_id = attr(target, "data-open-map"), attr(target, "data-duplicate-map")
        delete_id, raw_key = attr(target, "data-delete-map"), attr(target, "data-raw")
        if open_id:
            app.dispatch(MapChosen(open_id))
        elif duplicate_id:
            app.flush_save()
            source = duplicate_id
            _, m, _ = (None, app.map, None) if source == app.map_id else load_map(app.storage, source, now_stamp())
            if m is None:
                app.draw_maplist()
                return
            copy = replace(m, change=copy_title(m.change, app.lang))
            try:
                index, map_id = create_map(app.storage, now_stamp(), copy)
            except (StorageFull, StorageUnavailable):
                app.error(t(app.lang, "msg.storage_full"))
                return
            app.dispatch(MapShown(map_id, index, copy))
            app.status(t(app.lang, "msg.map_duplicated", title=copy.change))
        elif delete_id:
            dialog = element("kk-confirm")
            dialog.setAttribute("data-map-id", delete_id)
            text = element("kk-confirm-text")
            text.textContent = str(text.dataset.template).replace("{title}", self.title_of(delete_id))
            dialog.showModal()
        elif raw_key:
            key = raw_key
            download_text(key.replace(":", "-") + ".txt", app.storage.get(key) or "", "text/plain")

    def on_confirm_closed(self, _event: Any) -> None:
        app = self.app
        dialog = element("kk-confirm")
        map_id = attr(dialog, "data-map-id") or ""
        if dialog.returnValue != "yes" or not map_id:
            return
        title = self.title_of(map_id)
        app.flush_save()
        index = delete_map(app.storage, map_id)
        self.deleted = (map_id, title)
        element("kk-undelete-text").textContent = t(app.lang, "msg.map_deleted", title=title)
        element("kk-undelete-row").hidden = False
        app.dispatch(MapDeleted(map_id, index))  # the session says what opens instead
        app.draw_maplist()
        element("kk-undelete").focus()

    def undelete(self) -> None:
        app = self.app
        if self.deleted is None:
            return
        map_id, title = self.deleted
        app.dispatch(IndexRead(undelete_map(app.storage, map_id, now_stamp())))
        self.deleted = None
        element("kk-undelete-row").hidden = True
        app.status(t(app.lang, "msg.map_undeleted", title=title))

    def download_backup(self) -> None:
        app = self.app
        app.flush_save()
        filename = export_filename("kenniskring-back-up", today())
        download_text(filename, backup_text(app.storage, now_stamp()), "application/json")
        app.status(plural(app.lang, "msg.backup_saved", len(app.index.entries), file=filename))

    async def on_restore(self, event: Any) -> None:
        app = self.app
        file = chosen_file(event)
        if file is None:
            return
        app.flush_save()
        try:
            restored = restore_backup(app.storage, str(await file.text()), now_stamp())
        except FileError as problem:
            app.error(file_error_message(problem, file.name, app.lang))
            return
        app.dispatch(IndexRead(restored.index))
        message = plural(app.lang, "msg.backup_restored", len(restored.added), file=file.name)
        if restored.problems:
            listed = "; ".join(
                t(app.lang, "msg.backup_problem", n=n, reason=file_error_reason(p, app.lang)) for n, p in restored.problems
            )
            app.error(message + " " + t(app.lang, "msg.backup_problems", problems=listed))
        else:
            app.status(message)
        if restored.added:
            index, m, _ = load_map(app.storage, restored.added[0], now_stamp())
            if m is not None:
                app.dispatch(MapShown(restored.added[0], index, m))

    def download_research(self) -> None:
        """egor's tables or GraphML of this map or of every map here, made by ``research``."""
        from .research import Format, Options, Source, research_download  # only when asked for

        app = self.app
        app.flush_save()
        anonymise = bool(element("kk-research-anonymise").checked)
        if checked_value("kk-research-scope") == "all":
            readable, unreadable = readable_maps(app.storage)
            sources = [Source(m, map_label(entry.title, app.lang), entry.updated) for entry, m in readable]
        else:
            entry = app.index.entry(app.map_id)
            sources, unreadable = (
                [Source(app.map, map_label(app.map.change, app.lang), entry.updated if entry else now_stamp())],
                [],
            )
        stem = f"{t(app.lang, 'research.filename')}-{today()}"
        made = research_download(sources, Format(checked_value("kk-research-format")), Options(anonymise=anonymise), stem)
        download_bytes(made.filename, made.data, made.mime)
        saved = N_("msg.research_saved.anonymous") if anonymise else N_("msg.research_saved.named")
        message = t(app.lang, saved, file=made.filename, count=len(sources))
        if unreadable:
            titles = ", ".join(map_label(entry.title, app.lang) for entry in unreadable)
            app.error(message + " " + t(app.lang, "msg.research_skipped", titles=titles))
        else:
            app.status(message)
