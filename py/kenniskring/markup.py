"""The tool's HTML, made at build time from the translation catalogue (so no UI text is in code).

The page shows the whole tool at once, disabled, with a loading notice; the browser shell enables
it when Python is ready. Panels carry ``data-steps``: the shell shows those of the current step.
Pure string building: every text is escaped.
"""

from __future__ import annotations

from html import escape

from .i18n import N_, t
from .labels import KIND, KNOWLEDGE, KNOWLEDGE_LETTER, PERSONAL, QUESTION, RING, ROLE, VIEW, voiced
from .labels import STEPS as STEP_TEXTS
from .model import (
    CLOSING_QUESTIONS,
    KNOWLEDGE_FORMS,
    REFLECTION_QUESTIONS,
    RINGS,
    OutsideRole,
    PersonKind,
    Perspective,
    Question,
    View,
)

STEPS = len(STEP_TEXTS)


def _radio_group(
    lang: str,
    name: str,
    legend_key: str,
    options: list[tuple[str, str]],
    checked: str,
    extra: str = "",
    hint_key: str = "",
    with_error: bool = False,
) -> str:
    """Radio buttons in a fieldset; ``checked`` "" leaves all unchosen. With a hint and a place for
    an error (``{name}-hint``, ``{name}-error``), and then an id (``{name}-group``) to mark it invalid."""
    items = "".join(
        f'<label class="kk-choice"><input type="radio" name="{name}" value="{value}"'
        f"{' checked' if value == checked else ''}> {escape(label)}</label>"
        for value, label in options
    )
    said = [f"{name}-hint"] if hint_key else []
    said += [f"{name}-error"] if with_error else []
    attrs = f' id="{name}-group" aria-describedby="{" ".join(said)}"' if said else ""
    hint = f'<p id="{name}-hint" class="kk-hint">{escape(t(lang, hint_key))}</p>' if hint_key else ""
    error = f'<p id="{name}-error" class="kk-field-error"></p>' if with_error else ""
    legend = f"<legend{_voices(lang, legend_key)}>{escape(t(lang, legend_key))}</legend>"
    return f'<fieldset class="kk-group{extra}"{attrs}>{legend}{hint}{items}{error}</fieldset>'


def _voices(lang: str, key: str) -> str:
    """For a text that speaks as the team (``labels.PERSONAL``): both wordings as data attributes,
    team and personal, from which the page takes the map's (shell_draw.speak)."""
    if key not in PERSONAL:
        return ""
    return "".join(
        f' data-{name}="{escape(t(lang, voiced(key, p)))}"'
        for name, p in (("team", Perspective.TEAM), ("personal", Perspective.PERSONAL))
    )


def _research(lang: str) -> str:
    """ "Download for research": which maps, which format, anonymised unless the user unticks it."""

    def e(key: str) -> str:
        return escape(t(lang, key))

    scopes = [("this", t(lang, "research.scope.this")), ("all", t(lang, "research.scope.all"))]
    scope = _radio_group(lang, "kk-research-scope", N_("research.scope"), scopes, "this")
    formats = [("egor", t(lang, "research.format.egor")), ("graphml", t(lang, "research.format.graphml"))]
    return f"""<details class="kk-research" aria-labelledby="kk-research-title">
        <summary id="kk-research-title">{e("research.title")}</summary>
        <p class="kk-hint">{e("research.hint")}</p>
        {scope}{_radio_group(lang, "kk-research-format", N_("research.format"), formats, "egor")}
        <label class="kk-choice"><input type="checkbox" id="kk-research-anonymise" checked
          aria-describedby="kk-research-anonymise-hint"> {e("research.anonymise")}</label>
        <p id="kk-research-anonymise-hint" class="kk-hint">{e("research.anonymise.hint")}</p>
        <div class="kk-buttons"><button type="button" id="kk-research-download" class="md-button" disabled>{e("research.download")}</button></div>
      </details>"""


