"""Themes a passage takes from its document's subject or its heading's.

A notice on 脱贫地区农副产品 says "完成预留比例" and means the produce set-aside; news about
the 832 platform says "销售额" and means sales on it. Such a passage names no theme in its
own words, yet a reader gives it the theme its title names. The subject is the single
theme a title (or a heading) names; a passage takes it only when its own words are ones
that continue that subject (the theme's `continues` in themes.yml), so a passage in the
same notice about something else (the agency's discipline, when it takes effect) does not.
"""

from __future__ import annotations

from gen.models import Article, ThemeMatch
from gen.understanding.themes import Vocabulary, score, strip_traps


def named_themes(text: str, vocab: Vocabulary) -> dict[str, tuple[str, ...]]:
    """Themes a heading, an item's opening clause or a title names outright."""
    named = {}
    for theme in vocab.themes:
        phrases = tuple(p for p in theme.heading_phrases if p in text)
        own, terms = score(text, theme.terms)
        if phrases or own >= vocab.paragraph_threshold:
            named[theme.id] = tuple(f"「{p}」" for p in phrases) or terms
    return named


def subject_of(text: str, vocab: Vocabulary) -> str:
    """The one theme a title or heading names, or "" when it names none or several (a
    title naming two themes says nothing about which one a passage continues)."""
    named = list(named_themes(strip_traps(text, vocab), vocab))
    return named[0] if len(named) == 1 and vocab.theme(named[0]).continues is not None else ""


def title_is_procurement(article: Article, vocab: Vocabulary) -> bool:
    """The title (or the type) says the document is government procurement throughout, so
    a passage continuing its subject is about procurement even without a procurement word."""
    return (article.meta.doc_type in vocab.context_types
            or bool(vocab.anchors.search(strip_traps(article.meta.title, vocab))))


def continuing(text: str, subject: str, vocab: Vocabulary) -> ThemeMatch | None:
    """The subject's theme, when the passage's words continue it; the words that do as terms."""
    if not subject:
        return None
    pattern = vocab.theme(subject).continues
    words = tuple(dict.fromkeys(m.group(0) for m in pattern.finditer(strip_traps(text, vocab)))) if pattern else ()
    return ThemeMatch(subject, words, vocab.paragraph_threshold, via="subject") if words else None
