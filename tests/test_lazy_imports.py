"""`import service` is lazy: the CLI's --help loads neither pydantic nor the engines, and every
public name still resolves to what it was when the package imported everything."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _python(
    code: str, *args: str, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
        env=env,
    )


def _run(code: str) -> str:
    return _python(code).stdout.strip()


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
        "heavy = ('pydantic', 'schemas', 'service.engines.rules', 'service.merge', 'service.api',\n"
        "         'service.batch.executors', 'dataclasses', 'typing', 'hashlib', 'threading')\n"
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


# The offline engine's own imports stay light: digesting an article loads neither the merger,
# nor the story models, nor the fuzzy matcher (each is a one-article run's import cost); they
# still load, and resolve to the same objects, when asked for.


def test_a_rules_digest_imports_no_merger_story_models_or_fuzzy_matcher():
    code = (
        "import sys\n"
        "from schemas import Article\n"
        "from service.engines import get_engine\n"
        "text = 'The mayor of Brackenford, Ilse Varga, said on Monday: \"The bridge opens in May.\"'\n"
        "d = get_engine('rules').digest(Article(id='t', title='Bridge', text=text))\n"
        "assert d.quotes and len(d.article.fingerprint) == 64\n"
        "heavy = ('service.merge', 'schemas.story', 'rapidfuzz')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    assert _run(code) == ""


def test_choosing_the_engine_without_a_model_reads_no_llm_settings(tmp_path):
    # --engine auto asks whether a model is configured on every run; with none named by the
    # environment and no config file, the settings model (pydantic, tomllib) is never built
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDIGEST")}
    env["HOME"] = str(tmp_path)  # no ~/.config/newsdigest/config.toml
    code = (
        "import sys\n"
        "from service.api import resolve_engine\n"
        "print(resolve_engine().name, 'service.llm.config' in sys.modules)\n"
    )
    out = _python(code, env={**env, "PYTHONPATH": str(ROOT)}, cwd=tmp_path)
    assert out.stdout.strip() == "rules False"
    (tmp_path / "newsdigest.toml").write_text('[llm]\nmodel = "openai/gpt-4o-mini"\n')
    code = "from service.api import _configured_model\nprint(_configured_model(None))\n"
    out = _python(code, env={**env, "PYTHONPATH": str(ROOT)}, cwd=tmp_path)
    assert out.stdout.strip() == "openai/gpt-4o-mini"


def test_story_models_load_on_first_use_and_are_the_story_module_s():
    code = (
        "import sys, schemas\n"
        "before = 'schemas.story' in sys.modules\n"
        "from schemas import StoryDigest\n"
        "import schemas.story\n"
        "print(before, StoryDigest is schemas.story.StoryDigest, schemas.Support.__name__)\n"
        "try:\n"
        "    schemas.NoSuchModel\n"
        "except AttributeError as e:\n"
        "    print(e)\n"
    )
    lines = _run(code).splitlines()
    assert lines[0] == "False True Support"
    assert "NoSuchModel" in lines[1]


def test_the_merger_s_fingerprint_is_the_engine_s():
    from service.extract.shingles import fingerprint
    from service.merge import syndication

    assert syndication.fingerprint is fingerprint
    text = "one two three four five six seven eight nine ten"
    sig = fingerprint(text)
    assert len(sig) == syndication.SIGNATURE_SIZE and all(0 <= v < 2**32 for v in sig)
    assert fingerprint("") == []
    # one word changed moves some bins, not all
    other = fingerprint(text.replace("six", "sixty"))
    assert 0 < sum(a == b for a, b in zip(sig, other, strict=True)) < 64


def test_every_lazy_story_name_is_exported_and_is_the_story_module_s():
    import schemas
    import schemas.story

    assert set(schemas.__all__) >= schemas._STORY_NAMES
    assert set(schemas.story.__all__) >= schemas._STORY_NAMES
    for name in schemas._STORY_NAMES:
        assert getattr(schemas, name) is getattr(schemas.story, name)


# schema_hash(ArticleDigest) is recorded in schemas/__init__.py (generating the JSON Schema would
# cost a one-article run ~6 ms); the record is used only while what it was computed from holds.


def test_the_digest_schema_hash_is_the_computed_one():
    import schemas

    schemas.schema_hash.cache_clear()
    try:
        assert schemas.schema_hash() == schemas.computed_schema_hash(schemas.ArticleDigest)
        story = schemas.StoryDigest
        assert schemas.schema_hash(story) == schemas.computed_schema_hash(story)
        assert schemas.schema_hash(story) != schemas.schema_hash()
    finally:
        schemas.schema_hash.cache_clear()


def test_the_recorded_digest_schema_hash_is_current():
    import pydantic.version

    import schemas

    rec = schemas.DIGEST_SCHEMA_HASH
    here = {"pydantic": pydantic.version.VERSION, "python": "{}.{}".format(*sys.version_info)}
    if any(rec[k] != v for k, v in here.items()):
        pytest.skip(f"the record is for {rec}, this is {here}: schema_hash computes the hash")
    now = {"hash": schemas.computed_schema_hash(schemas.ArticleDigest), **here}
    now["sources"] = schemas.digest_sources_hash()
    assert rec == now, f"set DIGEST_SCHEMA_HASH in schemas/__init__.py to {now}"


def test_a_stale_record_is_not_used(monkeypatch):
    import schemas

    monkeypatch.setitem(schemas.DIGEST_SCHEMA_HASH, "sources", "0" * 16)
    monkeypatch.setitem(schemas.DIGEST_SCHEMA_HASH, "hash", "not-the-hash")
    schemas.schema_hash.cache_clear()
    try:
        assert schemas.schema_hash() == schemas.computed_schema_hash(schemas.ArticleDigest)
    finally:
        schemas.schema_hash.cache_clear()


# The command turns pydantic's plugins off unless $PYDANTIC_DISABLE_PLUGINS says otherwise: looking
# for them imports importlib.metadata and scans every installed package (~20 ms of start-up).

_RUN_THE_COMMAND = (
    "import sys, contextlib, io\n"
    "sys.argv = ['summarise', sys.argv[1], '-f', 'json', '-q', '--no-store']\n"
    "from service.cli.main import main\n"
    "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
    "    rc = main()\n"
    "import pydantic.plugin._loader as loader\n"
    "print(rc, '\"quotes\"' in out.getvalue(), 'importlib.metadata' in sys.modules,\n"
    "      'entry_points' in vars(loader))\n"
)


def _run_the_command(tmp_path: Path, plugins_env: str | None) -> str:
    article = tmp_path / "bridge.txt"
    article.write_text(
        'Bridge opens\n\nThe mayor of Brackenford, Ilse Varga, said on Monday: "The bridge opens '
        'in May."\n',
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if plugins_env is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = plugins_env
    return _python(_RUN_THE_COMMAND, str(article), env=env).stdout.strip()


def test_the_command_does_not_look_for_pydantic_plugins(tmp_path):
    assert _run_the_command(tmp_path, None) == "0 True False False"
    assert _run_the_command(tmp_path, "true") == "0 True False False"  # set by the user


def test_the_command_looks_for_pydantic_plugins_when_the_environment_asks(tmp_path):
    # '' turns every plugin on; pydantic's own loader (which imports importlib.metadata) is used
    assert _run_the_command(tmp_path, "") == "0 True True True"
    assert _run_the_command(tmp_path, "some-plugin") == "0 True True True"


def test_the_stand_in_loader_hands_other_names_to_the_real_one():
    # a pydantic release that asks its loader for more than get_plugins still gets an answer
    out = _python(
        "import sys\n"
        "from service.cli.main import skip_pydantic_plugins\n"
        "skip_pydantic_plugins()\n"
        "import schemas\n"
        "loader = sys.modules['pydantic.plugin._loader']\n"
        "before = 'importlib.metadata' in sys.modules\n"
        "from pydantic.plugin._loader import entry_points\n"
        "print(before, loader.get_plugins(), entry_points.__module__,\n"
        "      sys.modules['pydantic.plugin._loader'] is loader)\n",
        env={k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"},
    ).stdout.strip()
    assert out == "False () importlib.metadata True"


# The command starts without the cyclic garbage collector and freezes what start-up made
# (service.cli.common.startup_gc); called from Python with arguments, main() leaves gc alone.


def test_the_command_freezes_its_start_up_and_turns_the_collector_back_on(tmp_path):
    article = tmp_path / "bridge.txt"
    article.write_text('The mayor said: "The bridge opens in May."\n', encoding="utf-8")
    code = (
        "import sys, gc, contextlib, io\n"
        "from service.cli.main import main\n"
        "paused = []\n"
        "import service.api\n"
        "real = service.api.get_engine\n"
        "def spy(*a, **k):\n"
        "    paused.append(gc.isenabled())\n"
        "    return real(*a, **k)\n"
        "service.api.get_engine = spy\n"
        "args = [sys.argv[1], '-f', 'json', '-q', '--no-store']\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(args)\n"
        "    print(paused, gc.isenabled(), gc.get_freeze_count() > 0, gc.get_threshold()[0],\n"
        "          file=sys.stderr)\n"
        "    sys.argv[1:] = args\n"
        "    main()\n"
        "print(paused, gc.isenabled(), gc.get_freeze_count() > 0, gc.get_threshold()[0])\n"
    )
    out = _python(code, str(article))
    assert out.stderr.strip() == "[True] True False 700"  # main(args): as it was
    # main(): paused, frozen, back on, young passes less often
    assert out.stdout.strip() == "[True, False] True True 20000"
