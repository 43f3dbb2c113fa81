"""Denial of service: a hostile source costs time and memory in proportion to its size.

For each class of hostile input a test checks that the result is right. Linearity is
checked here by counting work where it can be counted; the timing ladder for the rest is
tools/linear_check.py (`make linear-check`), kept out of the unit tests.
"""

from __future__ import annotations

import hashlib

import pytest

from gen.assemble import paragraphs_of
from gen.figures import find_figures
from gen.markup import anchor
from gen.models import Block, Document, Meta


# Figures ---------------------------------------------------------------------------


def test_a_number_longer_than_any_figure_gives_none_and_no_overflow():
    # 400 digits used to parse to an infinite float and raise OverflowError in _tidy
    assert find_figures("1" * 400 + "元") == ()
    assert find_figures("一" * 5000 + "个") == ()
    assert find_figures("1" + ",000" * 2000 + "元") == ()


def test_a_figure_after_a_long_run_is_still_found():
    figures = find_figures("编号" + "1" * 20_000 + "，" + "一" * 20_000 + "，入驻供应商3143家")
    assert [(f.text, f.value, f.unit) for f in figures] == [("3143家", 3143, "家")]


def test_every_figure_of_a_paragraph_full_of_them_is_found():
    figures = find_figures("采购金额12元，占比5%，共3家；" * 5000)
    assert len(figures) == 15_000
    assert {(f.text, f.unit) for f in figures} == {("12元", "CNY"), ("5%", "%"), ("3家", "家")}


@pytest.mark.parametrize(("text", "shown"), [
    ("投标人须知表1.3.5款中写明", ["3.5款"]),  # a section number: the old patterns' reading, kept
    ("12,3456家", ["3456家"]),
    ("1,234,567.89元", ["1,234,567.89元"]),
    ("分别增长3%,5%和7%", ["3%", "5%", "7%"]),
    ("三点五十个", ["五十个"]),
    ("2023.10.5家", ["10.5家"]),
])
def test_bounded_patterns_find_what_the_unbounded_ones_found(text, shown):
    assert [f.text for f in find_figures(text)] == shown


# Anchors ---------------------------------------------------------------------------


class CountingDict(dict):
    """Counts the look-ups anchor() makes in the ids it was given."""

    def __init__(self):
        super().__init__()
        self.lookups = 0

    def __contains__(self, key):
        self.lookups += 1
        return super().__contains__(key)

    def get(self, key, default=None):
        self.lookups += 1
        return super().get(key, default)


def test_repeated_lines_get_unique_anchors_in_the_same_order():
    document = Document("x.txt", "text", Meta(title="t"), tuple(Block("p", "同一行") for _ in range(5)))
    base = "p-" + hashlib.sha1("同一行".encode()).hexdigest()[:8]
    assert [p.anchor for p in paragraphs_of(document)] == [base, f"{base}-2", f"{base}-3", f"{base}-4", f"{base}-5"]


@pytest.mark.parametrize("repeats", [1_000, 4_000])
def test_anchor_lookups_per_paragraph_do_not_grow_with_repeats(repeats):
    taken = CountingDict()
    ids = [anchor("p", "同一行", taken) for _ in range(repeats)]
    assert len(set(ids)) == repeats
    assert taken.lookups <= 3 * repeats
