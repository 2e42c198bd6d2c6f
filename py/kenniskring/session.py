"""The app as a state machine: one frozen ``Session``, events for what the user or the browser did,
and ``step(session, event) -> (session, effects)`` saying what happens next.

``step`` is pure: it never touches storage, the DOM or the clock. What it wants done comes back as
effects. The few that touch storage (``WriteMap``, ``LoadMap``, ``CreateMap``) are carried out by
``perform`` here, against the ``persistence.Storage`` seam, and answer with an event of their own
(``Saved``, ``Loaded``, ...); everything else (``Redraw``, ``Announce``, ``ScheduleSave``, ...) is
for the browser shell. ``run`` is that loop: the shell calls it for every DOM event, the tests call
it with a ``DictStorage`` and a fixed clock.

The rules that live here: when a map is saved, how another tab's write of the open map is merged
(and what happens when that tab deleted it, damaged it, or is a newer version of Kenniskring),
which step and view show, what a drag on the map means in each view, which map opens after a
delete, and which view is exported or printed.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Literal

from .edits import AddContact, Edit, History, MoveContact, ReplaceMap, SetDesiredRing, UpdateContact
from .fileformat import FileError, FileWarning, dumps, export_filename, loads
from .i18n import N_, plural, t
from .labels import RING
from .layout import picture_layout
from .library import MAP_PREFIX, Index, copy_to_trash, create_map, delete_map, load_map, read_index, save_map
from .merge import merge, merge_maps
from .messages import file_error_message, file_error_reason, kept_fields_message
from .model import MAX_CHANGE, RINGS, NetworkMap, Ring, View
from .paper import Paper
from .persistence import Storage, StorageFull, StorageUnavailable
from .poster import paper_advice, poster_html
from .render import picture_size, render
from .report import map_label
from .svgfile import embed, read_file
from .values import field, frozen, replace

STEPS = 6


# -- the state -------------------------------------------------------------------------------------
@frozen
class Session:
    """Everything the page knows that is not the DOM itself."""

    lang: str = "nl"
    map_id: str = ""  # "" while the map is only in memory (storage refused the first write)
    index: Index = field(default_factory=Index)
    history: History = field(default_factory=History)
    synced: NetworkMap = field(default_factory=NetworkMap)  # what storage holds for this map, as far as this tab knows
    step: int = 1
    view: View = View.CURRENT
    typing: str | None = None  # the text field whose keystrokes are one undo step
    editing: str | None = None  # the person whose form is open
    can_save: bool = True  # False once the map was deleted elsewhere or a newer version wrote it
    newer: bool = False  # a newer version of Kenniskring wrote here: this tab should be reloaded
    storage_problem: str | None = None  # the message key of the storage banner, None when saving works
    theirs: str | None = None  # what another tab last wrote to this map (its text), None if nothing yet
    waiting: WaitingFile | None = None  # a file of a map that is already here: copy or replace?
    made_from: str | None = None  # this map was just made (a team map) while that one was open: undo goes back
    paper: Paper = Paper.A4  # the poster's paper last chosen: the browser's own print (Ctrl+P) uses it

    @property
    def can_undo(self) -> bool:
        """An edit to take back, or, once there is none, the making of this map itself."""
        return self.history.can_undo or self.made_from is not None

    @property
    def map(self) -> NetworkMap:
        return self.history.present

    @property
    def unsaved(self) -> bool:
        return self.map != self.synced


def copy_title(change: str, lang: str) -> str:
    """A copy's change: "… (kopie)", within what a file may hold (so the copy opens again)."""
    title = t(lang, "maps.copy_of", title=map_label(change, lang))
    return title if len(title) <= MAX_CHANGE else t(lang, "maps.copy_of", title=change[: MAX_CHANGE - (len(title) - len(change))])


def first_step(m: NetworkMap) -> int:
    """A new map starts at the question, one with people on the map."""
    return 2 if m.contacts else 1


def start(lang: str, map_id: str, index: Index, m: NetworkMap, newer: bool = False, remembered: str | None = None) -> Session:
    """The session of a page that just opened ``m``; ``remembered`` is what ``step_memory`` last
    wrote, so a reload comes back to the step the user was on (for the same map)."""
    step = remembered_step(remembered, map_id) or first_step(m)
    return Session(lang, map_id, index, History(present=m), m, step=step, newer=newer)


