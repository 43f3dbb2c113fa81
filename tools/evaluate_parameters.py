"""Precision and recall of the policy-parameter reader, per parameter.

    python -m tools.evaluate_parameters            # the table
    python -m tools.evaluate_parameters --verbose  # and every miss and false find

Three sets, each source read by the generator's own reader (format detection included):
- tests/parameters/devset.yml: written documents mimicking notices, laws, tenders and news,
  each with the facts it states (and traps that state none);
- the seeds, labelled in tests/parameters/seed_facts.yml;
- the sample documents in ../shared/corpus/ (read from there, never copied into the
  repository), labelled in tests/parameters/corpus_facts.yml; skipped when absent.

An expected fact names parameter, place (adcode, or null for national), value and, for a
change, previous; measure, scope, condition and level are compared when given. A found fact
counts once against one expected fact.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from gen.models import ParameterFact, ParameterValue
from gen.reading.detect import read_text
from gen.understanding.assemble import article_for
from gen.understanding.classify import classify
from gen.understanding.parameters import find_parameters
from gen.understanding.parameters.vocabulary import parameter_vocabulary
from tools.scores import Score, ratio

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "parameters"
SEEDS = ROOT / "seeds"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
_VALUE = re.compile(r"^(?P<low>[\d.]+)(?:-(?P<high>[\d.]+))?\s*(?P<unit>%|万元|元|家|笔|户|days|working_days)$")
_CONDITION_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*万元")


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=dict)
    misses: list[tuple[str, dict]] = field(default_factory=list)
    false_finds: list[tuple[str, ParameterFact]] = field(default_factory=list)
    sources: Counter = field(default_factory=Counter)


def parse_value(text) -> ParameterValue:
    text = str(text).strip()
    m = _VALUE.match(text)
    if not m:
        return ParameterValue(status=text)
    number = lambda s: int(float(s)) if float(s) == int(float(s)) else float(s)  # noqa: E731
    return ParameterValue(low=number(m["low"]), high=number(m["high"]) if m["high"] else None, unit=m["unit"])


def condition_key(condition: str) -> str:
    """"超过200万元以上" -> ">200"; "200万元以下" -> "<=200"; "" -> ""."""
    m = _CONDITION_AMOUNT.search(condition or "")
    if not m:
        return ""
    return ("<=" if "以下" in condition else ">") + m.group(1)


def matches(expected: dict, fact: ParameterFact) -> bool:
    place = fact.place.adcode if fact.place else None
    if expected["parameter"] != fact.parameter or (expected.get("place") or None) != place:
        return False
    if parse_value(expected["value"]) != fact.value:
        return False
    previous = parse_value(expected["previous"]) if expected.get("previous") is not None else None
    if previous != fact.previous or expected.get("measure", "") != fact.measure:
        return False
    if "scope" in expected and expected["scope"] != fact.scope_class:
        return False
    if "condition" in expected and str(expected["condition"]) != condition_key(fact.scope_condition):
        return False
    return "level" not in expected or expected["level"] == fact.level


def facts_of(text: str, name: str) -> tuple[ParameterFact, ...]:
    return find_parameters(classify(article_for(read_text(text, name)))).facts


def devset_source(document: dict) -> str:
    """A devset document as a Markdown source with front matter, read like any other."""
    front = {k: document[k] for k in ("title", "date", "publisher") if document.get(k)}
    return "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n\n" + document["text"].strip() + "\n"


def cases(batch: str | None = None) -> list[tuple[str, str, list[dict]]]:
    """(set/name, source text, expected facts) for every labelled source available; with
    `batch`, only the devset documents of that batch ("second")."""
    found = []
    devset = yaml.safe_load((LABELS / "devset.yml").read_text(encoding="utf-8"))
    for document in devset["documents"]:
        if batch is None or document.get("batch") == batch:
            found.append((f"devset/{document['id']}", devset_source(document), document.get("facts") or []))
    if batch is not None:
        return found
    seeds = yaml.safe_load((LABELS / "seed_facts.yml").read_text(encoding="utf-8"))
    for name, facts in seeds["sources"].items():
        found.append((f"seeds/{name}", (SEEDS / name).read_text(encoding="utf-8"), facts or []))
    if SHARED_CORPUS.is_dir():
        corpus = yaml.safe_load((LABELS / "corpus_facts.yml").read_text(encoding="utf-8"))
        for name, facts in corpus["sources"].items():
            path = SHARED_CORPUS / name
            if path.exists():
                found.append((f"corpus/{name}", path.read_text(encoding="utf-8", errors="replace"), facts or []))
    return found


def evaluate(batch: str | None = None) -> Report:
    report = Report(scores={p.id: Score() for p in parameter_vocabulary().parameters})
    for name, text, expected in cases(batch):
        report.sources[name.split("/")[0]] += 1
        found = list(facts_of(text, name.split("/", 1)[1]))
        for item in expected:
            report.scores[item["parameter"]].expected += 1
        for fact in found:
            report.scores[fact.parameter].found += 1
        unmatched = list(found)
        for item in expected:
            hit = next((f for f in unmatched if matches(item, f)), None)
            if hit is None:
                report.misses.append((name, item))
            else:
                unmatched.remove(hit)
                report.scores[item["parameter"]].matched += 1
        report.false_finds += [(name, f) for f in unmatched]
    return report


def table(report: Report) -> str:
    lines = ["| parameter | expected | found | matched | precision | recall |", "|---|---:|---:|---:|---:|---:|"]
    total = Score()
    for parameter, score in report.scores.items():
        lines.append(f"| {parameter} | {score.expected} | {score.found} | {score.matched} | "
                     f"{ratio(score.precision)} | {ratio(score.recall)} |")
        total.expected += score.expected
        total.found += score.found
        total.matched += score.matched
    lines.append(f"| all | {total.expected} | {total.found} | {total.matched} | "
                 f"{ratio(total.precision)} | {ratio(total.recall)} |")
    sets = ", ".join(f"{name} {count}" for name, count in sorted(report.sources.items()))
    return "\n".join(lines) + f"\n\nsources: {sets}"


def _describe(fact: ParameterFact) -> str:
    value = fact.value.status or f"{fact.value.low}{'-' + str(fact.value.high) if fact.value.high is not None else ''}{fact.value.unit}"
    previous = f" prev={fact.previous.low}-{fact.previous.high}" if fact.previous else ""
    place = fact.place.adcode if fact.place else None
    return (f"{fact.parameter}/{fact.measure} place={place} {value}{previous} scope={fact.scope_class}"
            f" condition={condition_key(fact.scope_condition)!r} level={fact.level} | {fact.quote[:80]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list every miss and false find")
    args = parser.parse_args(argv)
    report = evaluate()
    print("All labelled sources (devset, seeds, shared corpus):\n")
    print(table(report))
    second = evaluate("second")
    print("\nDevset second batch alone (written after the first rules; its score before the rules were mended"
          " for it is in devset.yml):\n")
    print(table(second))
    if args.verbose:
        for name, item in report.misses:
            print(f"MISS  {name}: {item}")
        for name, fact in report.false_finds:
            print(f"FALSE {name}: {_describe(fact)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
