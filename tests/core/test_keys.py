import pytest
from kenniskring.keys import field_has_own_undo, note_key


@pytest.mark.parametrize(
    ("key", "meaning"),
    [("Enter", "open"), (" ", "open"), ("ArrowUp", "inwards"), ("+", "inwards"), ("ArrowDown", "outwards"), ("-", "outwards")],
)
def test_keys_on_a_note(key: str, meaning: str) -> None:
    assert note_key(key) == meaning


def test_other_keys_and_shortcuts_on_a_note_are_the_browsers() -> None:
    assert note_key("Tab") is None and note_key("ArrowLeft") is None and note_key("a") is None
    assert note_key("ArrowUp", ctrl=True) is None and note_key("Enter", alt=True) is None


def test_a_text_field_typed_in_keeps_ctrl_z_for_itself() -> None:
    assert field_has_own_undo("INPUT", "text", "Anna", "")
    assert field_has_own_undo("textarea", "", "meer tekst", "tekst")
    # a field focused by the page (no value seen at focus) is left alone too: nothing of the user's is undone by surprise
    assert field_has_own_undo("input", "text", "", None)


def test_a_field_with_nothing_typed_and_other_controls_give_ctrl_z_to_the_map() -> None:
    assert not field_has_own_undo("INPUT", "text", "", "")  # the name field right after adding a person
    assert not field_has_own_undo("textarea", "", "zelfde", "zelfde")
    for input_type in ("checkbox", "radio", "button", "file"):
        assert not field_has_own_undo("input", input_type, "on", None)
    assert not field_has_own_undo("select", "", "weekly", None)
    assert not field_has_own_undo("button", "", "", None)


def test_p_presents_the_map_and_esc_or_p_leaves() -> None:
    from kenniskring.keys import page_key

    assert page_key("p", ctrl=False, alt=False, in_field=False, presenting=False) == "present"
    assert page_key("P", ctrl=False, alt=False, in_field=False, presenting=True) == "leave"
    assert page_key("Escape", ctrl=False, alt=False, in_field=True, presenting=True) == "leave"
    assert page_key("Escape", ctrl=False, alt=False, in_field=False, presenting=False) is None
    # typing a "p" in a field is typing; Ctrl+P is the browser's print
    assert page_key("p", ctrl=False, alt=False, in_field=True, presenting=False) is None
    assert page_key("p", ctrl=True, alt=False, in_field=False, presenting=False) is None


def test_while_presenting_left_and_right_go_through_the_steps() -> None:
    from kenniskring.keys import page_key

    for key, meaning in (("ArrowLeft", "previous"), ("PageUp", "previous"), ("ArrowRight", "next"), ("PageDown", "next")):
        assert page_key(key, ctrl=False, alt=False, in_field=False, presenting=True) == meaning
        assert page_key(key, ctrl=False, alt=False, in_field=False, presenting=False) is None
        assert page_key(key, ctrl=False, alt=False, in_field=True, presenting=True) is None


def test_the_sites_page_shortcuts_do_not_fire_inside_the_tool() -> None:
    from kenniskring.keys import kept_from_site

    for key in ("p", "n", ",", ".", "s", "f", "/"):
        assert kept_from_site(key, ctrl=False, alt=False, in_tool=True)
        assert not kept_from_site(key, ctrl=False, alt=False, in_tool=False)  # elsewhere on the page: the site's
    assert not kept_from_site("p", ctrl=True, alt=False, in_tool=True)  # Ctrl+P prints
    assert not kept_from_site("ArrowDown", ctrl=False, alt=False, in_tool=True)
    # a key the tool page uses is its own wherever the focus is: "p" with nothing focused presents
    assert kept_from_site("p", ctrl=False, alt=False, in_tool=False, ours=True)
