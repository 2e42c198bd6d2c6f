"""Value classes: frozen, compared and hashed by their fields, without code made at import.

``@frozen`` is ``@dataclass(frozen=True)`` for this package's small immutable values (a map, a
person, an edit, a session event or effect). It exists for the page's start: ``dataclass`` writes
each class's ``__init__``, ``__eq__``, ``__hash__``, ``__repr__`` and ``__setattr__`` as source text
and compiles it while the module is imported. In the browser's Python (Pyodide 314) that is 2-5 ms
a class, and the page imports about a hundred of them: with dataclass, importing the app took
0.54 s of a cold start, with ``@frozen`` 0.19 s (Chromium, median of 8 loads, 2026-12-04). Here the
methods are closures over the class's fields: made in microseconds, nothing compiled.

What a class gets, as from ``dataclass(frozen=True)``: ``__init__`` taking the fields in order
(positionally or by name), with defaults and ``field(default_factory=...)``, then
``__post_init__`` if the class has one; ``__eq__`` (same class, equal fields) and ``__hash__``
over the fields (made once, then kept in the value); ``__repr__`` with the fields whose ``repr``
is true; assignment raising ``FrozenError``; ``__match_args__``; ``copy``, ``pickle`` and
``copy.replace`` taking the fields. A ``__post_init__`` may set fields with
``object.__setattr__`` (the value is not hashed yet); nothing else may, as with dataclass. ``replace`` and ``field_names`` stand in for the
``dataclasses`` functions. No inheritance between value classes, no ``ClassVar`` fields: nothing
here uses them, so nothing here supports them (both raise ``TypeError`` at the class).

Type checkers read ``@frozen`` as a dataclass (``dataclass_transform``), so constructor calls are
checked as before. The tests hold ``@frozen`` to ``dataclass(frozen=True)`` class by class.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")


_HASH = "__value_hash__"  # where a value keeps its hash, next to its fields
_set_field = object.__setattr__


class FrozenError(AttributeError):
    """A value's field was assigned or deleted: values do not change, ``replace`` makes a new one."""


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class Field:
    """What ``field(...)`` says about one field, until ``@frozen`` takes it in."""

    __slots__ = ("default", "default_factory", "repr")

    def __init__(self, default: Any, default_factory: Any, repr: bool) -> None:
        self.default = default
        self.default_factory = default_factory
        self.repr = repr


@overload
def field(*, default: T, repr: bool = True) -> T: ...
@overload
def field(*, default_factory: Callable[[], T], repr: bool = True) -> T: ...
@overload
def field(*, repr: bool = True) -> Any: ...
def field(*, default: Any = MISSING, default_factory: Any = MISSING, repr: bool = True) -> Any:
    """A field with a default made anew for each value (``default_factory``), or left out of the repr."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("a field has a default or a default_factory, not both")
    return Field(default, default_factory, repr)


class _Spec:
    """A value class's fields, read once when the class is made."""

    __slots__ = ("names", "known", "defaults", "factories", "shown", "get", "post_init", "qualname")

    def __init__(self, cls: type) -> None:
        names: list[str] = []
        self.defaults: dict[str, Any] = {}
        self.factories: dict[str, Callable[[], Any]] = {}
        shown: list[str] = []
        for name, annotation in _own_annotations(cls).items():
            if "ClassVar" in str(annotation):
                raise TypeError(f"{cls.__qualname__}.{name}: a value class has no ClassVar fields")
            given = cls.__dict__.get(name, MISSING)
            spec = given if isinstance(given, Field) else Field(given, MISSING, True)
            if isinstance(given, Field):  # the class keeps a plain default as its attribute, as with dataclass
                if spec.default is MISSING:
                    delattr(cls, name)
                else:
                    setattr(cls, name, spec.default)
            if spec.default_factory is not MISSING:
                self.factories[name] = spec.default_factory
            elif spec.default is not MISSING:
                if type(spec.default).__hash__ is None:  # a list, dict or set would be shared by every value
                    raise ValueError(f"{cls.__qualname__}.{name}: a mutable default; use field(default_factory=...)")
                self.defaults[name] = spec.default
            elif self.defaults or self.factories:
                raise TypeError(f"{cls.__qualname__}.{name}: a field without a default follows one with a default")
            names.append(name)
            if spec.repr:
                shown.append(name)
        self.names = tuple(names)
        self.known = frozenset(names)
        self.shown = tuple(shown)
        self.get: Callable[[Any], tuple[Any, ...]] = _tuple_getter(self.names)
        self.post_init = "__post_init__" in cls.__dict__
        self.qualname = cls.__qualname__

    def refuse(self, args: tuple[Any, ...], kwargs: dict[str, Any], chosen: dict[str, Any]) -> TypeError:
        """Why ``__init__(*args, **kwargs)`` cannot make a value (``chosen``: the fields the call gives)."""
        if len(args) > len(self.names):
            return TypeError(f"{self.qualname}() takes {len(self.names)} positional arguments but {len(args)} were given")
        for key in kwargs:
            if key not in self.known:
                return TypeError(f"{self.qualname}() got an unexpected keyword argument {key!r}")
            if key in self.names[: len(args)]:
                return TypeError(f"{self.qualname}() got multiple values for argument {key!r}")
        defaulted = self.defaults.keys() | self.factories.keys()
        missing = next(name for name in self.names if name not in chosen and name not in defaulted)
        return TypeError(f"{self.qualname}() missing required argument: {missing!r}")


