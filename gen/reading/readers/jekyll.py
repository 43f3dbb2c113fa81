"""Jekyll posts: YAML front matter (date naive or with offset, title may be empty) and an
HTML body that ends with Markdown leftovers (original link, "返回…" navigation)."""

from __future__ import annotations

from gen.models import Document
from gen.reading.readers._post import read_post

FORMAT = "jekyll"


def read(fm: dict, body: str, source_file: str) -> Document:
    return read_post(fm, body, source_file, FORMAT, aggregator_author=False)
