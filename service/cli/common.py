"""What `summarise` and `summarise store` share: messages on stderr, engine options, writing to
stdout, checked option types, signal handling and a start-up without the garbage collector. Both
service.cli.main and service.cli.batch_commands import this module (never each other at import
time), which keeps the two free of an import circle."""

from __future__ import annotations

import argparse
import contextlib
import gc
import math
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from service.cli import render
from service.safe_paths import printable

TYPE_CHECKING = False  # `typing` itself is not imported: `summarise --help` does not need it
if TYPE_CHECKING:
    from typing import Any, TypeVar

    N = TypeVar("N", int, float)


def err(msg: str) -> None:
    """One message on stderr; control characters (say, in a hostile file name) are escaped."""
    print(f"summarise: {printable(msg)}", file=sys.stderr)


def add_engine_options(p: argparse.ArgumentParser) -> None:
    """The engine options every command that digests shares (run, eval, serve)."""
    g = p.add_argument_group("engine")
    g.add_argument(
        "--engine",
        choices=("auto", "rules", "llm"),
        default="auto",
        help="auto (default): the LLM engine when a model is configured, else rules",
    )
    g.add_argument(
        "--model",
        help="litellm model string (openai/gpt-4o-mini, ollama/llama3, ...), "
        "'gguf:PATH' to serve a GGUF file locally, or 'local' for the bundled SmolLM2",
    )
    g.add_argument(
        "--base-url", help="any OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1"
    )
    g.add_argument(
        "--config", type=Path, help="config file (TOML, [llm] table); default newsdigest.toml"
    )


def engine_options(args: argparse.Namespace) -> dict[str, Any]:
    opts: dict[str, Any] = {}
    if getattr(args, "base_url", None):
        opts["base_url"] = args.base_url
    if getattr(args, "config", None):
        opts["config_file"] = args.config
    return opts


def emit(
    digests: Sequence[Any], stories: Sequence[Any], fmt: str, *, streamed: bool = False
) -> None:
    """Write digests and stories to stdout. JSON is always one document,
    {"digests": [...], "stories": [...]}; the other formats write each item in turn."""
    from service.merge.output import document, render_stories

    if fmt == "json":
        sys.stdout.write(document(digests, stories))
        return
    if not streamed:
        for d in digests:
            sys.stdout.write(render.render(d, fmt))
    sys.stdout.write(render_stories(stories, fmt))


def _at_least(convert: Callable[[str], N], minimum: N, what: str) -> Callable[[str], N]:
    """An argparse type: `convert(value)`, refused when below `minimum`, infinite or NaN."""

    def parse(value: str) -> N:
        try:
            x = convert(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not {what}") from None
        if not x >= minimum or x in (math.inf, -math.inf):  # `not >=` also refuses NaN
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, not {value}")
        return x

    return parse


positive_int = _at_least(int, 1, "a whole number")  # `--concurrency 0` is a usage error
non_negative_int = _at_least(int, 0, "a whole number")
non_negative_float = _at_least(float, 0.0, "a number")  # `--max-cost -1` is a usage error


def _interrupt(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Within the block SIGTERM is handled like Ctrl-C (SIGINT): the batch finishes what is in
    flight, writes its story and failures file, marks the run interrupted and exits 130."""
    try:
        previous = signal.signal(signal.SIGTERM, _interrupt)
    except ValueError:  # not the main thread, the only one that may set a handler
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def startup_gc(pause: bool = True) -> Iterator[None]:
    """Start-up without the cyclic garbage collector: within the block it does not run, and what
    the process holds when the block ends is frozen (gc.freeze), left out of every later pass, the
    one at exit included. Imports make a great many objects that live as long as the process and
    almost no garbage, yet the collector walks them again and again: ~3.5% of a one-article run's
    instructions. Reference counting still frees frozen objects; only a cycle among them would
    never be collected, so this is for the command, not for a long-lived caller of the Python API
    (`pause=False`: the block runs as it is). service.merge does the same around a merge. The
    command's young passes then run less often, as in the pool's workers (service.batch.options.quiet_gc)."""
    if not pause:
        yield
        return
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        from service.batch.options import quiet_gc

        quiet_gc()  # frozen, and young passes every WORKER_GC_YOUNG allocations, not 700
        if was_enabled:
            gc.enable()