def _team(lang: str) -> str:
    """ "Make a team map": members' maps from this browser or from files, the ring rule, the doubts."""

    def e(key: str) -> str:
        return escape(t(lang, key))

    rules = [("closest", t(lang, "team.rule.closest.label")), ("most_named", t(lang, "team.rule.most_named.label"))]
    return f"""<details class="kk-research" id="kk-team" aria-labelledby="kk-team-title">
        <summary id="kk-team-title">{e("team.title")}</summary>
        <p class="kk-hint">{e("team.hint")}</p>
        <fieldset class="kk-group"><legend>{e("team.maps")}</legend><div id="kk-team-maps"></div></fieldset>
        <div class="kk-buttons"><button type="button" id="kk-team-files-button" class="md-button" disabled>{e("team.files")}</button></div>
        <input type="file" id="kk-team-files" accept=".json,.svg,application/json,image/svg+xml" multiple hidden>
        <ul id="kk-team-files-list" class="kk-maplist"></ul>
        {_radio_group(lang, "kk-team-rule", N_("team.rule"), rules, "closest")}
        <div id="kk-team-check"></div>
        <div class="kk-buttons"><button type="button" id="kk-team-make" class="md-button md-button--primary" disabled>{e("team.make")}</button></div>
      </details>"""


def _stepper(lang: str) -> str:
    items = "".join(
        f'<li><button type="button" class="kk-step" data-step="{n}" '
        f'data-title="{escape(t(lang, title))}" data-text="{escape(t(lang, text))}"'
        f' data-text-personal="{escape(t(lang, voiced(text, Perspective.PERSONAL)))}">'
        f'<span class="kk-step-number" aria-hidden="true">{n}</span> {escape(t(lang, title))}</button></li>'
        for n, (title, text) in enumerate(STEP_TEXTS[:STEPS], start=1)
    )
    return f'<nav class="kk-steps" aria-label="{escape(t(lang, "steps.label"))}"><ol>{items}</ol></nav>'


def _question(lang: str, q: Question) -> str:
    key = QUESTION[q]
    text = t(lang, key)
    return (
        f'<fieldset class="kk-group kk-question-block"><legend{_voices(lang, key)}>{escape(text)}</legend>'
        + "".join(
            f'<label for="kk-q-{q.value}-{side}">{escape(t(lang, label))}</label>'
            f'<textarea id="kk-q-{q.value}-{side}" data-question="{q.value}" data-side="{side}" rows="2" maxlength="4000" '
            f'aria-label="{escape(t(lang, label_for, question=text))}"{_label_voices(lang, key, label_for)}></textarea>'
            for side, label, label_for in (
                ("current", N_("reflection.now"), N_("reflection.now.label")),
                ("desired", N_("reflection.desired"), N_("reflection.desired.label")),
            )
        )
        + "</fieldset>"
    )


def _dialog(
    lang: str,
    name: str,
    title_key: str,
    buttons: tuple[tuple[str, str, str], ...],
    focus: str,
    text_attrs: str = "",
    dialog_id: str = "",
) -> str:
    """A question in a modal ``<dialog>``: a title, a text the shell fills in (``{name}-text``) and
    buttons (``{name}-{suffix}``: message id, extra class); ``focus`` is the button that has the
    focus when it opens (the safe choice)."""
    items = "".join(
        f'<button type="button" id="{name}-{suffix}" class="md-button{" " + extra if extra else ""}"'
        f"{' autofocus' if suffix == focus else ''}>{escape(t(lang, key))}</button>"
        for suffix, key, extra in buttons
    )
    return (
        f'<dialog id="{dialog_id or name}" class="kk-dialog" aria-labelledby="{name}-title" aria-describedby="{name}-text">'
        f'<h2 id="{name}-title">{escape(t(lang, title_key))}</h2><p id="{name}-text"{text_attrs}></p>'
        f'<div class="kk-buttons">{items}</div></dialog>'
    )


def _label_voices(lang: str, question: str, label: str) -> str:
    """A reflection field's label ("… – nu") in both wordings of its question, as ``_voices``."""
    if question not in PERSONAL:
        return ""
    return "".join(
        f' data-label-{name}="{escape(t(lang, label, question=t(lang, voiced(question, p))))}"'
        for name, p in (("team", Perspective.TEAM), ("personal", Perspective.PERSONAL))
    )


