"""Where a parameter applies: the places a sentence names before its value, else the
place the document is about, else nowhere in particular (national).

"甘肃省张掖市、山西省忻州市等提高…" names two cities: a province written right before one
of its own divisions is part of that division's name, and places joined by 、和及与 form one
list, the subject of the value that follows.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from gen.models import Article, Place
from gen.understanding.parameters.vocabulary import ParameterVocabulary
from gen.understanding.places import MUNICIPALITIES, Gazetteer

_LIST_JOINT = re.compile(r"^[、，,和及与以及\s]*$")
DOMINANT_SHARE = 0.6  # a document is about one province when it names that one this often


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    place: Place


def mentions(text: str, places: Gazetteer) -> list[Mention]:
    """Every mention of every place the gazetteer finds, in order; "甘肃省张掖市" is one."""
    found: list[Mention] = []
    for place in places.find(text):
        found += [Mention(m.start(), m.end(), place) for m in re.finditer(re.escape(place.name), text)]
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue  # inside a longer name already taken
        if kept and kept[-1].end == mention.start and _contains(kept[-1].place, mention.place):
            kept[-1] = Mention(kept[-1].start, mention.end, mention.place)
            continue
        kept.append(mention)
    return kept


def _contains(outer: Place, inner: Place) -> bool:
    if outer.adcode == inner.adcode:
        return False
    if outer.adcode.endswith("0000"):
        return inner.adcode[:2] == outer.adcode[:2]
    return outer.adcode.endswith("00") and inner.adcode[:4] == outer.adcode[:4]


def runs(text: str, found: list[Mention]) -> list[list[Mention]]:
    """Mentions grouped into lists ("九江市、义马市、济源示范区")."""
    groups: list[list[Mention]] = []
    for mention in found:
        if groups and _LIST_JOINT.match(text[groups[-1][-1].end:mention.start]):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def subject_before(text: str, found: list[Mention], position: int, floor: int = 0) -> list[Place]:
    """The last list of places that ends before `position` and starts at or after `floor`;
    a place in brackets is an aside ("（含新疆生产建设兵团）"), never the subject."""
    inside = [m for m in found if floor <= m.start and m.end <= position and not bracketed(text, m.start)]
    candidates = runs(text, inside)
    if not candidates:
        return []
    return list({m.place.adcode + m.place.name: m.place for m in candidates[-1]}.values())


def bracketed(text: str, at: int) -> bool:
    before = text[:at]
    return before.count("（") + before.count("(") > before.count("）") + before.count(")")


def home_place(article: Article, places: Gazetteer, vocab: ParameterVocabulary) -> Place | None:
    """The place a document speaks for when a sentence names none: its title's, its
    publisher's, else the first place of the one province it keeps naming. A document
    whose title or publisher is a national body and names no place speaks for no place."""
    meta = article.meta
    for text in (meta.title, meta.publisher):
        named = mentions(text, places)
        if named:
            return named[0].place
    if vocab.national_issuers.search(meta.title) or vocab.national_issuers.search(meta.publisher):
        return None
    per_paragraph = [p.places for p in article.paragraphs if p.places]
    if not per_paragraph:
        per_paragraph = [places.find(p.text) for p in article.paragraphs if p.text]
    counts = Counter(x.adcode[:2] for found in per_paragraph for x in {pl.adcode[:2]: pl for pl in found}.values())
    total = sum(counts.values())
    if not total:
        return None
    province, count = counts.most_common(1)[0]
    if count < 2 or count / total < DOMINANT_SHARE:
        return None
    return next(x for found in per_paragraph for x in found if x.adcode[:2] == province)


def level_of(place: Place | None) -> str:
    if place is None:
        return "national"
    code = place.adcode
    if code.endswith("0000"):
        return "provincial"
    if code[:2] in MUNICIPALITIES:
        return "county"  # a district of Beijing, Tianjin, Shanghai or Chongqing
    if code.endswith("00"):
        return "municipal"
    return "county"