def step_memory(s: Session) -> str:
    """What the page keeps of where the user is, for the next load: the map and its step."""
    return f"{s.map_id} {s.step}"


def remembered_step(text: str | None, map_id: str) -> int | None:
    """The step ``step_memory`` kept for this map, or None (another map, nothing kept, or nonsense)."""
    kept_id, _, number = (text or "").partition(" ")
    if not map_id or kept_id != map_id or not number.isdigit() or not 1 <= int(number) <= STEPS:
        return None
    return int(number)


def export_view(s: Session) -> View:
    """An exported picture shows the view on screen, but only shows a wish when the map has one."""
    return s.view if s.map.has_desired else View.CURRENT


def print_view(s: Session) -> View:
    """The poster shows now and the wish side by side when there is a wish."""
    return View.BOTH if s.map.has_desired else View.CURRENT


def after_delete(index: Index) -> str | None:
    """Which map opens when the open one is deleted: the most recently changed of the rest."""
    rest = sorted(index.entries, key=lambda e: e.updated, reverse=True)
    return rest[0].id if rest else None


def step_for_editing(step: int) -> int:
    """Opening a person's form goes to a step that shows the form (5 stays, 6 goes back to 5)."""
    return step if step in (2, 3, 4, 5) else (5 if step == 6 else 3)


@frozen
class WaitingFile:
    """An opened file whose map is already in this browser, until the user says what to do."""

    name: str
    map: NetworkMap
    map_id: str
    warnings: tuple[FileWarning, ...] = ()


class OpenChoice(StrEnum):
    COPY = "copy"  # a map of its own, next to the one that is there
    REPLACE = "replace"  # the file's version instead (undoable; the old one goes to the trash)
    CANCEL = "cancel"


# -- events ------------------------------------------------------------------------------------
@frozen
class Edited:
    edit: Edit
    field: str | None = None  # a text field: keystrokes while it keeps focus are one undo step


@frozen
class FieldFocused:
    """Focusing a text field starts a new undo step for what will be typed there."""


@frozen
class Undo:
    pass


@frozen
class Redo:
    pass


@frozen
class StepChosen:
    step: int


@frozen
class ViewChosen:
    view: View


@frozen
class PersonChosen:
    """A click on a person (in the list or on the map): open the form for them."""

    contact_id: str


@frozen
class FormClosed:
    pass


@frozen
class Dropped:
    """A person dragged on the map from one ring to another (the same ring: back to its spot)."""

    contact_id: str
    from_ring: Ring | None
    to_ring: Ring


@frozen
class Nudged:
    """A key on a focused note: one ring in (``inwards``, towards the team) or one ring out."""

    contact_id: str
    inwards: bool


@frozen
class StorageChanged:
    """Another tab wrote ``key`` (``value`` None: removed); ``index`` is the index as it is now."""

    key: str
    value: str | None
    index: Index


@frozen
class SaveDue:
    """The save timer ran out, or the page is hidden or left: write what is not written yet."""


@frozen
class FileOpened:
    name: str
    text: str


@frozen
class FileChoice:
    """The user's answer to "this map is already here": a copy, replace it, or neither."""

    choice: OpenChoice


@frozen
class MapChosen:
    """Open another map of this browser (from the list)."""

    map_id: str
    after_delete: bool = False  # the open map was deleted: when this one cannot open, start a new one


@frozen
class MapShown:
    """Show this map from now on (a new, copied, restored or example map, already in storage)."""

    map_id: str
    index: Index
    map: NetworkMap
    show_wish: bool = False
    made_from: str | None = None  # made (a team map) while this map was open: an undo takes it away again


@frozen
class MapDeleted:
    map_id: str
    index: Index
    open_next: str | None = None  # the map to open when the open one is gone (else the latest changed)


@frozen
class NewMapWanted:
    pass


@frozen
class ExportWanted:
    """Download the map: as ``json`` (the data), ``svg`` (the picture with the data inside) or ``png``."""

    kind: Literal["json", "svg", "png"]
    day: str  # today, for the file's name
    now: str  # this moment, stamped in the file


@frozen
class PrintWanted:
    """Print the poster: on ``paper`` (the menu's A4 or A3), or, with None, on the paper last chosen
    (the browser's own print, Ctrl+P, which prints whatever the page holds). ``sure``: the user was
    told the other paper suits the map better and chose this one all the same."""

    day: str  # today, on the poster
    paper: Paper | None = None
    sure: bool = False


