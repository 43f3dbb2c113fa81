"""Pure text cleaning steps, each str -> str, run in the order of the lists below.

Every step is idempotent, only removes or re-spaces characters (never invents text), and
leaves only "\\n" line ends with no trailing spaces.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from gen.reading.decode import normalise_text

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = "\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u2014"
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200a\u202f\u205f\u3000]+")
_CJK_SPACE = re.compile(rf"(?<=[{CJK}{CJK_PUNCT}]) +| +(?=[{CJK}{CJK_PUNCT}])")
_BLANK_RUN = re.compile(r"\n{3,}")
_LINE_SEPARATORS = re.compile("[\u2028\u2029]")

Step = Callable[[str], str]


def normalise_line_ends(text: str) -> str:
    """CRLF/CR -> LF and invisible control or bidi characters removed."""
    return normalise_text(text)


def normalise_spaces(text: str) -> str:
    """Every run of horizontal white space -> one space; lines stripped at both ends."""
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def collapse_blank_lines(text: str) -> str:
    """At most one blank line in a row, none at the start or end."""
    return _BLANK_RUN.sub("\n\n", text).strip("\n")


def strip_cjk_spaces(text: str) -> str:
    """Spaces beside Chinese characters are extraction artefacts ("2023 年" -> "2023年")."""
    return _CJK_SPACE.sub("", text)


TEXT_STEPS: tuple[Step, ...] = (normalise_line_ends, normalise_spaces, collapse_blank_lines)
PDF_STEPS: tuple[Step, ...] = (normalise_line_ends, normalise_spaces, strip_cjk_spaces, collapse_blank_lines)


def run_steps(text: str, steps: Iterable[Step] = TEXT_STEPS) -> str:
    for step in steps:
        text = step(text)
    return text


def clean_inline(text: str) -> str:
    """One paragraph's text on one line: newlines joined the way the script wants."""
    parts = [p.strip() for p in _LINE_SEPARATORS.sub("\n", normalise_text(text)).split("\n")]
    out = ""
    for part in parts:
        if not part:
            continue
        if out and _needs_space(out[-1], part[0]):
            out += " "
        out += part
    return _SPACES.sub(" ", out).strip()


def _needs_space(left: str, right: str) -> bool:
    """Chinese joins lines with nothing; Latin words and numbers need a space."""
    return not (re.match(rf"[{CJK}{CJK_PUNCT}]", left) or re.match(rf"[{CJK}{CJK_PUNCT}]", right))


def squash(text: str) -> str:
    """Text with all white space removed: for comparing duplicates and teasers."""
    return re.sub(r"\s+", "", text)
