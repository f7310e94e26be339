"""Write the CLI's JSON document as digests arrive, so printing N digests needs memory for one.

One digest alone is printed as itself (as `render.render(d, "json")` prints it); several, or any
with a story, as {"digests": [...], "story": {...}} with indent 2. Items are serialised by
pydantic, like a single digest: the bytes are those of json.dumps(..., indent=2,
ensure_ascii=False) except that floats under 1e-4 are written without an exponent (0.00001 for
1e-05); the values are the same.
"""

from __future__ import annotations

from typing import Any, TextIO


def _dump(model: Any, prefix: str) -> str:
    # pydantic's serialiser (compiled) writes what json.dumps(model_dump(mode="json"), indent=2,
    # ensure_ascii=False) writes, several times faster: json's indenting encoder is pure Python
    text = model.model_dump_json(indent=2)
    return text.replace("\n", "\n" + prefix)


class JsonDocument:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0
        self._first: Any = None

    def add(self, digest: Any) -> None:
        if self.count == 0:
            self._first = digest  # alone it is printed bare; wait for a second one
        else:
            if self.count == 1:
                self._open()
            self.out.write(",\n    " + _dump(digest, "    "))
        self.count += 1

    def _open(self) -> None:
        self.out.write('{\n  "digests": [\n    ' + _dump(self._first, "    "))
        self._first = None

    def close(self, story: Any = None) -> None:
        if self.count == 0:
            return
        if self.count == 1 and story is None:
            from service import render

            self.out.write(render.render(self._first, "json"))
            return
        if self.count == 1:
            self._open()
        self.out.write("\n  ]")
        if story is not None:
            self.out.write(',\n  "story": ' + _dump(story, "  "))
        self.out.write("\n}\n")