@frozen
class IndexRead:
    """The list of maps as storage has it now (after a restore or an undelete)."""

    index: Index


# Answers of ``perform``: what storage did.
@frozen
class Saved:
    map_id: str
    index: Index
    map: NetworkMap


@frozen
class SaveFailed:
    full: bool


@frozen
class NewerFound:
    """Storage holds this map in a format newer than this tab reads."""


@frozen
class Loaded:
    map_id: str
    index: Index
    map: NetworkMap | None
    problem: FileError | None = None  # why it could not be opened (set aside, or newer); None: it is gone
    after_delete: bool = False
    then: Opened | None = None  # a file to put in its place once it is open (replace)


@frozen
class Created:
    map_id: str
    index: Index
    map: NetworkMap
    opened: Opened | None = None  # made from a file


@frozen
class Opened:
    """A file that became (or replaces) a map: its name, for the message, and what the reader kept
    without knowing it (fields of a newer version or another program)."""

    name: str
    map: NetworkMap
    warnings: tuple[FileWarning, ...] = ()


@frozen
class CreateFailed:
    pass


Event = (
    Edited
    | FieldFocused
    | Undo
    | Redo
    | StepChosen
    | ViewChosen
    | PersonChosen
    | FormClosed
    | Dropped
    | Nudged
    | StorageChanged
    | SaveDue
    | FileOpened
    | FileChoice
    | MapChosen
    | MapShown
    | MapDeleted
    | NewMapWanted
    | IndexRead
    | ExportWanted
    | PrintWanted
    | Saved
    | SaveFailed
    | NewerFound
    | Loaded
    | Created
    | CreateFailed
)


# -- effects -----------------------------------------------------------------------------------
@frozen
class WriteMap:
    map_id: str  # "" : a new entry
    map: NetworkMap


@frozen
class LoadMap:
    map_id: str
    after_delete: bool = False
    then: Opened | None = None


@frozen
class CreateMap:
    map: NetworkMap
    map_id: str = ""  # keep this id (a file's own, not yet here); "" for a new one
    opened: Opened | None = None


@frozen
class UnmakeMap:
    """Take a map that was just made away again (to the trash, as a delete) and open ``back_to``."""

    map_id: str
    back_to: str


@frozen
class KeepInTrash:
    """Put the stored version of a map in the trash (it is about to be replaced), as a delete does."""

    map_id: str


@frozen
class AskHowToOpen:
    """The file's map is already here: ask whether to open it as a copy or to replace that map."""

    title: str


@frozen
class Redraw:
    """Everything that shows the map: picture, list, fields, panels, the list of maps."""


@frozen
class DrawMap:
    """Only the picture (and the view's radio buttons)."""


@frozen
class ShowStep:
    focus: bool = False


@frozen
class OpenForm:
    contact_id: str


@frozen
class ResetForms:
    pass


@frozen
class Announce:
    text: str
    error: bool = False


@frozen
class ScheduleSave:
    pass


@frozen
class StorageBanner:
    key: str | None  # None: hide it


@frozen
class NewerBanner:
    """A newer version of Kenniskring is open: say so, offer the reload."""


@frozen
class ListMaps:
    pass


@frozen
class StorePreview:
    pass


@frozen
class Download:
    filename: str
    text: str
    mime: str


@frozen
class DownloadPicture:
    """A PNG, drawn by the browser from this SVG at this size."""

    filename: str
    svg: str
    width: float
    height: float


@frozen
class AskPaper:
    """Say why the other paper suits this map better, and ask which to print on (the answer comes
    back as a ``PrintWanted`` with ``sure``)."""

    text: str


@frozen
class FillPoster:
    """Put the poster in the page; with ``show_dialog``, then open the browser's print dialog."""

    html: str
    show_dialog: bool


Effect = (
    WriteMap
    | LoadMap
    | CreateMap
    | KeepInTrash
    | UnmakeMap
    | AskHowToOpen
    | Redraw
    | DrawMap
    | ShowStep
    | OpenForm
    | ResetForms
    | Announce
    | ScheduleSave
    | StorageBanner
    | NewerBanner
    | ListMaps
    | StorePreview
    | Download
    | DownloadPicture
    | AskPaper
    | FillPoster
)
STORAGE_EFFECTS = (WriteMap, LoadMap, CreateMap, KeepInTrash, UnmakeMap)
Result = tuple[Session, tuple[Effect, ...]]


