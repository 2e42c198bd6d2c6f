"""``@frozen`` behaves as ``dataclass(frozen=True)`` does, class by class and call by call."""

from __future__ import annotations

import dataclasses
import re
from typing import Any, ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st
from kenniskring import values
from kenniskring.values import FrozenError, field, field_names, frozen, replace

# A class's fields: how many have no default, how many a plain default, how many a factory.
specs = st.tuples(st.integers(0, 3), st.integers(0, 3), st.integers(0, 2))
# A call: positional values, and keyword names (from the fields and one that is none) with values.
calls = st.tuples(
    st.lists(st.integers(-3, 3), max_size=9),
    st.dictionaries(st.sampled_from([f"f{i}" for i in range(9)] + ["nope"]), st.integers(-3, 3), max_size=9),
)


def twin_classes(required: int, plain: int, made: int) -> tuple[type, type]:
    """The same class twice: once as a dataclass(frozen=True), once as a value class."""

    def body(make_field: Any) -> dict[str, Any]:
        names = [f"f{i}" for i in range(required + plain + made)]
        ns: dict[str, Any] = {"__annotations__": dict.fromkeys(names, "int | tuple[int, ...]"), "__qualname__": "Twin"}
        for i, name in enumerate(names):
            if required <= i < required + plain:
                ns[name] = i * 10
            elif i >= required + plain:
                ns[name] = make_field(default_factory=tuple)
        return ns

    return (
        dataclasses.dataclass(frozen=True)(type("Twin", (), body(dataclasses.field))),
        frozen(type("Twin", (), body(field))),
    )


def outcome(cls: type, args: list[int], kwargs: dict[str, int]) -> tuple[str, Any]:
    try:
        made = cls(*args, **kwargs)
    except TypeError:
        return ("TypeError", None)
    return ("made", {name: getattr(made, name) for name in (f"f{i}" for i in range(9)) if hasattr(made, name)})


@given(specs, calls)
def test_a_call_makes_what_the_dataclass_makes_or_fails_as_it_does(
    spec: tuple[int, int, int], call: tuple[list[int], dict[str, int]]
) -> None:
    twin_dataclass, twin_value = twin_classes(*spec)
    args, kwargs = call
    assert outcome(twin_value, args, kwargs) == outcome(twin_dataclass, args, kwargs)


@given(specs, st.lists(st.integers(-3, 3), min_size=6, max_size=6), st.lists(st.integers(-3, 3), min_size=6, max_size=6))
def test_equality_hash_repr_and_replace_follow_the_dataclass(spec: tuple[int, int, int], a: list[int], b: list[int]) -> None:
    twin_dataclass, twin_value = twin_classes(*spec)
    n = sum(spec)
    d1, d2 = twin_dataclass(*a[:n]), twin_dataclass(*b[:n])
    v1, v2 = twin_value(*a[:n]), twin_value(*b[:n])
    assert (v1 == v2) == (d1 == d2)
    assert (v1 != v2) == (d1 != d2)
    if v1 == v2:
        assert hash(v1) == hash(v2)
    assert len({v1, v2}) == len({d1, d2})
    assert repr(v1) == repr(d1)
    assert field_names(v1) == tuple(f.name for f in dataclasses.fields(d1))
    if n:
        changed = replace(v1, f0=99)
        assert changed == twin_value(99, *a[1:n]) and changed != v1 and v1 == twin_value(*a[:n])


def test_a_value_does_not_change() -> None:
    @frozen
    class Point:
        x: int
        y: int = 0

    p = Point(1)
    with pytest.raises(FrozenError):
        p.x = 2  # type: ignore[misc]
    with pytest.raises(AttributeError):  # FrozenError is an AttributeError, as dataclass's is
        del p.y  # type: ignore[misc]
    assert (p.x, p.y) == (1, 0)


def test_a_value_is_hashed_once_and_stays_equal_to_a_new_one() -> None:
    hashed = []

    class Counted:
        def __hash__(self) -> int:
            hashed.append(self)
            return 7

    @frozen
    class Holder:
        thing: Counted
        label: str = ""

    thing = Counted()
    first = Holder(thing)
    assert hash(first) == hash(first) == hash(Holder(thing))
    assert len(hashed) == 2  # once for first, once for the other Holder
    assert first == Holder(thing) and first != Holder(thing, "x")
    assert replace(first, label="x") == Holder(thing, "x")
    assert repr(first).endswith("(thing=" + repr(thing) + ", label='')")


def test_another_class_with_the_same_fields_is_not_equal() -> None:
    @frozen
    class A:
        x: int

    @frozen
    class B:
        x: int

    assert A(1) != B(1)
    assert A(1) == A(1) and A(1) != A(2)
    assert A(1) != (1,)


def test_a_factory_makes_a_new_default_for_each_value_and_a_mutable_default_is_refused() -> None:
    @frozen
    class Box:
        items: list[int] = field(default_factory=list)
        label: str = field(default="", repr=False)

    first, second = Box(), Box()
    first.items.append(1)
    assert (
        second.items == []
        and repr(first)
        == "test_a_factory_makes_a_new_default_for_each_value_and_a_mutable_default_is_refused.<locals>.Box(items=[1])"
    )
    assert Box.label == ""  # the class keeps a plain default, as with dataclass
    with pytest.raises(ValueError, match="mutable default"):

        @frozen
        class Shared:
            items: list[int] = []  # noqa: RUF012


