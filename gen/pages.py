"""One Markdown page per source: schema-checked front matter, then the article."""

from __future__ import annotations

import html

from . import frontmatter, markup
from .models import Article, OutputFile
from .render import render


def source_page(article: Article, theme_names: dict[str, str]) -> OutputFile:
    meta = article.meta
    front = frontmatter.PageFrontMatter(
        # Material writes the front-matter title into the page as HTML: escape it there.
        title=html.escape(meta.title, quote=False),
        date=meta.date,
        datetime=meta.datetime,
        publisher=meta.publisher,
        author=meta.author,
        url=meta.url,
        doc_number=meta.doc_number,
        source_file=article.document.source_file,
        format=article.document.format,
        summary=meta.summary,
        on_topic=article.on_topic,
        themes=list(article.themes),
        regions=[place.name for place in article.regions],
        tags=[theme_names[t] for t in article.themes if t in theme_names],
    )
    paragraphs = [
        {
            "kind": p.kind,
            "anchor": p.anchor,
            "src": p.src,
            "markdown": markup.with_links(p.text, p.links) if p.kind == "p" else markup.escape(p.text),
        }
        for p in article.paragraphs
    ]
    text = render(
        "source.md.j2",
        front_matter=frontmatter.dump(front).rstrip("\n"),
        meta_items=_meta_items(article),
        paragraphs=paragraphs,
        url=meta.url,
    )
    return OutputFile(article.page, text)


def _meta_items(article: Article) -> list[tuple[str, str]]:
    meta = article.meta
    items = [
        ("日期 Date", meta.date),
        ("来源 Publisher", meta.publisher),
        ("作者 Author", meta.author),
        ("文号 Doc. no.", meta.doc_number),
    ]
    return [(f"**{label}**", markup.escape(value)) for label, value in items if value]
