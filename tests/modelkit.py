"""A model built without validation against the same model validated: the check the trusted
builders' tests share (service/trusted.py)."""

from __future__ import annotations

from pydantic import BaseModel


def assert_same_model(built: BaseModel, validated: BaseModel) -> None:
    """Field by field: equal values of the same type, nested models compared the same way, and
    the same fields-set, extra and private state."""
    assert type(built) is type(validated)
    assert list(built.__dict__) == list(validated.__dict__)
    for name, got in built.__dict__.items():
        want = validated.__dict__[name]
        assert type(got) is type(want), name
        if isinstance(want, BaseModel):
            assert_same_model(got, want)
        elif isinstance(want, list):
            assert len(got) == len(want), name
            for g, w in zip(got, want, strict=True):
                if isinstance(w, BaseModel):
                    assert_same_model(g, w)
                else:
                    assert type(g) is type(w) and g == w, name
        else:
            assert got == want, name
    assert built.model_fields_set == validated.model_fields_set
    assert built.__pydantic_extra__ == validated.__pydantic_extra__
    assert built.__pydantic_private__ == validated.__pydantic_private__
