"""What the command needs of the batch executors before it knows it will run one: the options
that choose one (--workers, --executor, --scheduler) and the collector settings the command and
the pool's workers share. Kept apart from service.batch.executors, whose imports (dataclasses and
all it loads) `summarise --help` does not need."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import Any

EXECUTORS = ("local", "dask")
SCHEDULER_ENV = "DASK_SCHEDULER_ADDRESS"

# at Python's default (a young pass every 700 allocations) the cyclic collector costs the rules
# engine ~5-9% of its time. A worker process is ours, so it runs young passes less often.
WORKER_GC_YOUNG = 20_000


def quiet_gc() -> None:
    """Freeze what the process holds now (its modules and engine: out of every later pass) and
    run the cyclic collector's young passes at most every WORKER_GC_YOUNG allocations. Reference
    counting frees the digests' objects as before; only cyclic garbage waits a little longer.
    For processes this package owns (pool workers, the command), never for a library caller."""
    import gc

    gc.freeze()
    young, middle, old = gc.get_threshold()
    if young:  # 0 means the owner turned the collector's passes off: leave that alone
        gc.set_threshold(max(young, WORKER_GC_YOUNG), middle, old)


def add_options(group: argparse._ArgumentGroup) -> None:
    """The CLI's --workers, --executor and --scheduler options."""
    group.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="processes digesting at once with the offline engine (default: this machine's "
        "cores; 1 digests in this process)",
    )
    group.add_argument(
        "--executor",
        choices=EXECUTORS,
        default="local",
        help="where the digest stage runs: local (default) or dask (a dask.distributed "
        "cluster; needs the dask extra and --scheduler)",
    )
    group.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help=f"Dask scheduler address for --executor dask, e.g. tcp://host:8786 "
        f"(default ${SCHEDULER_ENV})",
    )


def options_from(args: argparse.Namespace) -> dict[str, Any]:
    """run_batch / summarise_many keyword arguments from the parsed CLI options."""
    return {
        "workers": getattr(args, "workers", None),
        "executor": getattr(args, "executor", None),
        "scheduler": getattr(args, "scheduler", None),
    }
