"""Precision and recall of the figure reader: value, shown text, qualifier, measure, period, place.

    python -m tools.evaluate_figures                 # the table, all items and each batch
    python -m tools.evaluate_figures --verbose       # and every miss, false find and wrong field

The items of tests/labels/figures_devset.yml are read one by one as sources (front matter
from their title, date and publisher) by the generator's own reader and classifier, so a
figure's place comes from the same rules as on the site.

A found figure matches an expected one with the same value, unit and range top; each
matched pair then scores its fields. For a field, precision is the share of the matched
figures that carry that field (non-empty) and carry it right; recall is the share of the
expected figures with that field that were found and got it right. A measure is right when
it contains the expected head noun; a place when its first name is the expected one (全国
for a national figure).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from gen.models import Figure
from gen.reading.detect import read_text
from gen.understanding.assemble import article_for
from gen.understanding.classify import classify
from tools.scores import Score, ratio

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "labels" / "figures_devset.yml"
FIELDS = ("value", "text", "qualifier", "measure", "period", "place")
NATIONAL = "全国"


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {name: Score() for name in FIELDS})
    problems: list[str] = field(default_factory=list)
    items: int = 0


def item_source(item: dict) -> str:
    front = {k: str(item[k]) for k in ("title", "date", "publisher") if item.get(k)}
    front.setdefault("title", item["id"])
    return "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n\n" + item["text"].strip() + "\n"


def figures_of(item: dict) -> list[Figure]:
    article = classify(article_for(read_text(item_source(item), f"{item['id']}.md")))
    return [figure for paragraph in article.paragraphs for figure in paragraph.figures]


def place_name(figure: Figure) -> str:
    return figure.places[0].name if figure.places else NATIONAL


def _field(figure: Figure, name: str) -> str:
    return place_name(figure) if name == "place" else str(getattr(figure, name))


def _same_value(expected: dict, figure: Figure) -> bool:
    return (float(expected["value"]) == float(figure.value) and str(expected["unit"]) == figure.unit
            and (expected.get("upper") is None) == (figure.upper is None)
            and (figure.upper is None or float(expected["upper"]) == float(figure.upper)))


def _right(name: str, expected: str, found: str) -> bool:
    if name == "measure":
        return expected in found
    # a place is named as the text names it: 山西 is 山西省
    return expected == found or (name == "place" and expected.startswith(found) and found != NATIONAL)


def score_item(item: dict, found: list[Figure], report: Report) -> None:
    expected_figures = item.get("figures") or []
    value = report.scores["value"]
    value.expected += len(expected_figures)
    value.found += len(found)
    unmatched = list(found)
    for expected in expected_figures:
        hit = next((f for f in unmatched if _same_value(expected, f)), None)
        for name in FIELDS[1:]:
            wanted = str(expected.get(name) or "")
            if wanted:
                report.scores[name].expected += 1
        if hit is None:
            report.problems.append(f"MISS  {item['id']}: {expected['text']}")
            continue
        unmatched.remove(hit)
        value.matched += 1
        for name in FIELDS[1:]:
            wanted, got = str(expected.get(name) or ""), _field(hit, name)
            score = report.scores[name]
            # a measure left unlabelled ("") is not scored: many figures measure nothing nameable
            if got and (wanted or name != "measure"):
                score.found += 1
            if wanted and got and _right(name, wanted, got):
                score.matched += 1
            elif wanted or (got and name != "measure"):
                report.problems.append(f"FIELD {item['id']}: {expected['text']} {name} expected {wanted!r} found {got!r}")
    report.problems += [f"FALSE {item['id']}: {f.text}" for f in unmatched]


def evaluate(batch: str | None = None) -> Report:
    report = Report()
    for item in yaml.safe_load(DEVSET.read_text(encoding="utf-8"))["items"]:
        if batch is None or item.get("batch") == batch:
            report.items += 1
            score_item(item, figures_of(item), report)
    return report


def table(report: Report) -> str:
    lines = ["| field | expected | found | correct | precision | recall |", "|---|---:|---:|---:|---:|---:|"]
    for name, score in report.scores.items():
        lines.append(f"| {name} | {score.expected} | {score.found} | {score.matched} | "
                     f"{ratio(score.precision)} | {ratio(score.recall)} |")
    return "\n".join(lines) + f"\n\nitems: {report.items}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list every miss, false find and wrong field")
    parser.add_argument("--batch", help="score one batch of the devset alone (before, after)")
    args = parser.parse_args(argv)
    report = evaluate(args.batch)
    print(f"Figures devset ({args.batch or 'all batches'}):\n")
    print(table(report))
    if args.batch is None:
        for batch in ("before", "after"):
            print(f"\nBatch {batch!r} alone:\n")
            print(table(evaluate(batch)))
    if args.verbose:
        print("\n" + "\n".join(report.problems))
    return 0


if __name__ == "__main__":
    sys.exit(main())
