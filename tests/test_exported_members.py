"""The public API is pinned: adding or removing a name from `service.__all__` is a deliberate act."""

from __future__ import annotations

import service

EXPECTED = [
    "Article",
    "ArticleDigest",
    "BudgetExceededError",
    "ConfigError",
    "DigestError",
    "Engine",
    "EvaluationError",
    "InputError",
    "MissingExtraError",
    "ModelError",
    "NewsDigestError",
    "OutputValidationError",
    "RetriesExhaustedError",
    "Store",
    "StoreError",
    "StoryDigest",
    "__version__",
    "available_engines",
    "get_engine",
    "iter_articles",
    "load_digests",
    "merge",
    "merge_stories",
    "register_engine",
    "resolve_engine",
    "run_batch",
    "summarise",
    "summarise_many",
]


def test_all_is_sorted_and_pinned():
    assert service.__all__ == sorted(service.__all__)
    assert service.__all__ == EXPECTED


def test_every_exported_name_exists():
    for name in service.__all__:
        assert getattr(service, name) is not None, name


def test_every_error_derives_from_the_root():
    for name in service.__all__:
        obj = getattr(service, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, service.NewsDigestError), name


def test_importing_the_package_does_not_import_the_llm_stack():
    import subprocess
    import sys

    code = (
        "import sys, service; "
        "bad = [m for m in ('litellm', 'instructor', 'openai', 'xllamacpp') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
