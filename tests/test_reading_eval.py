"""Reading scores per family stay at or above the pinned baseline (tests/devset/baseline.yml):
the labelled dev set always, the real samples in ../shared/corpus/ when that folder exists."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tools import evaluate_reading as ev

BASELINE = yaml.safe_load(ev.BASELINE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def devset_results():
    return ev.evaluate_set(ev.DEVSET, ev.DEVSET / "expectations.yml")


def _assert_at_least_baseline(results, pinned: dict[str, float]):
    found = ev.scores(results)
    assert set(found) >= set(pinned), "a family of the baseline has no expectations left"
    low = {family: (found[family], floor) for family, floor in pinned.items() if found[family] < floor - 1e-9}
    failed = [f"{r.name}: {c} (found {d})" for r in results for c, ok, d in r.checks if not ok]
    assert not low, f"families below their pinned score (found, pinned): {low}; failed checks: {failed}"


def test_devset_scores_do_not_drop(devset_results):
    _assert_at_least_baseline(devset_results, BASELINE["devset"])


def test_corpus_scores_do_not_drop():
    if not ev.CORPUS.is_dir():
        pytest.skip(f"no real samples here ({ev.CORPUS} does not exist)")
    results = ev.evaluate_set(ev.CORPUS, ev.DEVSET / "corpus_expectations.yml")
    assert {r.name for r in results} == set(yaml.safe_load((ev.DEVSET / "corpus_expectations.yml").read_text(encoding="utf-8")))
    _assert_at_least_baseline(results, BASELINE["corpus"])


def test_every_devset_file_has_expectations_and_every_expectation_a_file():
    expected = set(yaml.safe_load((ev.DEVSET / "expectations.yml").read_text(encoding="utf-8")))
    files = {p.relative_to(ev.DEVSET).as_posix() for p in ev.DEVSET.rglob("*")
             if p.is_file() and p.parent != ev.DEVSET}
    assert files == expected


def test_a_wrong_expectation_fails_its_check(tmp_path: Path):
    source = next(ev.DEVSET.glob("law_text/*"))
    (tmp_path / source.name).write_bytes(source.read_bytes())
    (tmp_path / "expect.yml").write_text(yaml.safe_dump({source.name: {
        "family": "law_text", "title": "不是这个标题", "first": "第一条", "must_not_contain": ["第一条"],
    }}, allow_unicode=True), encoding="utf-8")
    [result] = ev.evaluate_set(tmp_path, tmp_path / "expect.yml")
    assert [ok for _, ok, _ in result.checks] == [True, False, True, False]
    assert ev.scores([result]) == {"law_text": 0.5}