def tool_markup(lang: str, example_url: str = "", measures_url: str = "") -> str:
    """The tool's controls and panels. ``measures_url``: the page that explains the figures, which
    each figure links to (the offline copy, a single file, has no such page: no links)."""

    def e(key: str) -> str:
        return escape(t(lang, key))

    # Nothing is chosen for someone new: a ring must be chosen, who they are may wait for step 3.
    rings = _radio_group(lang, "kk-ring", N_("form.ring"), [(r.value, t(lang, RING[r])) for r in RINGS], "", with_error=True)
    kinds = _radio_group(
        lang,
        "kk-kind",
        N_("form.kind"),
        [(k.value, t(lang, KIND[k])) for k in PersonKind],
        "",
        " kk-kind-group",
        hint_key=N_("form.kind.hint"),
    )
    roles = '<option value="">—</option>' + "".join(f'<option value="{r.value}">{e(ROLE[r])}</option>' for r in OutsideRole)
    desired = f'<option value="">{e("form.desired.same")}</option>' + "".join(
        f'<option value="{r.value}">{e(RING[r])}</option>' for r in RINGS
    )
    knowledge = "".join(
        f'<label class="kk-choice"><input type="checkbox" name="kk-knowledge" value="{k.value}"> '
        f'<span class="kk-chip kk-chip-{k.value}" aria-hidden="true">'
        f"{e(KNOWLEDGE_LETTER[k])}</span> {e(KNOWLEDGE[k])}</label>"
        for k in KNOWLEDGE_FORMS
    )
    views = _radio_group(
        lang, "kk-view", N_("view.legend"), [(v.value, t(lang, VIEW[v])) for v in View], View.CURRENT.value, " kk-inline"
    )
    perspective = _radio_group(
        lang,
        "kk-perspective",
        N_("perspective.legend"),
        [("team", t(lang, "perspective.team")), ("personal", t(lang, "perspective.personal"))],
        "team",
        " kk-inline",
    )
    return f"""
<div id="kk-app" class="kk-app" data-state="loading" data-step="1" data-example="{escape(example_url)}">
  <div id="kk-loading" class="kk-loading" role="status">
    <progress aria-label="{e("loading")}"></progress> <span>{e("loading")}</span>
  </div>
  <details id="kk-maps" class="kk-maps">
    <summary id="kk-maps-summary" data-template="{e("maps.summary")}">{e("maps.title")}</summary>
    <div class="kk-maps-body">
      <div id="kk-maplist"></div>
      <p id="kk-storage-use" class="kk-hint" aria-live="polite"></p>
      <p class="kk-hint">{e("maps.rename.hint")}</p>
      <div class="kk-buttons">
        <button type="button" id="kk-new-map" class="md-button" disabled>{e("maps.new")}</button>
        <button type="button" id="kk-backup" class="md-button" disabled>{e("maps.backup")}</button>
        <button type="button" id="kk-restore-button" class="md-button" disabled>{e("maps.restore")}</button>
        <input type="file" id="kk-restore" accept=".json,application/json" hidden>
      </div>
      <p id="kk-undelete-row" class="kk-status" hidden><span id="kk-undelete-text"></span>
        <button type="button" id="kk-undelete" class="md-button kk-small">{e("maps.undelete")}</button></p>
      {_team(lang)}
      {_research(lang)}
    </div>
  </details>
  {_dialog(lang, "kk-confirm", N_("maps.confirm.title"), (("yes", N_("maps.confirm.yes"), "kk-danger"), ("no", N_("maps.confirm.no"), "md-button--primary")), "no", f' data-template="{e("maps.confirm.text")}"')}
  {_dialog(lang, "kk-open", N_("open.choice.title"), (("copy", N_("open.copy"), "md-button--primary"), ("replace", N_("open.replace"), "kk-danger"), ("cancel", N_("open.cancel"), "")), "copy", dialog_id="kk-open-choice")}
  {_dialog(lang, "kk-paper", N_("paper.title"), (("a3", N_("paper.a3"), "md-button--primary"), ("a4", N_("paper.a4"), ""), ("cancel", N_("paper.cancel"), "")), "a3")}
  {_stepper(lang)}
  <div class="kk-step-intro">
    <h2 id="kk-step-title" tabindex="-1">{escape(t(lang, "steps.current", n=1, title=t(lang, STEP_TEXTS[0][0])))}</h2>
    <p id="kk-step-text">{e(STEP_TEXTS[0][1])}</p>
  </div>
  <div class="kk-toolbar" role="toolbar" aria-label="{e("toolbar.label")}">
    <button type="button" id="kk-undo" class="md-button" disabled>{e("undo")}</button>
    <button type="button" id="kk-redo" class="md-button" disabled>{e("redo")}</button>
    <details class="kk-menu" id="kk-downloads">
      <summary class="md-button">{e("downloads")}</summary>
      <div class="kk-menu-items">
        <button type="button" id="kk-export" class="md-button" disabled>{e("export.json")}</button>
        <button type="button" id="kk-export-svg" class="md-button" disabled>{e("export.svg")}</button>
        <button type="button" id="kk-export-png" class="md-button" disabled>{e("export.png")}</button>
        <button type="button" id="kk-print-button" class="md-button" disabled>{e("print")}</button>
        <button type="button" id="kk-print-a3" class="md-button" disabled>{e("print.a3")}</button>
      </div>
    </details>
    <button type="button" id="kk-import-button" class="md-button" disabled>{e("import.any")}</button>
    <button type="button" id="kk-present" class="md-button" aria-keyshortcuts="P" disabled>{e("present")}</button>
    <button type="button" id="kk-projector" class="md-button" aria-pressed="false" disabled>{e("projector")}</button>
    <input type="file" id="kk-import" accept=".json,.svg,application/json,image/svg+xml" hidden>
  </div>
  <p class="kk-hint">{e("shortcut.hint")}</p>
  <div id="kk-error" class="kk-error" role="alert"></div>
  <div id="kk-storage-banner" class="kk-error" hidden>
    <p id="kk-storage-text"></p>
    <button type="button" id="kk-storage-download" class="md-button">{e("storage.download")}</button>
  </div>
  <div id="kk-newer-banner" class="kk-error" role="alert" hidden>
    <p id="kk-newer-text">{e("newer.text")}</p>
    <button type="button" id="kk-newer-reload" class="md-button">{e("newer.reload")}</button>
  </div>
  <div id="kk-status" class="kk-status" role="status" aria-live="polite"></div>
  <div id="kk-present-bar" class="kk-present-bar" role="toolbar" aria-label="{e("present.bar")}" hidden>
    <button type="button" id="kk-present-prev" class="md-button" aria-keyshortcuts="ArrowLeft PageUp">{e("steps.previous")}</button>
    <button type="button" id="kk-present-next" class="md-button md-button--primary" aria-keyshortcuts="ArrowRight PageDown">{e("steps.next")}</button>
    <button type="button" id="kk-present-undo" class="md-button" aria-keyshortcuts="Control+Z">{e("undo")}</button>
    <button type="button" id="kk-present-leave" class="md-button" aria-keyshortcuts="Escape">{e("present.leave")}</button>
    <p class="kk-hint">{e("present.hint")}</p>
    <div id="kk-present-legend" class="kk-present-legend"></div>
  </div>
  <div class="kk-workspace">
    <div class="kk-map-column">
      {views}
      <div id="kk-map" class="kk-map-holder"></div>
      <p class="kk-hint"{_voices(lang, "map.drag.hint")}>{e("map.drag.hint")}</p>
      <section class="kk-people">
        <h2 id="kk-list-title">{e("list.title")}</h2>
        <p id="kk-count" class="kk-hint"></p>
        <div class="kk-table-scroll" tabindex="0" role="region" aria-labelledby="kk-list-title"><table class="kk-table">
          <caption class="kk-visually-hidden">{e("table.caption")}</caption>
          <thead><tr><th scope="col">{e("table.name")}</th><th scope="col">{e("table.ring")}</th>
            <th scope="col">{e("table.kind")}</th><th scope="col">{e("table.knowledge")}</th>
            <th scope="col"><span class="kk-visually-hidden">{e("table.actions")}</span></th></tr></thead>
          <tbody id="kk-list"></tbody>
        </table></div>
      </section>
    </div>
    <div class="kk-side">
      <section class="kk-panel" data-steps="1" aria-labelledby="kk-question">
        <h2 id="kk-question" data-team="{e("question.team")}" data-personal="{e("question.personal")}">{e("question.team")}</h2>
        <div class="kk-field">
          <label for="kk-change">{e("change.label")}</label>
          <input id="kk-change" type="text" maxlength="200" autocomplete="off" placeholder="{e("change.placeholder")}" disabled>
        </div>
        {perspective}
      </section>
      <section class="kk-panel" data-steps="5" hidden aria-labelledby="kk-reflect-title">
        <h2 id="kk-reflect-title">{e("reflect.observations")}</h2>
        <p class="kk-hint">{e("reflect.observations.hint")}</p>
        <div id="kk-observations"></div>
        <details class="kk-details">
          <summary>{e("reflect.figures")}</summary>
          <div id="kk-figures" data-measures="{escape(measures_url)}"></div>
          <p class="kk-hint">{e("fig.proxy")}</p>
        </details>
        <h2>{e("reflect.desired.title")}</h2>
        <p>{e("reflect.desired.text")}</p>
        <button type="button" id="kk-add-wished" class="md-button" disabled>{e("reflect.add_wished")}</button>
        <h2>{e("reflect.questions")}</h2>
        {"".join(_question(lang, q) for q in REFLECTION_QUESTIONS)}
        <h2>{e("reflect.closing")}</h2>
        {"".join(_question(lang, q) for q in CLOSING_QUESTIONS)}
        <p id="kk-answer-error" class="kk-field-error"></p>
      </section>
      <section class="kk-panel" data-steps="3" hidden aria-labelledby="kk-pass-kinds-title">
        <h2 id="kk-pass-kinds-title">{e("pass.kinds.title")}</h2>
        <p class="kk-hint">{e("pass.kinds.hint")}</p>
        <div id="kk-pass-kinds"></div>
      </section>
      <section class="kk-panel" data-steps="4" hidden aria-labelledby="kk-pass-knowledge-title">
        <h2 id="kk-pass-knowledge-title">{e("pass.knowledge.title")}</h2>
        <p class="kk-hint">{e("pass.knowledge.hint")}</p>
        <div id="kk-pass-knowledge"></div>
      </section>
      <section class="kk-panel" data-steps="2 3 4 5" hidden>
      <form id="kk-form" class="kk-form" novalidate data-add="{e("form.add.title")}" data-edit="{e("form.edit.title")}"
            data-submit-add="{e("form.submit.add")}" data-submit-save="{e("form.submit.save")}">
        <h2 id="kk-form-title">{e("form.add.title")}</h2>
        <fieldset id="kk-form-fields" class="kk-plain" disabled>
          <div class="kk-field">
            <label for="kk-name">{e("form.name")}</label>
            <input id="kk-name" name="name" type="text" maxlength="80" autocomplete="off" aria-describedby="kk-name-hint kk-name-error">
            <p id="kk-name-hint" class="kk-hint">{e("form.name.hint")}</p>
            <p id="kk-name-error" class="kk-field-error"></p>
          </div>
          {rings}
          {kinds}
          <div class="kk-field" id="kk-role-field" hidden>
            <label for="kk-role">{e("form.role")}</label>
            <select id="kk-role" name="role">{roles}</select>
          </div>
          <fieldset class="kk-group kk-knowledge-group" aria-describedby="kk-knowledge-hint">
            <legend>{e("form.knowledge")}</legend>
            <p id="kk-knowledge-hint" class="kk-hint">{e("form.knowledge.hint")}</p>
            {knowledge}
          </fieldset>
          <fieldset class="kk-group kk-desired-only">
            <legend>{e("form.desired.legend")}</legend>
            <div class="kk-field">
              <label for="kk-desired">{e("form.desired")}</label>
              <select id="kk-desired" name="desired">{desired}</select>
            </div>
            <label class="kk-choice"><input type="checkbox" id="kk-wished" aria-describedby="kk-wished-hint"> <span{_voices(lang, "form.wished")}>{e("form.wished")}</span></label>
            <p id="kk-wished-hint" class="kk-hint">{e("form.wished.hint")}</p>
          </fieldset>
          <div class="kk-field">
            <label for="kk-note">{e("form.note")}</label>
            <textarea id="kk-note" name="note" rows="2" maxlength="2000" aria-describedby="kk-note-error"></textarea>
            <p id="kk-note-error" class="kk-field-error"></p>
          </div>
          <div class="kk-buttons">
            <button type="submit" id="kk-submit" class="md-button md-button--primary">{e("form.submit.add")}</button>
            <button type="button" id="kk-cancel" class="md-button" hidden>{e("form.cancel")}</button>
            <button type="button" id="kk-delete" class="md-button kk-danger" hidden>{e("form.delete")}</button>
          </div>
        </fieldset>
      </form>
      </section>
      <section class="kk-panel" data-steps="6" hidden aria-labelledby="kk-actions-title">
        <h2 id="kk-actions-title"{_voices(lang, "actions.question")}>{e("actions.question")}</h2>
        <h3>{e("actions.suggestions")}</h3>
        <div id="kk-suggestions"></div>
        <form id="kk-action-form" class="kk-form" novalidate data-add="{e("actions.form.add")}" data-save="{e("actions.form.save")}">
          <fieldset id="kk-action-fields" class="kk-plain" disabled>
            <div class="kk-field">
              <label for="kk-action-text">{e("actions.text")}</label>
              <input id="kk-action-text" type="text" maxlength="300" autocomplete="off" aria-describedby="kk-action_text-error">
              <p id="kk-action_text-error" class="kk-field-error"></p>
            </div>
            <fieldset class="kk-group kk-people-choices"><legend>{e("actions.people")}</legend><div id="kk-action-people"></div></fieldset>
            <div class="kk-field">
              <label for="kk-action-owner">{e("actions.owner")}</label>
              <input id="kk-action-owner" type="text" maxlength="80" autocomplete="off" aria-describedby="kk-owner-error">
              <p id="kk-owner-error" class="kk-field-error"></p>
            </div>
            <div class="kk-field">
              <label for="kk-action-due">{e("actions.due")}</label>
              <input id="kk-action-due" type="date" aria-describedby="kk-due-error">
              <p id="kk-due-error" class="kk-field-error"></p>
            </div>
            <div class="kk-buttons">
              <button type="submit" id="kk-action-submit" class="md-button md-button--primary">{e("actions.form.add")}</button>
              <button type="button" id="kk-action-cancel" class="md-button" hidden>{e("form.cancel")}</button>
            </div>
          </fieldset>
        </form>
        <h3>{e("actions.title")}</h3>
        <div id="kk-actions"></div>
        <p class="kk-hint">{e("print.hint")}</p>
      </section>
      <section class="kk-panel" data-steps="6" hidden aria-labelledby="kk-moments-title">
        <h2 id="kk-moments-title">{e("moments.title")}</h2>
        <p class="kk-hint">{e("moments.hint")}</p>
        <div class="kk-field">
          <label for="kk-moment-label">{e("moments.label")}</label>
          <input id="kk-moment-label" type="text" maxlength="80" autocomplete="off" placeholder="{e("moments.label.example")}" disabled>
        </div>
        <div class="kk-buttons"><button type="button" id="kk-moment-take" class="md-button md-button--primary" disabled>{e("moments.take")}</button></div>
        <div class="kk-field">
          <label for="kk-next-look"{_voices(lang, "moments.next_look")}>{e("moments.next_look")}</label>
          <input id="kk-next-look" type="date" aria-describedby="kk-next-look-error" disabled>
          <p id="kk-next-look-error" class="kk-field-error"></p>
        </div>
        <div id="kk-moments"></div>
        <fieldset class="kk-group kk-inline" id="kk-compare-fields" disabled>
          <legend>{e("moments.compare")}</legend>
          <label for="kk-compare-from">{e("moments.compare.from")}</label> <select id="kk-compare-from"></select>
          <label for="kk-compare-to">{e("moments.compare.to")}</label> <select id="kk-compare-to"></select>
          <button type="button" id="kk-compare" class="md-button">{e("moments.compare.button")}</button>
        </fieldset>
        <div id="kk-comparison"></div>
      </section>
      <div class="kk-step-buttons">
        <button type="button" id="kk-prev" class="md-button" disabled>{e("steps.previous")}</button>
        <button type="button" id="kk-next" class="md-button md-button--primary" disabled>{e("steps.next")}</button>
      </div>
    </div>
  </div>
  <section id="kk-print" class="kk-print"></section>
</div>
"""


