"""How well the understanding stage reads themes, topic and places, against hand labels.

    python -m gen evaluate            # the tables
    python -m gen evaluate --verbose  # and every passage the classifier got wrong

Two labelled sets:
- tests/labels/passages/: passages quoted from ../shared/corpus/ or written to
  mimic the families the briefing reads (broad policy documents, laws, tenders, news,
  near-misses), each document classified as a whole with its title, type and issuer;
- the seeds, labelled in tests/labels/seed_themes.yml (themes only), read by the
  generator's own reader.

Scores: per theme precision, recall and F1 over body passages; topic accuracy over
documents; place precision and recall, separately for places a passage names itself and
places it inherits from its document.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import yaml

from gen.models import Article, Block, Document, Meta, Paragraph
from gen.reading.decode import decode_bytes
from gen.reading.detect import read_text
from gen.reading.kind import issuer_level
from gen.understanding.assemble import article_for
from gen.understanding.classify import classify
from gen.understanding.places import gazetteer
from gen.understanding.themes import Vocabulary, vocabulary

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "labels"
DEVSET = LABELS / "passages"  # one YAML file per group of documents; README.md there
SEED_LABELS = LABELS / "seed_themes.yml"
SEEDS = ROOT / "seeds"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


@dataclass
class Counts:
    """True positives, false positives and false negatives of one label."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, expected: set, found: set) -> None:
        self.tp += len(expected & found)
        self.fp += len(found - expected)
        self.fn += len(expected - found)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    themes: dict[str, Counts] = field(default_factory=dict)
    documents: int = 0
    topic_right: int = 0
    passages: int = 0
    text_places: Counts = field(default_factory=Counts)
    inherited_places: Counts = field(default_factory=Counts)
    places_labelled: bool = True
    clauses: int = 0  # passages of laws, regulations and measures labelled with their article
    clauses_right: int = 0  # passages whose article (or its absence) was found as labelled
    mistakes: list[str] = field(default_factory=list)

    @property
    def topic_accuracy(self) -> float:
        return self.topic_right / self.documents if self.documents else 1.0

    @property
    def clause_accuracy(self) -> float:
        return self.clauses_right / self.passages if self.passages else 1.0


def devset_documents(batch: str | None = None) -> list[dict]:
    documents = [d for path in sorted(DEVSET.glob("*.yml"))
                 for d in yaml.safe_load(path.read_text(encoding="utf-8"))["documents"]]
    return [d for d in documents if batch is None or d["batch"] == batch]


def devset_article(document: dict, vocab: Vocabulary | None = None) -> Article:
    """A labelled document as the understanding stage sees a read one: its context in Meta
    (the issuer's level as the readers work it out), its passages as blocks in order."""
    meta = Meta(title=document["title"], date="2024-01-01", publisher=document.get("publisher") or "",
                doc_type=document["doc_type"])
    meta = replace(meta, issuer_level=issuer_level(meta, meta.doc_type))
    blocks = tuple(Block("h" if p.get("heading") else "p", p["text"]) for p in document["passages"])
    return classify(article_for(Document(f"devset/{document['name']}.md", "markdown", meta, blocks)), vocab)


def labelled_paragraphs(document: dict, vocab: Vocabulary | None = None) -> tuple[Article, list[tuple[dict, Paragraph]]] | None:
    """The document classified, and (label, paragraph) for each labelled passage. A passage
    quoted from a sample in ../shared/corpus/ is found in the whole file, read by the
    generator's own reader: the passages around it are its context (a few quoted alone
    would make a law with one procurement article look like a procurement text). None for
    such a document when the file is not there."""
    if not document["source"].startswith("corpus/"):
        article = devset_article(document, vocab)
        return article, list(zip(document["passages"], article.paragraphs, strict=True))
    path = SHARED_CORPUS / document["source"].removeprefix("corpus/")
    if not path.is_file():
        return None
    text, _ = decode_bytes(path.read_bytes())
    article = classify(article_for(read_text(text, path.name)), vocab)
    paragraphs = list(article.paragraphs)
    pairs, start = [], 0
    for label in document["passages"]:
        index = next((i for i in range(start, len(paragraphs)) if paragraphs[i].text == label["text"]), None)
        if index is None:
            raise ValueError(f"{document['name']}: passage not in {path.name}: {label['text'][:40]}")
        pairs.append((label, paragraphs[index]))
        start = index + 1
    return article, pairs


@cache
def place_code(label: str) -> str:
    """A place label as a division code: a code as written, else the one its name names."""
    if label.isdigit():
        return label
    found = gazetteer().find(label)
    if len(found) != 1:
        raise ValueError(f"place label {label!r} names {len(found)} divisions; write its code")
    return found[0].adcode


def _codes(paragraph: Paragraph, found_in: str) -> set[str]:
    return {p.adcode for p in paragraph.places if p.found_in == found_in}


