import pytest
from kenniskring.i18n import languages
from kenniskring.model import Action, KnowledgeForm, NetworkMap, PersonKind, Ring
from kenniskring.observations import Observation, compare, number, observe, percent, say, signed, suggest
from kenniskring.values import replace

from .factories import full_map, person, sample_map
from .test_analysis import lopsided


def sentences(m: NetworkMap, lang: str = "nl") -> list[str]:
    return [" ".join(say(o, lang)) for o in observe(m, lang)]


def test_empty_map_gets_one_gentle_observation() -> None:
    assert observe(NetworkMap(), "nl") == [Observation("empty")]
    assert sentences(NetworkMap()) == [
        "Er staat nog niemand op de kaart. Met wie overleg je het vaakst over deze verandering? Begin daar."
    ]


def test_one_person_map_reads_sensibly() -> None:
    text = sentences(NetworkMap(contacts=(person("a", "Sam", ring=Ring.LESS_OFTEN, knowledge=(KnowledgeForm.SCIENTIFIC,)),)))
    assert text[0].startswith("Er staat één persoon op de kaart: Sam.")
    assert any(s.startswith("Wetenschappelijke kennis komt alleen van één persoon (Sam), in de buitenste ring.") for s in text)
    assert not any("kind_single" in s for s in text)


def test_lopsided_map_names_blind_spots_single_sources_and_dominance() -> None:
    text = sentences(lopsided())
    assert (
        "Uit het eigen team: 3 van de 4 mensen (75%); van daarbuiten: 1. De E-I-index is −0,50: het overleg vindt vooral binnen het team plaats."
        in text[0]
    )
    assert any(s.startswith("Niemand op de kaart brengt ervaringskennis.") for s in text)
    assert any(
        s.startswith("Wetenschappelijke kennis komt alleen van één persoon (Persoon r), in de buitenste ring.") for s in text
    )
    assert any(s.startswith("Professionele kennis wordt het vaakst genoemd: 75% van alle keren") for s in text)
    assert any(s.startswith("Er staat niemand op de kaart van elders in de organisatie.") for s in text)
    assert any(
        s.startswith("75% van de mensen spreek je wekelijks over de verandering, 25% minder dan maandelijks.") for s in text
    )
    # every observation ends in a question, never a verdict
    assert all(s.endswith("?") or s.endswith("Begin daar.") for s in text)


def test_wished_contacts_do_not_count_as_the_current_situation() -> None:
    text = " ".join(sentences(full_map()))
    assert "Werkveld zorg" not in text
    assert "Nog geen kennisvorm aangegeven bij 1 van de 3 mensen." in text


@pytest.mark.parametrize("lang", languages())
def test_observations_exist_in_every_language(lang: str) -> None:
    for m in (NetworkMap(), sample_map(), lopsided(), full_map()):
        for obs in observe(m, lang):
            sentence, question = say(obs, lang)
            assert sentence, obs
            assert question.endswith(("?", ".")), question
            assert "{" not in sentence + question


def test_now_versus_desired_figures() -> None:
    rows = {f.key: f for f in compare(full_map(), "nl")}
    assert (rows["people"].now, rows["people"].desired, rows["people"].difference) == ("3", "4", "+1")
    assert (rows["inner_share"].now, rows["inner_share"].desired, rows["inner_share"].difference) == ("33%", "50%", "+17 %-punt")
    assert (rows["ei_index"].now, rows["ei_index"].desired, rows["ei_index"].difference) == ("0,33", "0,50", "+0,17")
    assert rows["forms_reached"].difference == "±0"


def test_figures_of_an_empty_map_are_dashes() -> None:
    rows = {f.key: f for f in compare(NetworkMap(), "en")}
    assert (rows["ei_index"].now, rows["ei_index"].difference) == ("–", "–")
    assert rows["people"].now == "0"


def test_suggestions_follow_from_wishes_moves_and_gaps() -> None:
    texts = [s.text for s in suggest(full_map(), "nl")]
    assert texts[:2] == ["Plan een gesprek met Werkveld zorg", "Spreek Lector vaker over de verandering"]
    assert "Deel de wetenschappelijke kennis van Lector breder in het team" in texts
    gaps = [s.text for s in suggest(lopsided(), "nl")]
    assert "Zoek iemand die ervaringskennis kan inbrengen" in gaps
    assert "Zet een vraag uit bij collega’s elders in de organisatie" in gaps


def test_an_adopted_suggestion_is_not_suggested_again() -> None:
    m = full_map()
    m = replace(m, actions=m.actions + (Action("new", "Plan een gesprek met Werkveld zorg", ("w",)),))
    assert "Plan een gesprek met Werkveld zorg" not in [s.text for s in suggest(m, "nl")]


def test_moving_someone_further_out_is_not_a_suggestion_to_meet_more() -> None:
    m = NetworkMap(contacts=(replace(person("a", "Ali"), desired_ring=Ring.LESS_OFTEN),))
    assert not any("Ali vaker" in s.text for s in suggest(m, "nl"))


def test_number_formats() -> None:
    assert number(0.5, "nl") == "0,50" and number(0.5, "en") == "0.50"
    assert percent(1 / 3, "nl") == "33%"
    assert signed(-0.5, "nl") == "−0,50" and signed(0.25, "en") == "+0.25" and signed(0, "nl") == "±0,00"


def test_a_map_mostly_from_outside_the_team_says_so() -> None:
    contacts = (person("o", kind=PersonKind.OWN_TEAM),) + tuple(person(f"x{i}", kind=PersonKind.OUTSIDE) for i in range(3))
    text = sentences(NetworkMap(contacts=contacts))
    assert text[0].startswith(
        "Uit het eigen team: 1 van de 4 mensen (25%); van daarbuiten: 3. De E-I-index is +0,50: "
        "het overleg gaat vooral over de grenzen van het team heen."
    ), text[0]
