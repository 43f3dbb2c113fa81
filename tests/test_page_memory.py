"""hooks/page_memory.py only changes what MkDocs holds in memory, never what it writes."""

from __future__ import annotations

import importlib.util
import shutil
from types import SimpleNamespace

from conftest import ROOT, mkdocs_build

_spec = importlib.util.spec_from_file_location("page_memory", ROOT / "hooks" / "page_memory.py")
hook = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hook)


def test_a_page_holds_its_html_packed_until_its_template_and_nothing_after():
    page = SimpleNamespace(markdown="# 标题\n\n正文", content=None)
    html = "<h1>标题</h1>" + "<p>正文 &amp; 价格扣除</p>\n" * 50
    page.content = hook.on_page_content(html, page, None, None)
    assert page.content == "" and page.markdown == "" and len(page.packed_content) < len(html.encode())
    hook.on_page_context({}, page, None, None)
    assert page.content == html
    assert hook.on_post_page("<html>…</html>", page, None) == "<html>…</html>"
    assert page.content == "" and page.packed_content is None


def test_the_site_is_the_same_without_the_hook(site, tmp_path):
    project = tmp_path / "without"
    shutil.copytree(site.parent, project, ignore=shutil.ignore_patterns("site"), symlinks=True)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - hooks/page_memory.py\n" in text
    config.write_text(text.replace("  - hooks/page_memory.py\n", ""), encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-2000:]
    built = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}
    assert len(built) > 20
    assert {p.relative_to(project / "site").as_posix(): p.read_bytes() for p in (project / "site").rglob("*.html")} == built
