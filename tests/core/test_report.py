from html.parser import HTMLParser

from kenniskring.model import NetworkMap, View
from kenniskring.paper import Paper
from kenniskring.poster import poster_html
from kenniskring.report import actions_html, contact_rows_html, people_choices_html

from .factories import person, sample_map


class Rows(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.buttons: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        if tag == "button":
            self.buttons.append(dict(attrs))

    def handle_data(self, data: str) -> None:
        if self.rows and data.strip():
            self.rows[-1].append(data)


def parsed(html: str) -> Rows:
    rows = Rows()
    rows.feed(html)
    return rows


def test_a_row_per_person_with_the_map_in_words_and_an_edit_button() -> None:
    rows = parsed(contact_rows_html(sample_map(), "nl"))
    assert rows.rows[0] == [
        "Anna de Vries",
        "wekelijks",
        "collega eigen team",
        "professionele kennis, ervaringskennis",
        "Bewerken",
    ]
    assert rows.rows[1][:3] == ["Lector", "minstens maandelijks", "buiten de organisatie (onderzoeker)"]
    assert [b["data-id"] for b in rows.buttons] == ["a", "b", "c"]
    assert rows.buttons[0]["aria-label"] == "Anna de Vries bewerken"


def test_names_stay_text() -> None:
    m = sample_map()
    hostile = person("x", '<img src=x onerror="alert(1)">')
    html = contact_rows_html(type(m)(contacts=(hostile,)), "en")
    assert "<img" not in html
    rows = parsed(html)
    assert rows.rows[0][0] == '<img src=x onerror="alert(1)">'
    assert rows.buttons[0]["aria-label"] == 'Edit <img src=x onerror="alert(1)">'


def test_a_map_without_a_change_is_named_untitled() -> None:
    from kenniskring.report import map_label

    assert map_label("  Hybride leren ", "nl") == "Hybride leren"
    assert map_label("   ", "nl") == "Kaart zonder naam"
    assert map_label("", "en") == "Untitled map"


def test_names_in_an_action_line_are_isolated_for_text_direction() -> None:
    from kenniskring.model import Action, Contact, PersonKind, Ring

    m = NetworkMap(
        contacts=(Contact("a", "\u202eAnna", Ring.WEEKLY, PersonKind.OWN_TEAM),),
        actions=(Action("x", "\u202eBellen", ("a",), "\u202eBo"),),
    )
    html = actions_html(m, "nl")
    assert "<bdi>\u202eAnna</bdi>" in html and "<bdi>\u202eBo</bdi>" in html and "<bdi>\u202eBellen</bdi>" in html
    assert "<bdi>\u202eAnna</bdi>" in people_choices_html(m, "nl")
    assert "<bdi>\u202eBellen</bdi>" in poster_html(m, "nl", "2026-11-24", View.CURRENT, Paper.A4)


def test_each_figure_links_to_its_explanation_when_there_is_a_measures_page() -> None:
    from kenniskring.report import FIGURE_SECTIONS, figures_html

    linked = figures_html(sample_map(), "nl", "../maten/")
    assert linked.count('<a href="../maten/#') == len(FIGURE_SECTIONS)
    assert '<a href="../maten/#bonding-bridging">E-I-index' in linked
    assert "<a " not in figures_html(sample_map(), "nl")  # the offline copy: no page to link to


def test_the_comparison_names_the_changes_with_names_isolated_and_escaped() -> None:
    from kenniskring.changes import compare
    from kenniskring.model import Action
    from kenniskring.report import changes_html
    from kenniskring.values import replace

    before = replace(sample_map(), actions=(Action("a1", "Lector <b>uitnodigen</b>"),))
    anna, lector, leader = before.contacts
    after = replace(
        before, contacts=(anna, lector, person("x", "<script>Bram</script>")), actions=(replace(before.actions[0], done=True),)
    )
    html = changes_html(compare(before, after), "nl", "Start", "Nu")
    assert "<li>Nieuw: <bdi>&lt;script&gt;Bram&lt;/script&gt;</bdi></li>" in html
    assert "<li>Niet meer op de kaart: <bdi>Teamleider</bdi></li>" in html
    assert "Anna de Vries" not in html
    assert '<th scope="col">Start</th><th scope="col">Nu</th>' in html
    assert "<h3>Wat hebben we gedaan?</h3>" in html and "Gedaan: <bdi>Lector &lt;b&gt;uitnodigen&lt;/b&gt;</bdi>" in html
    assert html.count('class="kk-question"') >= 2


def test_the_list_of_maps_shows_people_last_edit_moments_and_the_next_look() -> None:
    from kenniskring.edits import TakeMoment, apply
    from kenniskring.library import read_index, save_map
    from kenniskring.persistence import DictStorage
    from kenniskring.report import maps_html
    from kenniskring.values import replace

    storage = DictStorage()
    m = replace(apply(sample_map(), TakeMoment("m1", "2026-06-01T09:00:00+00:00", "Start")), next_look="2027-03-01")
    save_map(storage, "a1", m, "2026-12-02T10:00:00+00:00")
    html = maps_html(read_index(storage), "", "nl", [])  # read back: the index keeps what the list shows
    assert "3 mensen · gewijzigd 2 december 2026 · 1 moment · volgende keer kijken: 1 maart 2027" in html
