"""Write the CLI's JSON document as digests arrive, so printing N digests needs memory for one.

The document always has one shape, {"digests": [...], "stories": [...]}, for one article or many
(service.merge.output). Items are serialised by pydantic: the bytes are those of
json.dumps(..., indent=2, ensure_ascii=False) except that floats under 1e-4 are written without an
exponent (0.00001 for 1e-05); the values are the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO


def _dump(model: Any, prefix: str) -> str:
    # pydantic's serialiser (compiled) writes what json.dumps(model_dump(mode="json"), indent=2,
    # ensure_ascii=False) writes, several times faster: json's indenting encoder is pure Python
    text = model.model_dump_json(indent=2)
    return text.replace("\n", "\n" + prefix)


class JsonDocument:
    """`add` each digest as it is made, then `close` with the stories."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0

    def add(self, digest: Any) -> None:
        head = '{\n  "digests": [\n    ' if self.count == 0 else ",\n    "
        self.out.write(head + _dump(digest, "    "))
        self.count += 1

    def close(self, stories: Sequence[Any] = ()) -> None:
        self.out.write('{\n  "digests": [],' if self.count == 0 else "\n  ],")
        if stories:
            body = ",\n    ".join(_dump(s, "    ") for s in stories)
            self.out.write('\n  "stories": [\n    ' + body + "\n  ]\n}\n")
        else:
            self.out.write('\n  "stories": []\n}\n')
