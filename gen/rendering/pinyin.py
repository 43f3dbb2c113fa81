"""pypinyin, loaded when a slug is first needed, with single-character readings only.

Its documented switches must be set before the import: readings of single characters are
enough for an identifier, and skipping the phrase dictionary saves most of its load time.
"""

from __future__ import annotations

import os

os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")

from pypinyin import lazy_pinyin

__all__ = ["lazy_pinyin"]
