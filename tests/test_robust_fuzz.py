"""A small smoke run of the fuzz harness (fuzz/run.py runs it for minutes on demand)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fuzz.run import Report, check_one, run_hypothesis  # noqa: E402


def test_fuzz_smoke() -> None:
    report = run_hypothesis(examples=40, save=False, derandomize=True)
    assert report.tried >= 40 and report.cleanings == 3 * report.tried
    assert report.crashes == [] and report.hangs == []


def test_the_harness_reports_a_crash(monkeypatch) -> None:
    import cleanarticle

    def broken(source, **kw):
        raise KeyError("boom")

    monkeypatch.setattr(cleanarticle, "clean", broken)
    report = Report()
    check_one("<p>x</p>", report, save=False)
    assert len(report.crashes) == 3
