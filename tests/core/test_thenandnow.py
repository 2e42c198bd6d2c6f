"""The "then and now" page to print: every observation of the change and every earlier action is on it."""

from __future__ import annotations

from html import unescape

from kenniskring.changepicture import change_picture
from kenniskring.changes import compare
from kenniskring.model import Action
from kenniskring.observations import describe_actions, describe_changes, observe_changes, say
from kenniskring.thenandnow import then_and_now_html
from kenniskring.values import replace

from tests.core.test_changepicture import two_moments


def page(lang: str) -> tuple[str, object]:
    before, after = two_moments()
    before = replace(
        before,
        actions=(
            Action("x1", "Plan een gesprek met de lector"),
            Action("x2", "Nodig <de coach> uit", done=False),
            Action("x3", "Vraag het werkveld"),
        ),
    )
    after = replace(
        after, actions=(Action("x1", "Plan een gesprek met de lector", done=True), Action("x2", "Nodig <de coach> uit"))
    )
    changes = compare(before, after)
    picture = change_picture(before, after, lang, "Start", "Nu", prefix="kkcp")
    return then_and_now_html(after, changes, lang, "Start", "Nu", "2026-12-02", picture), changes


def plain(html: str) -> str:
    return unescape(html).replace("<bdi>", "\u2068").replace("</bdi>", "\u2069")


def test_every_observation_of_the_change_and_its_question_is_on_the_page() -> None:
    for lang in ("nl", "en"):
        html, changes = page(lang)
        found = observe_changes(changes)  # type: ignore[arg-type]
        assert found
        for sentence, question in (say(o, lang) for o in found):
            assert sentence in plain(html) and question in plain(html)


def test_every_earlier_action_is_there_done_open_or_dropped() -> None:
    html, changes = page("nl")
    lines = describe_actions(changes, "nl")  # type: ignore[arg-type]
    assert len(lines) == 3
    for line in lines:
        assert line in plain(html)
    assert "Wat hebben we gedaan?" in html
    assert "Gedaan: \u2068Plan een gesprek met de lector\u2069" in plain(html)
    assert "Niet meer op de lijst: \u2068Vraag het werkveld\u2069" in plain(html)
    assert "<de coach>" not in html  # user text escaped


def test_the_page_has_the_picture_the_changes_and_the_figures_side_by_side() -> None:
    html, changes = page("nl")
    assert html.startswith('<article class="kk-then-now">')
    assert "Toen en nu: Netwerkkaart: Flexibel en hybride leren" in plain(html)
    assert "Start → Nu · afgedrukt op 2 december 2026" in plain(html)
    assert html.count("<svg") == 1 and 'class="kk-change-picture"' in html
    for line in describe_changes(changes, "nl"):  # type: ignore[arg-type]
        assert line in plain(html)
    assert "<caption>Kerncijfers: Start en Nu</caption>" in html
    assert '<th scope="col">Start</th><th scope="col">Nu</th>' in html


def test_without_earlier_actions_there_is_no_empty_heading() -> None:
    before, after = two_moments()
    html = then_and_now_html(after, compare(before, after), "en", "Then", "Now", "2026-12-02", "")
    assert "What did we do?" not in html and "<h2>What changed?" not in html