def update_banner(lang: str) -> str:
    """Shown by assets/offline.js when a new version of the site is ready to take over."""
    return (
        f'<div id="kk-update" class="kk-update" role="status" hidden><span>{escape(t(lang, "update.available"))}</span> '
        f'<button type="button" class="md-button md-button--primary">{escape(t(lang, "update.reload"))}</button></div>'
    )


def offline_header(lang: str, other: str) -> str:
    """The top of the offline copy (one HTML file): what it is, where the data stays, the example, the language."""
    return (
        f'<header class="kk-offline-header"><h1>{escape(t(lang, "offline.title"))}</h1>'
        f"<p>{escape(t(lang, 'offline.intro'))}</p>"
        f'<p class="kk-offline-links"><a href="?{"voorbeeld" if lang == "nl" else "example"}">{escape(t(lang, "offline.example"))}</a> '
        f'<button type="button" id="kk-offline-language" class="md-button" data-language="{other}" lang="{other}" '
        f'aria-label="{escape(t(lang, "offline.language.label"))}">{escape(t(lang, "offline.language"))}</button></p>'
        "</header>"
    )


def offline_download_link(lang: str, href: str, size_mb: str) -> str:
    """The site's link to the offline copy; ``download`` makes the browser save it rather than open it."""
    text = escape(t(lang, "offline.download", size=size_mb))
    return f'<p><a class="md-button kk-download" href="{escape(href)}" download>{text}</a></p>'