# -- the rules -----------------------------------------------------------------------------------
def _say(s: Session, key: str, error: bool = False, **params: object) -> Announce:
    return Announce(t(s.lang, key, **params), error)


def _flush(s: Session) -> tuple[Effect, ...]:
    """What saving now takes: nothing when nothing changed or this tab must not write."""
    if not s.can_save or not s.unsaved:
        return ()
    return (WriteMap(s.map_id, s.map),)


def _with_view(s: Session, view: View) -> Result:
    return replace(s, view=view), (DrawMap(),)


def _wish_view(s: Session) -> Result:
    """From the reflection on, a map with a wish shows now and the wish together."""
    if s.step >= 5 and s.view is View.CURRENT and s.map.has_desired:
        return _with_view(s, View.BOTH)
    return s, ()


def _shown(s: Session, map_id: str, index: Index, m: NetworkMap, show_wish: bool = False, made_from: str | None = None) -> Result:
    new = replace(
        s,
        map_id=map_id,
        index=index,
        history=History(present=m),
        synced=m,
        can_save=True,
        typing=None,
        editing=None,
        theirs=None,
        view=View.BOTH if show_wish and m.has_desired else View.CURRENT,
        step=first_step(m),
        made_from=made_from if made_from != map_id else None,
    )
    return new, (ResetForms(), Redraw(), ShowStep(), StorePreview())


def _edited(s: Session, e: Edited) -> Result:
    amend = e.field is not None and s.typing == e.field
    history = s.history.amend(e.edit) if amend else s.history.do(e.edit)
    new = replace(s, history=history, typing=e.field if e.field is not None else s.typing)
    effects: list[Effect] = [Redraw(), ScheduleSave()]
    edit = e.edit
    if isinstance(edit, AddContact | UpdateContact) and edit.contact.wished and new.view is View.CURRENT:
        new = replace(new, view=View.BOTH)  # show what was just added
        effects.append(DrawMap())
    return new, tuple(effects)


def _time_travel(s: Session, history: History, key: str) -> Result:
    return replace(s, history=history, typing=None, editing=None), (
        ResetForms(),
        Redraw(),
        ScheduleSave(),
        _say(s, key),
    )


def _dropped(s: Session, e: Dropped) -> Result:
    contact = s.map.contact(e.contact_id)
    if contact is None or e.from_ring is None or e.from_ring is e.to_ring:
        return s, (DrawMap(),)  # back to its spot
    # In the desired view a drag changes the wish; elsewhere it changes how things are now.
    edit: Edit = (
        SetDesiredRing(contact.id, e.to_ring)
        if s.view is View.DESIRED and not contact.wished
        else MoveContact(contact.id, e.to_ring)
    )
    new, effects = _edited(s, Edited(edit))
    ring = t(s.lang, RING[e.to_ring])
    return new, effects + (_say(s, "msg.moved", name=contact.name, ring=ring),)


def _nudged(s: Session, e: Nudged) -> Result:
    """One ring in or out by keyboard: what a drag to the next ring does, in the view on screen (in the
    desired view the wish moves); at the inner or outer ring it says so and nothing changes."""
    contact = s.map.contact(e.contact_id)
    if contact is None:
        return s, ()
    desired = s.view is View.DESIRED and not contact.wished
    now = (contact.desired_ring or contact.ring) if desired else contact.ring
    i = RINGS.index(now) + (-1 if e.inwards else 1)
    if not 0 <= i < len(RINGS):
        key = N_("msg.nudge.innermost") if e.inwards else N_("msg.nudge.outermost")
        return s, (_say(s, key, name=contact.name, ring=t(s.lang, RING[now])),)
    return _dropped(s, Dropped(contact.id, now, RINGS[i]))


