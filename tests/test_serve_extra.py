"""Without the `serve` extra, `summarise serve` says which extra to install (exit code 2)."""

from __future__ import annotations

import sys

import pytest

from service.cli.main import main
from service.errors import MissingExtraError


def test_serve_without_the_extra_names_it(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # makes `import uvicorn` fail
    assert main(["serve"]) == 2
    assert "pip install 'newsdigest[serve]'" in capsys.readouterr().err


def test_create_app_without_fastapi_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "fastapi", None)
    monkeypatch.delitem(sys.modules, "service.serve.routes", raising=False)
    from service.serve.server import create_app

    with pytest.raises(MissingExtraError, match=r"newsdigest\[serve\]"):
        create_app()
