"""Documents -> Articles: a unique slug each and a stable anchor on every paragraph."""

from __future__ import annotations

from .markup import anchor, slugify
from .models import Article, Document, Paragraph


def assemble(documents: list[Document]) -> list[Article]:
    taken: set[str] = set()
    articles = []
    for document in sorted(documents, key=lambda d: d.source_file):
        slug = slugify(document.meta.title, document.meta.date, document.source_file)
        while slug in taken:  # two files whose names hash alike: extremely rare, still handled
            slug = slug[:-1] + "x"
        taken.add(slug)
        articles.append(Article(id=slug, document=document, paragraphs=paragraphs_of(document)))
    return articles


def paragraphs_of(document: Document) -> tuple[Paragraph, ...]:
    anchors: set[str] = set()
    out = []
    for block in document.blocks:
        prefix = "h" if block.kind == "h" else ("fig" if block.kind == "img" else "p")
        out.append(
            Paragraph(
                anchor=anchor(prefix, block.text or block.src, anchors),
                text=block.text,
                heading=block.kind == "h",
                kind="h" if block.kind == "h" else ("img" if block.kind == "img" else "p"),
                src=block.src,
                links=block.links,
            )
        )
    return tuple(out)
