"""The published extras: feeds, data download, linted workflows."""

from __future__ import annotations

import json
import platform
import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest

from conftest import ROOT


def test_rss_parses_cleanly(site):
    parsed = feedparser.parse((site / "feeds" / "rss.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert len(parsed.entries) == 5
    for entry in parsed.entries:
        assert entry.title and entry.link.startswith("https://") and entry.get("published_parsed")
        assert entry.get("summary")
    assert any(entry.get("tags") for entry in parsed.entries)


def test_json_feed_has_the_required_fields(site):
    # feedparser 6.0 reads XML feeds only; JSON Feed 1.1 is checked field by field.
    feed = json.loads((site / "feeds" / "feed.json").read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["title"]
    assert len(feed["items"]) == 5
    for item in feed["items"]:
        assert item["id"] and item["url"].startswith("https://") and item["title"]
        assert item["date_published"][:4].isdigit() and "T" in item["date_published"]


def test_data_and_schema_are_published_and_linked(site):
    assert json.loads((site / "data" / "sources.json").read_text(encoding="utf-8"))["sources"]
    assert json.loads((site / "data" / "sources.schema.json").read_text(encoding="utf-8"))["$schema"]
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert "../data/sources.json" in about and "../data/sources.schema.json" in about


def test_every_tab_is_built(site):
    for page in ("index.html", "themes/sme/index.html", "regions/index.html", "timeline/index.html",
                 "sources/index.html", "glossary/index.html", "about/index.html", "others/index.html"):
        assert (site / page).exists(), page


@pytest.mark.skipif(platform.machine() != "x86_64", reason="actionlint wheel is built for x86_64 only")
def test_workflows_lint_clean():
    binary = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert binary, "actionlint is installed from requirements.lock"
    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    result = subprocess.run([binary, *workflows], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
