"""The tool's HTML, made at build time from the translation catalogue (so no UI text is in code).

The page shows the whole form at once, disabled, with a loading notice; the browser shell
enables it when Python is ready. Pure string building: every text is escaped.
"""

from __future__ import annotations

from html import escape

from .i18n import t
from .model import KNOWLEDGE_FORMS, RINGS, OutsideRole, PersonKind


def _radio_group(lang: str, name: str, legend_key: str, options: list[tuple[str, str]], checked: str) -> str:
    items = "".join(
        f'<label class="kk-choice"><input type="radio" name="{name}" value="{value}"'
        f"{' checked' if value == checked else ''}> {escape(label)}</label>"
        for value, label in options
    )
    return f'<fieldset class="kk-group"><legend>{escape(t(lang, legend_key))}</legend>{items}</fieldset>'


def tool_markup(lang: str) -> str:
    def e(key: str) -> str:
        return escape(t(lang, key))

    rings = _radio_group(lang, "kk-ring", "form.ring", [(r.value, t(lang, f"ring.{r.value}")) for r in RINGS], RINGS[0].value)
    kinds = _radio_group(
        lang, "kk-kind", "form.kind", [(k.value, t(lang, f"kind.{k.value}")) for k in PersonKind], PersonKind.OWN_TEAM.value
    )
    roles = '<option value="">—</option>' + "".join(
        f'<option value="{r.value}">{e(f"role.{r.value}")}</option>' for r in OutsideRole
    )
    knowledge = "".join(
        f'<label class="kk-choice"><input type="checkbox" name="kk-knowledge" value="{k.value}"> '
        f'<span class="kk-chip kk-chip-{k.value}" aria-hidden="true">'
        f"{e(f'knowledge.{k.value}.letter')}</span> {e(f'knowledge.{k.value}')}</label>"
        for k in KNOWLEDGE_FORMS
    )
    return f"""
<div id="kk-app" class="kk-app" data-state="loading" aria-label="{e("app.label")}">
  <div id="kk-loading" class="kk-loading" role="status">
    <progress aria-label="{e("loading")}"></progress> <span>{e("loading")}</span>
  </div>
  <section class="kk-setup">
    <h2 id="kk-question" data-team="{e("question.team")}" data-personal="{e("question.personal")}">{e("question.team")}</h2>
    <div class="kk-field">
      <label for="kk-change">{e("change.label")}</label>
      <input id="kk-change" type="text" maxlength="200" autocomplete="off" placeholder="{e("change.placeholder")}" disabled>
    </div>
    {_radio_group(lang, "kk-perspective", "perspective.legend", [("team", t(lang, "perspective.team")), ("personal", t(lang, "perspective.personal"))], "team")}
  </section>
  <div class="kk-toolbar" role="toolbar" aria-label="{e("toolbar.label")}">
    <button type="button" id="kk-undo" class="md-button" disabled>{e("undo")}</button>
    <button type="button" id="kk-redo" class="md-button" disabled>{e("redo")}</button>
    <button type="button" id="kk-export" class="md-button" disabled>{e("export.json")}</button>
    <button type="button" id="kk-import-button" class="md-button" disabled>{e("import.json")}</button>
    <input type="file" id="kk-import" accept=".json,application/json" hidden>
  </div>
  <p class="kk-hint">{e("shortcut.hint")}</p>
  <div id="kk-error" class="kk-error" role="alert"></div>
  <div id="kk-status" class="kk-status" role="status" aria-live="polite"></div>
  <div class="kk-workspace">
    <div class="kk-map-column">
      <div id="kk-map" class="kk-map-holder"></div>
      <p class="kk-hint">{e("map.drag.hint")}</p>
      <section class="kk-people" aria-labelledby="kk-list-title">
        <h2 id="kk-list-title">{e("list.title")}</h2>
        <p id="kk-count" class="kk-hint"></p>
        <table class="kk-table">
          <caption class="kk-visually-hidden">{e("table.caption")}</caption>
          <thead><tr><th scope="col">{e("table.name")}</th><th scope="col">{e("table.ring")}</th>
            <th scope="col">{e("table.kind")}</th><th scope="col">{e("table.knowledge")}</th>
            <th scope="col"><span class="kk-visually-hidden">{e("table.actions")}</span></th></tr></thead>
          <tbody id="kk-list"></tbody>
        </table>
      </section>
    </div>
    <div class="kk-side">
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
          <fieldset class="kk-group" aria-describedby="kk-knowledge-hint">
            <legend>{e("form.knowledge")}</legend>
            <p id="kk-knowledge-hint" class="kk-hint">{e("form.knowledge.hint")}</p>
            {knowledge}
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
    </div>
  </div>
</div>
"""