def _tuple_getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The fields' values as a tuple, as dataclass compares and hashes them (also for one field:
    ``(x,) == (x,)`` holds for a NaN, ``x == x`` does not)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda v: (one(v),)
    return lambda _v: ()


def _own_annotations(cls: type) -> dict[str, Any]:
    """The class's own annotations: strings under ``from __future__ import annotations`` (every
    module here has it), evaluated ones otherwise (Python 3.14 makes them when first asked)."""
    own = cls.__dict__.get("__annotations__")
    return dict(own) if own is not None else dict(getattr(cls, "__annotations__", {}))


def _methods(spec: _Spec) -> dict[str, Callable[..., Any]]:
    """A class's methods: closures over its fields (made in microseconds, nothing compiled)."""
    names, get, post_init, refuse = spec.names, spec.get, spec.post_init, spec.refuse
    defaults, factories, known = spec.defaults, spec.factories, spec.known
    # For a call with the first k fields: the defaults of the others, or None if one has no plain default.
    tails = [
        {name: defaults[name] for name in names[k:]} if all(name in defaults for name in names[k:]) else None
        for k in range(len(names) + 1)
    ]

    # Each field is set with object.__setattr__, in field order, as dataclass's __init__ does: the
    # value keeps its attributes inline, with no dict of its own (faster to read, less to collect).
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if not kwargs and len(args) < len(tails) and (tail := tails[len(args)]) is not None:
            # The common calls: the first fields in order, the others' plain defaults.
            for name, given in zip(names, args, strict=False):
                _set_field(self, name, given)
            for name, given in tail.items():
                _set_field(self, name, given)
        else:
            if len(args) > len(names) or not known.issuperset(kwargs):
                raise refuse(args, kwargs, {})
            chosen = dict(zip(names, args, strict=False)) | kwargs
            if len(chosen) < len(args) + len(kwargs):  # a field given both by position and by name
                raise refuse(args, kwargs, chosen)
            for name in names:
                if name in chosen:
                    _set_field(self, name, chosen[name])
                elif name in defaults:
                    _set_field(self, name, defaults[name])
                elif name in factories:
                    _set_field(self, name, factories[name]())
                else:
                    raise refuse(args, kwargs, chosen)
        if post_init:
            self.__post_init__()

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return get(self) == get(other)

    def __hash__(self: Any) -> int:
        # Kept once made: a value does not change, and the same person is hashed again on every
        # redraw (the caches of render and report), enum fields through Python's Enum.__hash__.
        made: int | None = getattr(self, _HASH, None)
        if made is None:
            made = hash(get(self))
            _set_field(self, _HASH, made)
        return made

    def __repr__(self: Any) -> str:
        return f"{spec.qualname}({', '.join(f'{name}={getattr(self, name)!r}' for name in spec.shown)})"

    def __getstate__(self: Any) -> dict[str, Any]:
        # Copied or pickled: the fields only, so a hash kept here is made again where it is used
        # (a string's hash differs from one Python process to the next).
        return dict(zip(names, get(self), strict=True))

    def __replace__(self: Any, **changes: Any) -> Any:  # copy.replace (Python 3.13+)
        return replace(self, **changes)

    return {
        "__init__": __init__,
        "__eq__": __eq__,
        "__hash__": __hash__,
        "__repr__": __repr__,
        "__getstate__": __getstate__,
        "__replace__": __replace__,
    }


def _setattr(self: Any, name: str, _value: Any) -> None:
    raise FrozenError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise FrozenError(f"cannot delete field {name!r}")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def frozen(cls: type[T]) -> type[T]:
    """Make ``cls`` a value class (see the module's docstring)."""
    for base in cls.__mro__[1:]:
        if "__value_spec__" in base.__dict__:
            raise TypeError(f"{cls.__qualname__}: a value class does not inherit from another ({base.__qualname__})")
    own = cls.__dict__
    type.__setattr__(cls, "__value_spec__", _Spec(cls))
    spec: _Spec = own["__value_spec__"]
    methods = _methods(spec)
    for name in ("__init__", "__repr__", "__eq__", "__getstate__", "__replace__"):
        if name not in own:
            setattr(cls, name, methods[name])
    # As dataclass does: a __hash__ the class wrote itself stays; the None Python puts there for a
    # class that writes its own __eq__ does not count as written.
    if "__hash__" not in own or (own["__hash__"] is None and "__eq__" in own):
        cls.__hash__ = methods["__hash__"]  # type: ignore[method-assign]
    for name, method in (("__setattr__", _setattr), ("__delattr__", _delattr)):
        if name in own:
            raise TypeError(f"{cls.__qualname__} is a value class and cannot have its own {name}")
        setattr(cls, name, method)
    type.__setattr__(cls, "__match_args__", spec.names)
    return cls


def field_names(value_or_class: Any) -> tuple[str, ...]:
    """The fields of a value class (or of a value), in order."""
    spec: _Spec = value_or_class.__value_spec__
    return spec.names


def replace(obj: T, /, **changes: Any) -> T:
    """A new value like ``obj`` with the fields in ``changes`` changed (``dataclasses.replace``)."""
    spec: _Spec = obj.__value_spec__  # type: ignore[attr-defined]
    for name in changes:
        if name not in spec.names:
            raise TypeError(f"{spec.qualname} has no field {name!r}")
    return type(obj)(*[changes[name] if name in changes else getattr(obj, name) for name in spec.names])