def _other_tab(s: Session, e: StorageChanged) -> Result:
    """Another tab wrote this map. Merge its edits into ours, once; never drop either. A deleted
    map is not written again; a damaged write is ignored (ours saves over it); a write by a newer
    version of Kenniskring is never written over: this tab stops saving it and asks for a reload."""
    s = replace(s, index=e.index, theirs=e.value)
    if e.value is None:
        return replace(s, can_save=False), (_say(s, "msg.deleted_elsewhere", error=True), ListMaps())
    try:
        theirs = loads(e.value)
    except FileError as problem:
        if problem.code == "too_new":
            return replace(s, can_save=False, newer=True), (NewerBanner(), ListMaps())
        return s, (ListMaps(),)  # their write is damaged: keep ours, which saves over nothing of theirs that was readable
    base = s.synced
    merged = merge_maps(base, s.map, theirs)
    history = s.history.rebase(lambda state: merge(base, state, theirs), present=merged.map)
    s = replace(s, history=history, synced=theirs)
    effects: list[Effect] = [Redraw()]
    if s.map != theirs:
        effects.append(ScheduleSave())  # our own edits, now on top of theirs
    if merged.left_out:
        params = {
            "people": plural(s.lang, "count.new_people", merged.people_left_out),
            "actions": plural(s.lang, "count.new_actions", merged.actions_left_out),
            "links": plural(s.lang, "count.links", merged.links_left_out),
        }
        effects.append(_say(s, "msg.merge_left_out", error=True, **params))
    else:
        effects.append(_say(s, "msg.other_tab"))
    return s, tuple(effects)


def _file_opened(s: Session, e: FileOpened) -> Result:
    """A file becomes a map of its own in the list, next to the others, and is shown; never over
    the open map. A file of a map that is already here waits for the user: a copy, or replace it."""
    try:
        opened = read_file(e.text)
    except FileError as problem:
        return s, (Announce(file_error_message(problem, e.name, s.lang), error=True),)
    there = s.index.entry(opened.map_id) if opened.map_id else None
    if there is not None:
        waiting = WaitingFile(e.name, opened.map, opened.map_id, opened.warnings)
        return replace(s, waiting=waiting), (AskHowToOpen(map_label(there.title, s.lang)),)
    return s, _flush(s) + (CreateMap(opened.map, opened.map_id, Opened(e.name, opened.map, opened.warnings)),)


def _file_choice(s: Session, choice: OpenChoice) -> Result:
    waiting = s.waiting
    s = replace(s, waiting=None)
    if waiting is None or choice is OpenChoice.CANCEL:
        return s, ()
    opened = Opened(waiting.name, waiting.map, waiting.warnings)
    if choice is OpenChoice.COPY:
        copy = replace(waiting.map, change=copy_title(waiting.map.change, s.lang))
        return s, _flush(s) + (CreateMap(copy, "", Opened(waiting.name, copy, waiting.warnings)),)
    # Replace: the stored version to the trash, that map opened, and the file's version put in as an
    # edit, so one undo brings the old version back.
    return s, _flush(s) + (KeepInTrash(waiting.map_id), LoadMap(waiting.map_id, then=opened))


def _opened_file(s: Session, opened: Opened, effects: tuple[Effect, ...], key: str = N_("msg.imported_new")) -> Result:
    """After a file became the open map: on the step where people can be edited, and said so."""
    s = replace(s, step=max(s.step, 2))
    people = plural(s.lang, "count.people", len(opened.map.contacts))
    said = " ".join(filter(None, (t(s.lang, key, file=opened.name, people=people), kept_fields_message(opened.warnings, s.lang))))
    return s, effects + (ShowStep(), Announce(said))


def _export(s: Session, e: ExportWanted) -> tuple[Effect, ...]:
    m = s.map
    filename = export_filename(m.change, e.day, e.kind)
    if e.kind == "json":
        made: Effect = Download(filename, dumps(m, exported_at=e.now, map_id=s.map_id), "application/json")
    elif e.kind == "svg":
        svg = render(m, s.lang, export_view(s), prefix="kkx", standalone=True)
        made = Download(filename, embed(svg, m, e.now, s.map_id), "image/svg+xml")
    else:
        view = export_view(s)
        geometry = picture_layout(m, view)
        width, height = picture_size(m, view, geometry)
        made = DownloadPicture(filename, render(m, s.lang, view, geometry, prefix="kkx", standalone=True), width, height)
    return made, _say(s, "msg.exported", file=filename)


def _print(s: Session, e: PrintWanted) -> Result:
    """The poster of the printed view on the chosen paper; first a question when the map reads
    better on A3 (names whole at 7 pt) and the user has not yet answered it."""
    paper = e.paper or s.paper
    view = print_view(s)
    if e.paper is not None and not e.sure:
        advice = paper_advice(s.map, view, paper, s.lang)
        if advice is not None:
            _better, text = advice
            return s, (AskPaper(text),)
    s = replace(s, paper=paper)
    return s, (FillPoster(poster_html(s.map, s.lang, e.day, view, paper), show_dialog=e.paper is not None),)


