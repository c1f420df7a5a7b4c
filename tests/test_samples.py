"""Golden samples: each samples/<name>/ has an input, a hand-written spec.json of what a careful
reader wants from it, and the CLI's outputs (expected.txt, expected.json) recorded on purpose
with tests/regen_golden.py."""

from __future__ import annotations

import json

import pytest

import cleanarticle
from cleanarticle import Label
from golden import input_of, outputs, sample_dirs

SAMPLES = sample_dirs()
IDS = [d.name for d in SAMPLES]


def _spec(sample):
    return json.loads((sample / "spec.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_sample_meets_its_hand_written_spec(sample):
    spec = _spec(sample)
    art = cleanarticle.clean(input_of(sample))
    assert art.title == spec["title"]
    assert art.authors == spec["authors"]
    assert art.language == spec["language"]
    assert art.truncated is spec["truncated"]
    if "date" in spec:
        assert art.date == spec["date"]
    if "standfirst_starts" in spec:
        assert art.standfirst and art.standfirst.startswith(spec["standfirst_starts"])
    else:
        assert art.standfirst is None
    assert len(art.paragraphs) == spec["paragraphs"]
    assert art.paragraphs[0].startswith(spec["first_starts"])
    assert art.paragraphs[-1].endswith(spec["last_ends"])
    for text in spec.get("contains", []):
        assert any(p.startswith(text) for p in art.paragraphs), text
    for text in spec.get("absent", []):
        assert text not in art.body, text
    got = [[t.section, t.authors, t.summary] for t in art.teasers]
    assert len(got) == len(spec["teasers"])
    for (section, authors, summary), (want_section, want_authors, starts) in zip(got, spec["teasers"]):
        assert section == want_section
        assert authors == want_authors
        assert summary.startswith(starts)
        assert summary not in art.body
    if spec.get("removed_nothing"):
        assert all(b.label in (Label.CONTENT, Label.TITLE) for b in art.blocks)


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_sample_output_matches_the_recorded_golden_files(sample):
    for name, text in outputs(sample).items():
        expected = (sample / name).read_text(encoding="utf-8")
        assert text == expected, f"{sample.name}/{name} differs; if intended, run tests/regen_golden.py {sample.name}"


def test_users_sample_teasers_carry_no_credit_or_alt_text():
    sample = next(d for d in SAMPLES if d.name == "roar-news-reset-to-rancor")
    art = cleanarticle.clean(input_of(sample))
    for t in art.teasers:
        text = " ".join(filter(None, [t.title, t.summary, t.section]))
        for junk in ("License:", "Author:", "Image courtesy", "logo", "Golden light", "Royal Society Summer Exhibition 2024."):
            assert junk not in text
    assert [t.section for t in art.teasers if t.section] == ["Science & Technology", "KCLSU & Societies"]


def test_every_sample_has_spec_and_golden_files():
    for d in SAMPLES:
        for name in ("spec.json", "expected.txt", "expected.json"):
            assert (d / name).is_file(), f"{d.name} lacks {name}"
    assert len(SAMPLES) >= 11
    langs = {_spec(d)["language"] for d in SAMPLES}
    assert {"en", "de", "fr", "es"} <= langs
