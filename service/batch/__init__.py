"""Batch runs over folders of articles.

    runner     the run: bounded concurrency, resumable through the store, one outcome per article
    executors  where the digest stage runs: this thread, a process pool, or a Dask cluster
    options    the executor options and the collector settings, light enough for `--help`
    store      the SQLite results store (digests, failures, runs)
    runlock    which run is alive and which run digests which article
    budget     cost and token ceilings, and the per-request spend gate
    progress   progress snapshots and the one-line terminal renderer
    outcome    what a run reports: outcomes, totals, the exit code
    output     the run's files on disk, every write error a recorded failure
    parquet    `summarise store export --format parquet`

Nothing is imported here; the public entry points are `service.run_batch` and friends.
"""
