"""Jekyll posts: YAML front matter (date naive or with offset, title may be empty) and an
HTML body that ends with Markdown leftovers (original link, "返回…" navigation)."""

from __future__ import annotations

from gen.models import RawDocument, Source
from gen.reading.readers import hexo
from gen.reading.readers._post import is_html_post, read_post

NAME = "jekyll"


def score(source: Source) -> float:
    """Any post that does not look like Hexo's."""
    return 1.0 if is_html_post(source) and not hexo.is_hexo(source) else 0.0


def read(source: Source) -> RawDocument:
    return read_post(source, aggregator_author=False)
