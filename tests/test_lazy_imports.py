"""`import service` is lazy: the CLI's --help loads neither pydantic nor the engines, and every
public name still resolves to what it was when the package imported everything."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(code: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return out.stdout.strip()


def test_help_imports_no_pydantic_engine_or_merger():
    code = (
        "import sys, contextlib, io\n"
        "from service.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    try:\n"
        "        main(['--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "assert '--workers' in out.getvalue()\n"
        "heavy = ('pydantic', 'schemas', 'service.engines.rules', 'service.merge', 'service.api')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    assert _run(code) == ""


def test_merge_stays_the_function_when_its_subpackage_loads_first():
    code = (
        "import service.merge.syndication, service\n"
        "from service.merge import merge\n"
        "print(service.merge is merge, callable(service.merge), service.Store.__name__)\n"
    )
    assert _run(code) == "True True Store"


def test_unknown_names_raise_attribute_error():
    code = (
        "import service\n"
        "try:\n"
        "    service.no_such_name\n"
        "except AttributeError as e:\n"
        "    print(e)\n"
    )
    assert "no_such_name" in _run(code)
