"""scripts/callgrind_rules.py: the total it reads from a callgrind file, and its argument checks
(the measurement itself needs valgrind and a corpus: run by hand, see the script)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import callgrind_rules  # noqa: E402


def test_total_reads_the_summary_line(tmp_path: Path) -> None:
    f = tmp_path / "callgrind.out"
    f.write_text("# callgrind format\nevents: Ir\nfn=main\n5 12\nsummary: 123456\n", "utf-8")
    assert callgrind_rules._total(f) == 123456
    g = tmp_path / "other.out"
    g.write_text("events: Ir\ntotals: 987\n", "utf-8")
    assert callgrind_rules._total(g) == 987


def test_total_without_a_summary_raises(tmp_path: Path) -> None:
    f = tmp_path / "callgrind.out"
    f.write_text("events: Ir\nfn=main\n", "utf-8")
    with pytest.raises(ValueError):
        callgrind_rules._total(f)


def test_counts_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        callgrind_rules.main([str(tmp_path), "--n", "0"])