def _unmake(s: Session) -> Result:
    """Undo of making this map (a team map): it goes to the trash as a delete does, and the map that
    was open when it was made opens again. What it was made of was never changed."""
    assert s.made_from is not None
    entry = s.index.entry(s.map_id)
    said = _say(s, "msg.team_unmade", title=map_label(entry.title if entry else s.map.change, s.lang))
    back_to = s.made_from
    s = replace(s, made_from=None, can_save=False)  # nothing more of it is written
    return s, (UnmakeMap(s.map_id, back_to), said)


def _loaded(s: Session, e: Loaded) -> Result:
    s = replace(s, index=e.index)
    if e.map is not None:
        new, effects = _shown(s, e.map_id, e.index, e.map)
        if e.then is not None:
            new, edited = _edited(new, Edited(ReplaceMap(e.then.map)))
            return _opened_file(new, e.then, effects + edited, N_("msg.imported"))
        if e.after_delete:
            return new, effects
        title = e.index.entry(e.map_id)
        return new, effects + (_say(s, "msg.map_opened", title=map_label(title.title if title else "", s.lang)),)
    if e.after_delete:
        return s, (CreateMap(NetworkMap()),)
    if e.problem is not None and e.problem.code == "too_new":
        return replace(s, newer=True), (NewerBanner(), ListMaps())
    if e.problem is None:  # another tab deleted it meanwhile: nothing was set aside
        return s, (_say(s, "msg.map_gone", error=True), ListMaps())
    return s, (_say(s, "msg.map_set_aside", error=True, reason=file_error_reason(e.problem, s.lang)), ListMaps())


def step(s: Session, event: Event) -> Result:  # noqa: PLR0911, PLR0912 - one branch per event, on purpose
    """The next session and what to do, for one event."""
    if isinstance(event, Edited):
        return _edited(s, event)
    if isinstance(event, FieldFocused):
        return replace(s, typing=None), ()
    if isinstance(event, Undo):
        if s.history.can_undo:
            return _time_travel(s, s.history.undo(), N_("msg.undone"))
        return _unmake(s) if s.made_from is not None else (s, ())
    if isinstance(event, Redo):
        return _time_travel(s, s.history.redo(), N_("msg.redone")) if s.history.can_redo else (s, ())
    if isinstance(event, StepChosen):
        s = replace(s, step=max(1, min(STEPS, event.step)))
        s, effects = _wish_view(s)
        return s, (ShowStep(focus=True),) + effects
    if isinstance(event, ViewChosen):
        return _with_view(s, event.view)
    if isinstance(event, PersonChosen):
        if s.map.contact(event.contact_id) is None:
            return s, ()
        shown: tuple[Effect, ...] = ()
        new_step = step_for_editing(s.step)
        if new_step != s.step:
            s, shown = _wish_view(replace(s, step=new_step))
            shown = (ShowStep(),) + shown
        return replace(s, editing=event.contact_id), shown + (OpenForm(event.contact_id),)
    if isinstance(event, FormClosed):
        return replace(s, editing=None), ()
    if isinstance(event, Dropped):
        return _dropped(s, event)
    if isinstance(event, Nudged):
        return _nudged(s, event)
    if isinstance(event, StorageChanged):
        if event.key == MAP_PREFIX + s.map_id and s.map_id:
            return _other_tab(s, event)
        return replace(s, index=event.index), (ListMaps(),)
    if isinstance(event, SaveDue):
        return s, _flush(s)
    if isinstance(event, Saved):
        return replace(s, map_id=event.map_id, index=event.index, synced=event.map, storage_problem=None), (
            StorageBanner(None),
            ListMaps(),
            StorePreview(),
        )
    if isinstance(event, SaveFailed):
        # Keep working in memory; the banner offers the download, so nothing is lost.
        key = N_("msg.storage_full") if event.full else N_("msg.storage_unavailable")
        return replace(s, storage_problem=key), (StorageBanner(key),)
    if isinstance(event, NewerFound):
        return replace(s, can_save=False, newer=True), (NewerBanner(),)
    if isinstance(event, FileOpened):
        return _file_opened(s, event)
    if isinstance(event, FileChoice):
        return _file_choice(s, event.choice)
    if isinstance(event, MapChosen):
        return s, _flush(s) + (LoadMap(event.map_id, event.after_delete),)
    if isinstance(event, Loaded):
        return _loaded(s, event)
    if isinstance(event, MapShown):
        return _shown(s, event.map_id, event.index, event.map, event.show_wish, event.made_from)
    if isinstance(event, MapDeleted):
        s = replace(s, index=event.index)
        if event.map_id != s.map_id:
            return s, (ListMaps(),)
        s = replace(s, can_save=False)  # what was open is in the trash now, and stays there as it was
        wanted = event.open_next
        following = wanted if wanted and event.index.entry(wanted) is not None else after_delete(event.index)
        return s, ((LoadMap(following, after_delete=True),) if following else (CreateMap(NetworkMap()),))
    if isinstance(event, ExportWanted):
        return s, _export(s, event)
    if isinstance(event, PrintWanted):
        return _print(s, event)
    if isinstance(event, IndexRead):
        return replace(s, index=event.index), (ListMaps(),)
    if isinstance(event, NewMapWanted):
        return s, _flush(s) + (CreateMap(NetworkMap()),)
    if isinstance(event, Created):
        new, effects = _shown(s, event.map_id, event.index, event.map)
        if event.opened is not None:
            return _opened_file(new, event.opened, effects)
        return new, effects + (_say(s, "msg.map_new"),)
    if isinstance(event, CreateFailed):
        return s, (_say(s, "msg.storage_full", error=True),)
    raise TypeError(f"not an event: {event!r}")


