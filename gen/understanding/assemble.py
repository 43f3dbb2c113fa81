"""Documents -> Articles: a unique slug each and a stable anchor on every paragraph."""

from __future__ import annotations

from dataclasses import replace

from gen.models import Article, Document, Paragraph
from gen.rendering.markup import anchor, slugify


def article_for(document: Document) -> Article:
    slug = slugify(document.meta.title, document.meta.date, document.source_file)
    return Article(id=slug, document=document, paragraphs=paragraphs_of(document))


def unique_ids(articles: list[Article]) -> list[Article]:
    """Slugs carry a hash of the file path; should two still collide, later ones get a suffix."""
    taken: set[str] = set()
    out = []
    for article in sorted(articles, key=lambda a: a.document.source_file):
        slug, n = article.id, 2
        while slug in taken:
            slug, n = f"{article.id[:76]}-{n}", n + 1
        taken.add(slug)
        out.append(article if slug == article.id else replace(article, id=slug))
    return out


def paragraphs_of(document: Document) -> tuple[Paragraph, ...]:
    anchors: dict[str, int] = {}
    out = []
    for block in document.blocks:
        prefix = "h" if block.kind == "h" else ("fig" if block.kind == "img" else "p")
        out.append(
            Paragraph(
                anchor=anchor(prefix, block.text or block.src, anchors),
                text=block.text,
                kind="h" if block.kind == "h" else ("img" if block.kind == "img" else "p"),
                src=block.src,
                links=block.links,
            )
        )
    return tuple(out)
