import pytest
from kenniskring.names import name_key


@pytest.mark.parametrize(
    "variant",
    ["Fatma Yilmaz", "fatma yilmaz", "  Fatma   Yilmaz ", "FATMA YILMAZ", "Fátma Yılmaz", "Fatma\u200b Yilmaz", "Fatma\tYilmaz"],
)
def test_case_spacing_accents_and_invisible_marks_are_the_same_person(variant: str) -> None:
    assert name_key(variant) == "fatma yilmaz"


@pytest.mark.parametrize(("a", "b"), [("Anna de Vries", "Anne de Vries"), ("Jan", "Jans"), ("Lector", "Lector 2")])
def test_other_letters_are_another_person(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_letters_without_a_decomposition_are_folded_too() -> None:
    assert name_key("Søren Łukasz Straße") == "soren lukasz strasse"
