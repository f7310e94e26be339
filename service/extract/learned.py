"""Reading the small learned models shipped in `service/extract/data/` (each written by a training
script in `scripts/`): one JSON file with a `weights` map and any settings beside it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def read_model(path: Path) -> tuple[dict[str, float], dict[str, Any]]:
    """(feature weights, the file's other fields); empty when the file is absent, which switches
    the learned step off rather than failing."""
    if not path.exists():
        return {}, {}
    data = json.loads(path.read_text(encoding="utf-8"))
    weights = {str(k): float(v) for k, v in data.pop("weights").items()}
    return weights, data