def score_devset(batch: str | None = None, vocab: Vocabulary | None = None) -> Report:
    report = Report(themes={t: Counts() for t in vocabulary().ids})
    for document in devset_documents(batch):
        labelled = labelled_paragraphs(document, vocab)
        if labelled is None:
            continue
        article, pairs = labelled
        report.documents += 1
        if article.on_topic == document["on_topic"]:
            report.topic_right += 1
        else:
            report.mistakes.append(f"TOPIC {document['name']}: expected on_topic={document['on_topic']}")
        home = {place_code(x) for x in document.get("home") or ()}
        for label, paragraph in pairs:
            if label.get("heading"):
                continue
            report.passages += 1
            expected, found = set(label.get("themes") or ()), set(paragraph.theme_ids)
            _score_themes(report, expected, found, f"{document['name']}: {paragraph.text[:60]}")
            _score_clause(report, label.get("clause", ""), paragraph, document["name"])
            named = {place_code(x) for x in label.get("places") or ()}
            report.text_places.add(named, _codes(paragraph, "text"))
            report.inherited_places.add(set() if named else home, _codes(paragraph, "document"))
            if named != _codes(paragraph, "text") or (set() if named else home) != _codes(paragraph, "document"):
                report.mistakes.append(f"PLACE {document['name']}: {paragraph.text[:40]} expected {sorted(named)} "
                                       f"(home {sorted(home)}), found {[(p.name, p.found_in) for p in paragraph.places]}")
    return report


def _score_clause(report: Report, expected: str, paragraph: Paragraph, name: str) -> None:
    report.clauses += bool(expected)
    if paragraph.clause == expected:
        report.clauses_right += 1
    else:
        report.mistakes.append(f"CLAUSE {name}: {paragraph.text[:40]} expected {expected!r}, found {paragraph.clause!r}")


def _score_themes(report: Report, expected: set[str], found: set[str], where: str) -> None:
    for theme, counts in report.themes.items():
        counts.add({theme} & expected, {theme} & found)
    if expected != found:
        report.mistakes.append(f"THEME {where} expected {sorted(expected)}, found {sorted(found)}")


def score_seeds() -> Report:
    """Themes of the seeds' body paragraphs against seed_themes.yml (keys: opening words)."""
    report = Report(themes={t: Counts() for t in vocabulary().ids}, places_labelled=False)
    labels = yaml.safe_load(SEED_LABELS.read_text(encoding="utf-8"))
    for name, passages in labels.items():
        article = classify(article_for(read_text((SEEDS / name).read_text(encoding="utf-8"), name)))
        report.documents += 1
        report.topic_right += article.on_topic  # every seed is about government procurement
        body = [p for p in article.paragraphs if not p.heading and p.text]
        for opening, themes in passages.items():
            paragraph = next(p for p in body if p.text.startswith(opening))
            report.passages += 1
            _score_themes(report, set(themes), set(paragraph.theme_ids), f"{name}: {opening}")
    return report


def table(report: Report) -> str:
    lines = ["| theme | tp | fp | fn | precision | recall | F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
    for theme, c in report.themes.items():
        lines.append(f"| {theme} | {c.tp} | {c.fp} | {c.fn} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} |")
    lines.append(f"\ntopic accuracy {report.topic_accuracy:.3f} ({report.topic_right}/{report.documents} documents),"
                 f" {report.passages} passages")
    if not report.places_labelled:
        return "\n".join(lines)
    lines.append(f"articles (第X条): {report.clauses_right}/{report.passages} passages right"
                 f" ({report.clauses} belong to an article, the rest to none)")
    for name, c in (("named in the passage", report.text_places), ("inherited from the document", report.inherited_places)):
        lines.append(f"places {name}: precision {c.precision:.3f} recall {c.recall:.3f}"
                     f" (tp {c.tp}, fp {c.fp}, fn {c.fn})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gen evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list every passage the classifier got wrong")
    parser.add_argument("--batch", choices=("tuning", "heldout", "fresh", "untuned", "context", "context-unseen"), help="score one devset batch alone")
    args = parser.parse_args(argv)
    if args.batch:
        report = score_devset(args.batch)
        print(f"Development set, {args.batch} batch\n\n{table(report)}\n")
        print("\n".join(report.mistakes) if args.verbose else "", end="")
        return 0
    sections = [
        ("Development set, all passages (tests/labels/passages/)", score_devset()),
        ("Development set, held-out batch alone (written before any rule was mended)", score_devset("heldout")),
        ("Development set, fresh batch alone (written after two rounds of mending)", score_devset("fresh")),
        ("Development set, untuned batch alone (written last; no rule changed for it)", score_devset("untuned")),
        ("Development set, context batch alone (themes a document's subject gives)", score_devset("context")),
        ("Development set, context-unseen batch alone (written after the subject rules)", score_devset("context-unseen")),
        ("Seeds (tests/labels/seed_themes.yml; themes only)", score_seeds()),
    ]
    for title, report in sections:
        print(f"{title}\n\n{table(report)}\n")
    if args.verbose:
        for line in sections[0][1].mistakes + sections[-1][1].mistakes:
            print(line)
    return 0
