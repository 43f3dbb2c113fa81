"""How well the readers read: per-family share of checks passed, on the labelled dev set
(tests/devset/) and on the real samples in ../shared/corpus/ when that folder exists.

    python -m tools.evaluate_reading            # scores, then every failed check
    python -m tools.evaluate_reading --write-baseline   # pin the scores in tests/devset/baseline.yml

Expectations are YAML, one entry per file: tests/devset/expectations.yml (paths relative to
tests/devset/) and tests/devset/corpus_expectations.yml (file names in the corpus). Each
field given is one check:

    family, title, date, datetime, publisher, author, doc_number, doc_type, issuer_level,
    effective        exact value
    history          the dates of the history events, in order
    first / last     the first body paragraph starts with / the last one ends with
    first_heading, last_heading, headings_count
    must_contain     each snippet is in the paragraphs' text
    must_not_contain each snippet is neither in the paragraphs' text nor anywhere in the page
    not_in_body      each snippet is in no paragraph (metadata that must not stay in the body)
    max_seconds      reading takes at most this long

`on_topic` is reported beside the scores but not scored: relevance is decided by the
theme rules, not by the readers.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "devset"
CORPUS = ROOT.parent / "shared" / "corpus"
BASELINE = DEVSET / "baseline.yml"
EXACT = ("family", "title", "date", "datetime", "publisher", "author", "doc_number", "doc_type", "issuer_level",
         "effective")


@dataclass
class FileResult:
    name: str
    family: str  # the expected family
    checks: list[tuple[str, bool, str]] = field(default_factory=list)  # (check, passed, what was found)
    on_topic: tuple[bool, bool] | None = None  # (expected, found)

    @property
    def passed(self) -> int:
        return sum(1 for _, ok, _ in self.checks if ok)


def evaluate_file(path: Path, name: str, expected: dict) -> FileResult:
    from gen.pipeline import theme_names
    from gen.reading.decode import decode_bytes
    from gen.reading.detect import read_text
    from gen.site.source_page import source_page
    from gen.understanding.assemble import article_for
    from gen.understanding.classify import classify

    result = FileResult(name, expected.get("family", "?"))
    check = result.checks.append
    text, _ = decode_bytes(path.read_bytes())
    started = time.perf_counter()
    try:
        document = read_text(text, name)
    except Exception as error:  # an unreadable file fails every check it has
        check(("read", False, f"{type(error).__name__}: {error}"))
        return result
    seconds = time.perf_counter() - started
    article = classify(article_for(document))
    page = source_page(article, theme_names()).content
    meta = document.meta
    found = {"family": document.format, **{key: getattr(meta, key) for key in EXACT if key != "family"}}
    for key in EXACT:
        if key in expected:
            want = "" if expected[key] is None else str(expected[key])
            check((key, found[key] == want, found[key]))
    if "history" in expected:
        dates = [date for date, _ in meta.history]
        check(("history", dates == [str(d) for d in expected["history"]], str(dates)))
    body = [p.text for p in article.paragraphs if not p.heading and p.kind == "p"]
    headings = [p.text for p in article.paragraphs if p.heading]
    if "first" in expected:
        check(("first", bool(body) and body[0].startswith(expected["first"]), body[0][:60] if body else "(none)"))
    if "last" in expected:
        check(("last", bool(body) and body[-1].endswith(expected["last"]), body[-1][-60:] if body else "(none)"))
    if "first_heading" in expected:
        check(("first_heading", bool(headings) and headings[0] == expected["first_heading"], headings[0] if headings else ""))
    if "last_heading" in expected:
        check(("last_heading", bool(headings) and headings[-1] == expected["last_heading"], headings[-1] if headings else ""))
    if "headings_count" in expected:
        check(("headings_count", len(headings) == expected["headings_count"], str(len(headings))))
    joined = "\n".join([meta.title, meta.summary, *(p.text for p in article.paragraphs)])
    for snippet in expected.get("must_contain", []):
        check((f"contains {snippet[:30]}", snippet in joined, ""))
    for snippet in expected.get("must_not_contain", []):
        check((f"no {snippet[:30]}", snippet not in joined and snippet not in page, ""))
    for snippet in expected.get("not_in_body", []):
        check((f"not in body {snippet[:30]}", not any(snippet in p.text for p in article.paragraphs), ""))
    if "max_seconds" in expected:
        check(("max_seconds", seconds <= expected["max_seconds"], f"{seconds:.2f}s"))
    if "on_topic" in expected:
        result.on_topic = (bool(expected["on_topic"]), article.on_topic)
    return result


def evaluate_set(folder: Path, expectations: Path) -> list[FileResult]:
    if not folder.is_dir() or not expectations.exists():
        return []
    wanted = yaml.safe_load(expectations.read_text(encoding="utf-8")) or {}
    return [evaluate_file(folder / name, name, spec) for name, spec in sorted(wanted.items())]


def scores(results: list[FileResult]) -> dict[str, float]:
    passed: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    for result in results:
        passed[result.family] += result.passed
        total[result.family] += len(result.checks)
    return {family: round(passed[family] / total[family], 4) if total[family] else 0.0 for family in sorted(total)}


def evaluate_all() -> dict[str, list[FileResult]]:
    sets = {"devset": evaluate_set(DEVSET, DEVSET / "expectations.yml")}
    if CORPUS.is_dir():
        sets["corpus"] = evaluate_set(CORPUS, DEVSET / "corpus_expectations.yml")
    return sets


def report(sets: dict[str, list[FileResult]]) -> str:
    lines = []
    families = sorted({r.family for results in sets.values() for r in results})
    lines.append(f"{'family':<16}" + "".join(f"{name:>22}" for name in sets))
    for family in families:
        row = f"{family:<16}"
        for results in sets.values():
            mine = [r for r in results if r.family == family]
            passed, total = sum(r.passed for r in mine), sum(len(r.checks) for r in mine)
            row += f"{(f'{passed / total:.3f} ({passed}/{total})' if total else '—'):>22}"
        lines.append(row)
    for name, results in sets.items():
        for result in results:
            for check, ok, detail in result.checks:
                if not ok:
                    lines.append(f"FAIL {name}/{result.name}: {check} (found: {detail})")
            if result.on_topic is not None:
                want, got = result.on_topic
                lines.append(f"on_topic {name}/{result.name}: expected {want}, the theme rules say {got}"
                             + ("" if want == got else "  <- differs"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write-baseline", action="store_true", help="pin the scores in tests/devset/baseline.yml")
    args = parser.parse_args(argv)
    sets = evaluate_all()
    if args.write_baseline:
        baseline = {name: scores(results) for name, results in sets.items()}
        BASELINE.write_text("# Per-family reading scores (share of checks passed), pinned by\n"
                            "# `python -m tools.evaluate_reading --write-baseline`; tests/test_reading_eval.py\n"
                            "# fails when a family scores below its pinned value.\n"
                            + yaml.safe_dump(baseline, allow_unicode=True, sort_keys=True), encoding="utf-8")
        print(f"baseline written to {BASELINE.relative_to(ROOT)}")
    print(report(sets))
    return 0


if __name__ == "__main__":
    sys.exit(main())
