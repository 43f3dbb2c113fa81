"""What each paragraph is about (themes), where (places), which figures.

Relevance first: a document is on topic only when it is about Chinese government
procurement; off-topic documents keep their page but get no theme. In an on-topic
document a paragraph gets themes from its own words, from the heading it stands under,
or from its numbered item's opening clause — and only if it is itself about procurement.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from gen.models import Article, Paragraph, Place, ThemeMatch
from gen.understanding.clauses import with_clauses
from gen.understanding.figure_facts import with_facts
from gen.understanding.figures import find_figures
from gen.understanding.glossary import spellings_in
from gen.understanding.places import Gazetteer, gazetteer
from gen.understanding.subject import continuing, named_themes, subject_of, title_is_procurement
from gen.understanding.themes import Vocabulary, score, strip_traps, vocabulary

_SECTION = re.compile(r"^[一二三四五六七八九十]+、")
_ITEM_LEAD = re.compile(r"^(?:\d{1,3}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]是)\s*([^。；！？]{2,30})[。；！？]")


def classify(article: Article, vocab: Vocabulary | None = None, places: Gazetteer | None = None) -> Article:
    vocab = vocab or vocabulary()
    places = places or gazetteer()
    about = procurement_passages(article, vocab)
    on_topic = any(about[i] and vocab.substance.search(p.text) for i, p in enumerate(article.paragraphs))
    body = [i for i, p in enumerate(article.paragraphs) if not p.heading and p.kind != "img" and p.text]
    focus = round(sum(1 for i in body if about[i]) / len(body), 3) if body else 0.0
    context: dict[str, tuple[str, ...]] = {}
    document_subject = subject = subject_of(article.meta.title, vocab)
    procurement_title = title_is_procurement(article, vocab)
    paragraphs = []
    for index, paragraph in enumerate(article.paragraphs):
        if paragraph.heading:
            context = _heading_scope(paragraph.text, vocab)
            subject = _heading_subject(paragraph.text, document_subject, vocab)
        elif paragraph.text.startswith(vocab.scope_breakers):
            context, subject = {}, document_subject
        themes = _paragraph_themes(paragraph, context, vocab) if on_topic and (about[index] or paragraph.heading) else ()
        if on_topic and procurement_title and not paragraph.heading and paragraph.kind != "img":
            themes = _with_subject(themes, continuing(paragraph.text, subject, vocab), vocab)
        found_places = places.find(paragraph.text) if paragraph.kind != "img" else ()
        figures = find_figures(paragraph.text) if not paragraph.heading else ()
        terms = spellings_in(paragraph.text) if not paragraph.heading else ()
        paragraphs.append(replace(paragraph, themes=themes, places=found_places, figures=figures, glossary=terms))
    home = document_places(article, paragraphs, places)
    paragraphs = [with_facts(p, home) for p in _with_document_places(paragraphs, home)]
    paragraphs = with_clauses(paragraphs, article.meta.doc_type)
    doc_themes = _document_themes(paragraphs, vocab) if on_topic else ()
    return replace(
        article,
        paragraphs=tuple(paragraphs),
        on_topic=on_topic,
        focus=focus if on_topic else 0.0,
        themes=doc_themes,
        regions=_regions(paragraphs, article.meta.title, places),
        places=home,
    )


def procurement_passages(article: Article, vocab: Vocabulary) -> list[bool]:
    """For each paragraph: is it about Chinese government procurement?

    From its own words (a word only government procurement uses, look-alikes removed), or
    from its context: a heading that names it, or a document whose title names it or whose
    paragraphs name it throughout; then any procurement word will do.
    """
    texts = [strip_traps(p.text, vocab) if p.kind != "img" else "" for p in article.paragraphs]
    anchored = [bool(vocab.anchors.search(t)) for t in texts]
    body = [i for i, p in enumerate(article.paragraphs) if not p.heading and texts[i]]
    throughout = bool(body) and sum(1 for i in body if anchored[i]) / len(body) >= vocab.document_min_share
    document = (throughout or article.meta.doc_type in vocab.context_types
                or bool(vocab.anchors.search(strip_traps(article.meta.title, vocab))))
    about, under_heading = [], False
    for index, paragraph in enumerate(article.paragraphs):
        if paragraph.heading:
            under_heading = anchored[index]
        elif paragraph.text.startswith(vocab.scope_breakers):
            under_heading = False
        in_context = document or under_heading
        own = score(texts[index], vocab.relevance_terms)[0] >= vocab.paragraph_min_score
        about.append(not paragraph.heading and bool(texts[index]) and (anchored[index] or (in_context and own)))
    return about


def relevance(text: str, vocab: Vocabulary) -> float:
    return score(strip_traps(text, vocab), vocab.relevance_terms)[0]


def _heading_subject(heading: str, document_subject: str, vocab: Vocabulary) -> str:
    """The subject under a heading: the one theme it names; none when it names several or
    a theme the subject cannot continue; the document's when it names no theme."""
    if not named_themes(heading, vocab):
        return document_subject
    return subject_of(heading, vocab)


