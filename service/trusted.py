"""Pydantic models built from trusted values, without validation.

Where a value is already of its declared type by construction (the engine's quote slices, the
merger's references and support counts), validating it again only re-proves what its making
guarantees. `builder(cls)` gives a function that turns a dict naming every field, in declared
order, into the object pydantic's validation would build from it: the same `__dict__`, every
field marked as set, no extra and no private values. A model that needs pydantic's own
construction (see `buildable`) gets pydantic's validation instead, so a caller never has two
paths to keep. The engine and the merger share it (the
engine may not import the merger)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

new = object.__new__
# the four slots every pydantic model instance has
_SLOTS = ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")


def _descriptors(cls: type[BaseModel]) -> tuple[Any, ...]:
    return tuple(next(k.__dict__[n] for k in cls.__mro__ if n in k.__dict__) for n in _SLOTS)


_BASE = _descriptors(BaseModel)
# each slot's setter, called directly (object.__setattr__ looks the descriptor up every time);
# every model class that declares no slots of its own shares BaseModel's
set_dict, set_fields, set_extra, set_private = (d.__set__ for d in _BASE)


def buildable(cls: type[BaseModel]) -> bool:
    """Whether `cls` is built by setting its four slots (no post-init hook, not a root model, no
    extra values kept, BaseModel's own slots): what `builder` and the merger's `construct` do."""
    return not (
        cls.__pydantic_post_init__
        or cls.__pydantic_root_model__
        or cls.model_config.get("extra") == "allow"
        or _descriptors(cls) != _BASE
    )


def builder(cls: type[M]) -> Callable[[dict[str, Any]], M]:
    """A builder of `cls` from a dict giving every field in declared order, already of the
    declared type; `cls.model_validate` when `cls` needs pydantic's own construction (see
    `buildable`)."""
    if not buildable(cls):
        return cls.model_validate
    names = frozenset(cls.model_fields)

    def build(values: dict[str, Any]) -> M:
        m = new(cls)
        set_dict(m, values)
        set_fields(m, set(names))
        set_extra(m, None)
        set_private(m, None)
        return m

    return build
