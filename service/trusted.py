"""Pydantic models built from trusted values, without validation.

Where a value is already of its declared type by construction (the engine's quote slices, the
merger's references and support counts), validating it again only re-proves what its making
guarantees. `builder(cls)` gives a function that turns a dict naming every field, in declared
order, into the object pydantic's validation would build from it: the same `__dict__`, every
field marked as set, no extra and no private values. The engine and the merger share it (the
engine may not import the merger)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

_new = object.__new__
# the four slots every pydantic model instance has
_SLOTS = ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")


def builder(cls: type[M]) -> Callable[[dict[str, Any]], M] | None:
    """A builder of `cls` from a dict giving every field in declared order, already of the
    declared type; None when `cls` needs pydantic's own construction (a post-init hook or a root
    model)."""
    if cls.__pydantic_post_init__ or cls.__pydantic_root_model__:
        return None
    names = frozenset(cls.model_fields)
    # each slot's descriptor, called directly (object.__setattr__ looks it up every time)
    set_dict, set_fields, set_extra, set_private = (
        next(k.__dict__[n] for k in cls.__mro__ if n in k.__dict__).__set__ for n in _SLOTS
    )

    def build(values: dict[str, Any]) -> M:
        m = _new(cls)
        set_dict(m, values)
        set_fields(m, set(names))
        set_extra(m, None)
        set_private(m, None)
        return m

    return build