# -- carrying out what touches storage -------------------------------------------------------------
def _problem(text: str | None) -> FileError | None:
    if text is None:
        return None
    try:
        loads(text)
    except FileError as problem:
        return problem
    return None


def _is_newer(text: str | None) -> bool:
    problem = _problem(text)
    return problem is not None and problem.code == "too_new"


def perform(effect: WriteMap | LoadMap | CreateMap | KeepInTrash | UnmakeMap, storage: Storage, now: str) -> Event:
    """Carry out one effect on storage; the answer is the event that says how it went."""
    if isinstance(effect, WriteMap):
        if effect.map_id and _is_newer(storage.get(MAP_PREFIX + effect.map_id)):
            return NewerFound()  # never write an older format over a newer version's map
        try:
            if effect.map_id:
                return Saved(effect.map_id, save_map(storage, effect.map_id, effect.map, now), effect.map)
            index, map_id = create_map(storage, now, effect.map)
            return Saved(map_id, index, effect.map)
        except (StorageFull, StorageUnavailable) as problem:
            return SaveFailed(isinstance(problem, StorageFull))
    if isinstance(effect, LoadMap):
        index, m, aside = load_map(storage, effect.map_id, now)
        return Loaded(effect.map_id, index, m, aside.problem if aside else None, effect.after_delete, effect.then)
    if isinstance(effect, UnmakeMap):
        try:
            return MapDeleted(effect.map_id, delete_map(storage, effect.map_id), open_next=effect.back_to)
        except (StorageFull, StorageUnavailable) as problem:
            return SaveFailed(isinstance(problem, StorageFull))
    if isinstance(effect, KeepInTrash):
        try:
            return IndexRead(copy_to_trash(storage, effect.map_id))
        except (StorageFull, StorageUnavailable):
            return IndexRead(read_index(storage))  # the replace is still undoable in this tab
    try:
        index, map_id = create_map(storage, now, effect.map, effect.map_id or None)
    except (StorageFull, StorageUnavailable):
        return CreateFailed()
    return Created(map_id, index, effect.map, effect.opened)


def _once(effects: list[Effect]) -> tuple[Effect, ...]:
    """Each drawing effect once (a full redraw covers the picture); messages all, in order."""
    kept: list[Effect] = []
    for effect in effects:
        if isinstance(effect, Announce) or effect not in kept:
            kept.append(effect)
    if Redraw() in kept:
        kept = [e for e in kept if not isinstance(e, DrawMap)]
    return tuple(kept)


def run(s: Session, event: Event, storage: Storage, clock: Callable[[], str]) -> Result:
    """``step``, then ``perform`` for what touches storage (feeding its answer back in), until
    nothing is left but effects for the shell: those come back in order, to be carried out with
    the returned session."""
    shell: list[Effect] = []
    pending: list[Event] = [event]
    while pending:
        s, effects = step(s, pending.pop(0))
        for effect in effects:
            if isinstance(effect, STORAGE_EFFECTS):
                pending.append(perform(effect, storage, clock()))
            else:
                shell.append(effect)
    return s, _once(shell)