def _with_subject(themes: tuple[ThemeMatch, ...], continued: ThemeMatch | None, vocab: Vocabulary) -> tuple[ThemeMatch, ...]:
    """The passage's own themes and, when it continues its subject, the subject's theme,
    in vocabulary order."""
    if continued is None or any(m.theme == continued.theme for m in themes):
        return themes
    return tuple(sorted((*themes, continued), key=lambda m: vocab.ids.index(m.theme)))


def _heading_scope(text: str, vocab: Vocabulary) -> dict[str, tuple[str, ...]]:
    """Themes a heading hands down: numbered sections, or headings that are theme names."""
    named = named_themes(text, vocab)
    if _SECTION.match(text):
        return named
    scoped = {}
    for theme_id, terms in named.items():
        phrases = [p for p in vocab.theme(theme_id).heading_phrases if p in text]
        covered = max((len(p) for p in phrases), default=0)
        if covered >= vocab.heading_phrase_share * len(text):
            scoped[theme_id] = terms
    return scoped


def _paragraph_themes(paragraph: Paragraph, context: dict, vocab: Vocabulary) -> tuple[ThemeMatch, ...]:
    """A passage's themes (the caller passes only passages about government procurement);
    a heading's are the themes it hands down."""
    if paragraph.kind == "img":
        return ()
    if paragraph.heading:
        return tuple(ThemeMatch(t, terms, vocab.paragraph_threshold) for t, terms in context.items())
    lead = _ITEM_LEAD.match(paragraph.text)
    named = {**context, **(named_themes(lead.group(1), vocab) if lead else {})}
    bar = vocab.paragraph_threshold * (vocab.other_theme_factor if named else 1)
    matches = []
    for theme in vocab.themes:
        own, terms = score(paragraph.text, theme.terms)
        own -= score(paragraph.text, theme.negative)[0]
        if theme.id in named or own >= bar:
            matches.append(ThemeMatch(theme.id, terms or named[theme.id], max(own, vocab.paragraph_threshold)))
    return tuple(matches)


def _document_themes(paragraphs: list[Paragraph], vocab: Vocabulary) -> tuple[str, ...]:
    """The themes of the passages the theme pages quote (body paragraphs), in vocabulary order."""
    found = {m.theme for p in paragraphs if not p.heading for m in p.themes}
    return tuple(theme.id for theme in vocab.themes if theme.id in found)


def _regions(paragraphs: list[Paragraph], title: str, places: Gazetteer) -> tuple[Place, ...]:
    seen: dict[str, Place] = {}
    for place in (*places.find(title), *(x for p in paragraphs for x in p.places)):
        seen.setdefault(place.adcode, place)
    return tuple(seen.values())


DOMINANT_MENTIONS = 3  # a province named this often, in most of the place mentions, is the document's


def document_places(article: Article, paragraphs: list[Paragraph], places: Gazetteer) -> tuple[Place, ...]:
    """Where a document is from: its issuer's region (a government body names it), else the
    places its title names, else the province most of its place mentions are in. None for a
    national or round-up document."""
    issuer = article.meta.publisher if article.meta.issuer_level != "none" else ""  # a news outlet is no issuer
    for text in (issuer, article.meta.title):
        found = places.find(text) if text else ()
        if found:
            return found
    provinces = Counter(x.province for p in paragraphs for x in p.places if x.province)
    if provinces:
        (top, count), total = provinces.most_common(1)[0], sum(provinces.values())
        if count >= DOMINANT_MENTIONS and 2 * count > total:
            code = next(x.adcode[:2] + "0000" for p in paragraphs for x in p.places if x.province == top)
            return (places.place(top, code),)
    return ()


def _with_document_places(paragraphs: list[Paragraph], inherited: tuple[Place, ...]) -> list[Paragraph]:
    """A body paragraph that names no place of its own has its document's, marked as such."""
    if not inherited:
        return paragraphs
    marked = tuple(replace(place, found_in="document") for place in inherited)
    return [replace(p, places=marked) if not p.places and not p.heading and p.kind != "img" else p for p in paragraphs]
