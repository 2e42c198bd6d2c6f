"""The browser shell's drawing: the picture, the list of people, the fields, the reflection and
action panels, the list of maps, the step on screen, and the first picture kept for the next visit.

Part of the shell (see ``shell``): it draws what the session holds, and decides nothing.
"""

from __future__ import annotations

from typing import Any

from pyscript import document, window

from . import session
from .browser import checked_values, element, set_checked
from .i18n import N_, plural, t
from .keyed import Piece
from .layout import Layout, layout, picture_layout
from .library import set_aside_keys
from .model import NetworkMap, Perspective, Question, View, view_map
from .persistence import StorageFull, StorageUnavailable
from .preview import PREVIEW_KEY, Preview, preview_to_text
from .quota import percent_used, storage_use
from .render import NAME_SIZES, PRESENTING_NAME_SIZES, Picture, legend_html, picture, render, shows_desired
from .report import (
    NOW,
    actions_html,
    compare_options_html,
    composition_html,
    contact_rows,
    figures_html,
    kinds_pass_html,
    knowledge_pass_html,
    maps_html,
    moments_html,
    observations_html,
    people_choices_html,
    suggestions_html,
)
from .shell_host import Host
from .shell_patch import fill_keeping_focus, patch_children, patch_keeping_focus


class Drawing:
    def __init__(self, app: Host) -> None:
        self.app = app
        self.geometry: Layout = layout(app.map)
        self.current_picture: tuple[NetworkMap, Picture] | None = None  # the map and its picture as last drawn "now"
        self.drawn: Picture | None = None  # what the map on the page shows: the next drawing patches it
        self.drawn_rows: tuple[Piece, ...] | None = None  # the same for the table's rows
        self.stale: set[str] = set()  # notes changed on the page by hand (dragged): made again next time
        self.panels_drawn: NetworkMap | None = None  # the map the reflection and action panels show
        self.passes_drawn: tuple[NetworkMap, int] | None = None  # the map and step the pass on screen shows
        self.dragging = False  # a person is being dragged: the picture on screen is not the saved one
        self.spoken = Perspective.TEAM  # the wording the page's texts are in (the markup's, at first)

    def show_step(self) -> None:
        element("kk-app").dataset.step = str(self.app.step)
        for button in document.querySelectorAll(".kk-step"):
            if int(button.dataset.step) == self.app.step:
                button.setAttribute("aria-current", "step")
                element("kk-step-title").textContent = t(
                    self.app.lang, "steps.current", n=self.app.step, title=button.dataset.title
                )
            else:
                button.removeAttribute("aria-current")
        self.speak(self.app.map.perspective)
        self.draw_panels()
        for panel in document.querySelectorAll(".kk-panel"):
            panel.hidden = str(self.app.step) not in str(panel.dataset.steps).split()
        element("kk-prev").hidden = self.app.step == 1
        element("kk-next").hidden = self.app.step == session.STEPS

    def speak(self, perspective: Perspective) -> None:
        """Every text that speaks as the team, in the map's perspective: the markup holds both
        wordings (markup._voices); the step's text too."""
        personal = perspective is Perspective.PERSONAL
        if perspective is not self.spoken:  # the texts are static markup: rewritten only on a change
            self.spoken = perspective
            for el in document.querySelectorAll("[data-personal]"):
                el.textContent = el.dataset.personal if personal else el.dataset.team
            for el in document.querySelectorAll("[data-label-personal]"):
                el.setAttribute("aria-label", el.dataset.labelPersonal if personal else el.dataset.labelTeam)
        step = document.querySelector(f'.kk-step[data-step="{self.app.step}"]')
        if step is not None:
            text = step.dataset.textPersonal if personal else step.dataset.text
            if element("kk-step-text").textContent != text:
                element("kk-step-text").textContent = text

    def refresh(self) -> None:
        performance = window.performance
        performance.clearMarks("kk-redraw-start")  # one of each at a time: no growing timeline
        performance.clearMeasures("kk-redraw")
        performance.mark("kk-redraw-start")
        self.redraw()
        performance.measure("kk-redraw", "kk-redraw-start")  # read by `make bench`

    def redraw(self) -> None:
        m = self.app.map
        self.draw_map()
        self.render_table(m)
        self.refresh_undo_buttons()
        self.speak(m.perspective)
        self.sync_field(element("kk-change"), m.change)
        set_checked("kk-perspective", {m.perspective.value})
        for area in document.querySelectorAll("textarea[data-question]"):
            answer = m.answer(Question(area.dataset.question))
            self.sync_field(area, answer.current if area.dataset.side == "current" else answer.desired)
        self.draw_panels()
        self.draw_maplist()

    def draw_passes(self) -> None:
        """Step 3's list of who each person is and step 4's grid of knowledge, when on screen; a
        control that had focus keeps it (the pass is drawn again after each choice)."""
        m, step = self.app.map, self.app.step
        if step not in (3, 4) or self.passes_drawn == (m, step):
            return
        holder = element("kk-pass-kinds" if step == 3 else "kk-pass-knowledge")
        # Step 4 has a box per form for each person: the same person's same form keeps the focus.
        fill_keeping_focus(holder, (kinds_pass_html if step == 3 else knowledge_pass_html)(m, self.app.lang), step == 4)
        self.passes_drawn = (m, step)

    def draw_panels(self) -> None:
        """The reflection (step 5) and action (step 6) panels, drawn when they are on screen: an edit
        in step 2 shows on the map without waiting for figures that nobody sees yet."""
        m = self.app.map
        self.draw_passes()
        if self.app.step < 5 or self.panels_drawn is m:
            return
        element("kk-observations").innerHTML = observations_html(m, self.app.lang)
        figures = element("kk-figures")
        lang = self.app.lang
        figures.innerHTML = figures_html(m, lang, str(figures.dataset.measures or "")) + composition_html(m, lang)
        element("kk-suggestions").innerHTML = suggestions_html(m, self.app.lang)
        element("kk-actions").innerHTML = actions_html(m, self.app.lang)
        chosen = checked_values("kk-action-person")
        element("kk-action-people").innerHTML = people_choices_html(m, self.app.lang, chosen)
        self.draw_moments(m)
        self.panels_drawn = m

    def draw_moments(self, m: NetworkMap) -> None:
        """The moments, the two lists to compare them (keeping what was chosen), the next look."""
        element("kk-moments").innerHTML = moments_html(m, self.app.lang)
        for select_id, default in (("kk-compare-from", m.moments[-1].id if m.moments else NOW), ("kk-compare-to", NOW)):
            select = element(select_id)
            kept = str(select.value) if select.value and (select.value == NOW or m.moment(str(select.value))) else default
            select.innerHTML = compare_options_html(m, self.app.lang, kept)
        self.sync_field(element("kk-next-look"), m.next_look)

    def draw_maplist(self) -> None:
        element("kk-maplist").innerHTML = maps_html(
            self.app.index, self.app.map_id, self.app.lang, set_aside_keys(self.app.storage)
        )
        if element("kk-maps").open:  # what the maps take of the browser's storage, when the list is seen
            use = storage_use(self.app.storage)
            note = element("kk-storage-use")
            note.textContent = t(self.app.lang, N_("maps.use.tight") if use.tight else N_("maps.use"), share=percent_used(use))
            note.classList.toggle("kk-error", use.tight)
        summary = element("kk-maps-summary")
        summary.textContent = str(summary.dataset.template).replace("{count}", str(len(self.app.index.entries)))

    def draw_map(self) -> None:
        set_checked("kk-view", {self.app.view.value})
        self.geometry = picture_layout(self.app.map, self.app.view)
        holder = element("kk-map")
        presenting = bool(element("kk-app").classList.contains("kk-presenting"))
        sizes = PRESENTING_NAME_SIZES if presenting else NAME_SIZES
        drawn = picture(self.app.map, self.app.lang, self.app.view, self.geometry, legend=not presenting, name_sizes=sizes)
        if presenting:  # the legend beside the map, so the rings take the screen's whole height
            element("kk-present-legend").innerHTML = legend_html(
                self.app.lang, shows_desired(self.app.map, self.app.view), self.app.view is View.BOTH
            )
        old, self.drawn = self.drawn, None  # should anything below fail, the next drawing makes it all again
        if not self.patch_map(holder, old, drawn):
            fill_keeping_focus(holder, drawn.svg)  # a note moved by keyboard, or redrawn after an undo, keeps the focus
        self.drawn, self.stale = drawn, set()
        if self.app.view is View.CURRENT and not self.dragging and not presenting:
            self.current_picture = (self.app.map, drawn)

    def patch_map(self, holder: Any, old: Picture | None, drawn: Picture) -> bool:
        """Change on the page only the parts and notes that changed since the last drawing ``old``
        (one edit on a map of 1,000 people: one note parsed instead of 1,000); False when the whole
        picture must be made again (the first drawing, another size or view)."""
        svg = holder.firstElementChild
        if old is None or old.start != drawn.start or not svg or holder.hasAttribute("data-preview"):
            return False
        nodes = svg.querySelector("g.kk-nodes")
        if not nodes or not patch_children(svg, old.parts, drawn.parts, True):  # the notes' group stays
            return False
        patch_keeping_focus(nodes, old.notes, drawn.notes, True, self.stale)
        return True

    def store_preview(self) -> None:
        """Keep the saved map's picture for the next visit's first second (see ``preview``)."""
        entry = self.app.index.entry(self.app.map_id)
        if entry is None:
            return
        m = self.app.session.synced
        if self.current_picture is not None and self.current_picture[0] is m:
            svg = self.current_picture[1].svg
        else:
            svg = render(m, self.app.lang, View.CURRENT, layout(view_map(m, View.CURRENT)))
        text = preview_to_text(Preview(self.app.map_id, entry.updated, self.app.lang, svg))
        if self.app.storage.get(PREVIEW_KEY) == text:
            return
        try:
            self.app.storage.set(PREVIEW_KEY, text)
        except (StorageFull, StorageUnavailable):
            self.app.storage.remove(PREVIEW_KEY)  # a missing picture is fine; a stale one is not

    def refresh_undo_buttons(self) -> None:
        element("kk-undo").disabled = not self.app.session.can_undo
        element("kk-redo").disabled = not self.app.history.can_redo

    def sync_field(self, field: Any, value: str) -> None:
        """Show the map's value in a text field, unless the user is typing in it."""
        if document.activeElement != field and field.value != value:
            field.value = value

    def render_table(self, m: NetworkMap) -> None:
        rows = contact_rows(m, self.app.lang)
        table = element("kk-list")
        old, self.drawn_rows = self.drawn_rows, None
        patch_keeping_focus(table, old, rows, False)  # a row's Edit button keeps the focus when its row is made again
        self.drawn_rows = rows
        count = plural(self.app.lang, "count.people", len(m.contacts)) if m.contacts else t(self.app.lang, "list.empty")
        element("kk-count").textContent = count