def test_post_init_runs_after_the_fields_are_set_and_may_normalise_them() -> None:
    @frozen
    class Tags:
        tags: tuple[str, ...]

        def __post_init__(self) -> None:
            object.__setattr__(self, "tags", tuple(sorted(set(self.tags))))

    assert Tags(("b", "a", "b")).tags == ("a", "b")
    assert replace(Tags(("a",)), tags=("c", "c")).tags == ("c",)  # replace makes a value through __init__


def test_what_a_class_writes_itself_stays() -> None:
    @frozen
    class Named:
        name: str

        def __repr__(self) -> str:
            return f"<{self.name}>"

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Named) and other.name.lower() == self.name.lower()

        def __hash__(self) -> int:
            return hash(self.name.lower())

    assert repr(Named("A")) == "<A>"
    assert Named("A") == Named("a") and len({Named("A"), Named("a")}) == 1


def test_a_class_that_only_writes_eq_still_gets_the_hash_of_its_fields() -> None:
    @frozen
    class Loose:
        name: str

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Loose) and other.name.lower() == self.name.lower()

    @dataclasses.dataclass(frozen=True)
    class LooseDataclass:
        name: str

        def __eq__(self, other: object) -> bool:
            return isinstance(other, LooseDataclass) and other.name.lower() == self.name.lower()

    # dataclass(frozen=True, eq=True) still adds the hash of the fields here; so does @frozen.
    assert (hash(Loose("A")) == hash(Loose("A"))) and (hash(LooseDataclass("A")) == hash(LooseDataclass("A")))


def test_match_takes_the_fields_in_order() -> None:
    @frozen
    class Moved:
        contact_id: str
        ring: int = 1

    match Moved("p1", 3):
        case Moved(who, ring):
            assert (who, ring) == ("p1", 3)
        case _:
            pytest.fail("the positional pattern did not match")


def test_what_a_value_class_does_not_support_is_refused_at_the_class() -> None:
    @frozen
    class Base:
        x: int

    with pytest.raises(TypeError, match="does not inherit"):

        @frozen
        class Child(Base):
            y: int

    with pytest.raises(TypeError, match="without a default follows"):

        @frozen
        class Order:
            x: int = 0
            y: int  # type: ignore[misc]

    with pytest.raises(TypeError, match="ClassVar"):

        @frozen
        class Counted:
            count: ClassVar[int] = 0

    with pytest.raises(TypeError, match="no field 'z'"):
        replace(Base(1), z=2)
    with pytest.raises(ValueError, match="not both"):
        field(default=1, default_factory=int)


def test_one_field_compares_as_a_tuple_as_with_dataclass() -> None:
    @frozen
    class One:
        x: float

    nan = float("nan")
    assert One(nan) == One(nan)  # the same object in both: (nan,) == (nan,), as dataclass has it
    assert One(1.0) != One(2.0) and hash(One(1.0)) == hash((1.0,))


def test_a_copy_or_a_pickle_has_the_fields_and_makes_its_hash_again() -> None:
    import copy
    import pickle

    p = Picklable("x", (1, 2))
    hash(p)  # kept in p now
    for other in (copy.copy(p), copy.deepcopy(p), pickle.loads(pickle.dumps(p))):
        assert other == p and other is not p
        assert not hasattr(other, values._HASH)  # made again where it is used, not carried over
        assert hash(other) == hash(p) and other in {p}
    assert p.__replace__(name="y") == Picklable("y", (1, 2))  # what copy.replace calls (3.13+)


@frozen
class Picklable:  # at module level, where pickle finds it
    name: str
    numbers: tuple[int, ...] = ()


def test_every_module_that_makes_values_reads_its_annotations_as_text() -> None:
    """``@frozen`` reads the field names from ``__annotations__``, which under ``from __future__
    import annotations`` are strings on 3.11 and 3.14 alike (the browser's Python runs every module
    at start: the browser tests prove it there)."""
    from pathlib import Path

    package = Path(values.__file__).parent
    making = [p for p in package.glob("*.py") if re.search(r"^@frozen$", p.read_text(encoding="utf-8"), re.M)]
    assert len(making) > 20
    assert [p.name for p in making if "from __future__ import annotations" not in p.read_text(encoding="utf-8")] == []


def test_the_package_makes_its_values_with_frozen() -> None:
    """Every frozen dataclass of the page's start would cost 2-5 ms in the browser (values.py)."""
    from pathlib import Path

    root = Path(values.__file__).parents[2]
    decorator = re.compile(r"^@dataclass\(frozen=True\)", re.M)
    made_by_dataclass = [
        p.name for p in (root / "py" / "kenniskring").glob("*.py") if decorator.search(p.read_text(encoding="utf-8"))
    ]
    assert made_by_dataclass == []
    # dataclasses' own functions refuse a value class: nothing may call them on one.
    functions = re.compile(
        r"from dataclasses import .*\b(replace|fields|asdict|astuple|is_dataclass)\b|dataclasses\.(replace|fields|asdict)\("
    )
    here = Path(__file__).name
    using = [
        str(p.relative_to(root))
        for folder in ("py", "scripts", "hooks", "tests")
        for p in (root / folder).rglob("*.py")
        if p.name != here and functions.search(p.read_text(encoding="utf-8"))
    ]
    assert using == []
