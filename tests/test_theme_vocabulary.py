"""gen/data/themes.yml is the one source of truth for the themes: every other place that
names them (the navigation, the JSON Schema, the About page, the home page's count) must
agree with it, so adding a theme is one YAML edit and forgetting a place fails here."""

from __future__ import annotations

import json
import re

import yaml

from conftest import ROOT
from gen import paths
from gen.understanding.themes import vocabulary


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml uses !!python/name tags for some extensions; the nav needs none of them."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def test_the_navigation_lists_every_theme_in_order():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    themes_section = next(item["主题 Themes"] for item in config["nav"] if isinstance(item, dict) and "主题 Themes" in item)
    listed = [next(iter(entry.items())) for entry in themes_section if isinstance(entry, dict)]
    assert listed == [(f"{t.zh} {t.en}", paths.theme(t.id)) for t in vocabulary().themes]


def test_the_schema_enum_is_the_theme_ids():
    schema = json.loads((ROOT / "gen" / "data" / "sources.schema.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["theme"]["enum"] == [t.id for t in vocabulary().themes]


def test_the_about_page_names_every_theme_and_their_number():
    about = (ROOT / "docs" / "about" / "index.md").read_text(encoding="utf-8")
    named = re.search(r"按(.)个主题（([^）]+)）", about.replace("\n", ""))
    themes = vocabulary().themes
    assert named.group(2).split("、") == [t.zh for t in themes]
    assert "零一二三四五六七八九十"[len(themes)] == named.group(1)


def test_the_home_page_counts_the_themes(seed_project):
    home = (seed_project / "docs" / paths.HOME).read_text(encoding="utf-8")
    count = len(vocabulary().themes)
    assert f"{count} reform themes" in home
    assert home.count("](themes/") >= count


def test_chinese_text_has_no_stray_spaces_from_hard_wrapping():
    """A line break or space between two Chinese characters shows as a gap in the page."""
    gap = re.compile(r"[\u4e00-\u9fff，。、：；）][ \n][\u4e00-\u9fff（]")
    for theme in vocabulary().themes:
        assert not gap.search(theme.description), theme.id
    assert not gap.search((ROOT / "docs" / "about" / "index.md").read_text(encoding="utf-8"))
