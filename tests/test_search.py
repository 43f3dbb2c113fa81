"""The passage search's data: the generator's records and the index the hook builds from them."""

from __future__ import annotations

import gzip
import importlib.util
import itertools
import json
import re
import shutil
import zlib

from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT
from gen import paths
from gen.rules import read_yaml

_spec = importlib.util.spec_from_file_location("search_index", ROOT / "hooks" / "search_index.py")
hook = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hook)


def _records(docs) -> list[dict]:
    return [json.loads(line) for line in (docs / paths.SEARCH_RECORDS).read_text(encoding="utf-8").splitlines()]


def test_one_record_per_paragraph_of_every_published_source(seed_project, sources_data):
    records = _records(seed_project / "docs")
    assert [r["url"] for r in records] == sorted(r["url"] for r in records)
    expected = {}
    for source in sources_data["sources"]:
        if source["duplicate_of"]:
            continue
        page = (seed_project / "docs" / source["page"]).read_text(encoding="utf-8")
        for p in source["paragraphs"]:
            # a body paragraph carries its anchor on a line of its own; headings and figures differ
            if not p["heading"] and re.search(rf"^\{{: #{re.escape(p['anchor'])} \}}$", page, re.M):
                expected[f"{paths.url(source['page'])}#{p['anchor']}"] = (p["text"], source)
    assert {r["url"] for r in records} == set(expected)
    for record in records:
        text, source = expected[record["url"]]
        assert record["text"] == text  # the passage as its source says it, whole
        assert record["meta"] == {"title": source["title"], "date": source["date"], "source": source["publisher"],
                                  "page": paths.url(source["page"])}
        assert record["filters"].get("year", [""])[0] == source["date"][:4]
        assert record["filters"].get("doc_type") == ([source["doc_type"]] if source["doc_type"] else None)


def test_one_title_record_per_published_source_with_the_filters_of_its_passages(seed_project, sources_data):
    titles = [json.loads(line) for line in
              (seed_project / "docs" / paths.SEARCH_SOURCE_RECORDS).read_text(encoding="utf-8").splitlines()]
    published = [s for s in sources_data["sources"] if not s["duplicate_of"] and s["title"]]
    assert [t["url"] for t in titles] == sorted(paths.url(s["page"]) for s in published)
    passages = _records(seed_project / "docs")
    for title in titles:
        source = next(s for s in published if paths.url(s["page"]) == title["url"])
        assert title["text"] == source["title"]
        assert "named" not in title["filters"]  # the heat map's filter counts passages only
        own = [r for r in passages if r["meta"]["page"] == title["url"]]
        for key in ("theme", "province", "city"):
            assert title["filters"].get(key, []) == sorted({v for r in own for v in r["filters"].get(key, [])})


def test_passage_filters_name_the_places_and_themes_of_their_paragraph(seed_project, sources_data):
    paragraphs = {f"{paths.url(s['page'])}#{p['anchor']}": p for s in sources_data["sources"] for p in s["paragraphs"]}
    for record in _records(seed_project / "docs"):
        paragraph = paragraphs[record["url"]]
        assert record["filters"].get("theme", []) == sorted(set(paragraph["themes"]))
        if paragraph["places"]:
            assert record["filters"]["province"] == sorted({p["province"] for p in paragraph["places"] if p["province"]})


def test_the_search_page_offers_the_filters_of_search_yml(seed_project):
    page = (seed_project / "docs" / paths.SEARCH).read_text(encoding="utf-8")
    settings = json.loads(re.search(r'<script type="application/json" class="passage-search__settings">(.*?)</script>',
                                    page, re.S).group(1))
    assert [f["key"] for f in settings["filters"]] == [f["key"] for f in read_yaml("search.yml")["filters"]]
    assert settings["labels"]["theme"]["sme"].startswith("支持中小企业")
    assert settings["labels"]["doc_type"]["normative_document"].startswith("规范性文件")
    records = _records(seed_project / "docs")
    for key in settings["values"]:  # each select offers exactly the values some passage has
        assert settings["values"][key] == sorted({v for r in records for v in r["filters"].get(key, [])})
    assert "江西省" in settings["values"]["province"]


def _search(files: dict[str, bytes], query: str, filters: dict[str, str] | None = None) -> list[int]:
    """The passage numbers a query finds, read from the index files the way assets/search.js
    reads them (a second reader of the format, so the two can be compared)."""
    manifest = json.loads(files["index.json"])

    def numbers(data: bytes):
        at = 0
        while at < len(data):
            value, scale = 0, 1
            while True:
                byte = data[at]
                at += 1
                value += (byte & 127) * scale
                if byte < 128:
                    break
                scale *= 128
            yield value

    def postings(key: str) -> dict[int, set[int] | bool]:
        name = f"keys/{hook.bucket_of(key, manifest['buckets'])}.bin"
        if name not in files:
            return {}
        read = numbers(gzip.decompress(files[name]))
        heads = []
        for _ in range(next(read)):
            heads.append(("".join(chr(next(read)) for _ in range(next(read))), next(read)))
        found: dict[int, set[int] | bool] = {}
        for name_, _size in heads:
            number = 0
            for _ in range(next(read)):
                number += next(read)
                if len(name_) == 2:
                    positions, position = set(), 0
                    for _ in range(next(read)):
                        position += next(read)
                        positions.add(position)
                    entry = positions
                else:
                    entry = True
                if name_ == key:
                    found[number] = entry
        return found

    sets = []
    for word in re.findall(r"[^\W_]+", hook.normalise(query)):
        if len(word) == 1:
            sets.append(set(postings(word)))
            continue
        pairs = [postings(word[i:i + 2]) for i in range(len(word) - 1)]
        sets.append({n for n, starts in pairs[0].items()
                     if any(all(start + i in (pairs[i].get(n) or ()) for i in range(1, len(pairs))) for start in starts)})
    for key, value in (filters or {}).items():
        position = manifest["filters"].get(key, []).index(value)
        ids = list(numbers(gzip.decompress(files[f"filters/{key}/{position}.bin"])))[1:]
        sets.append(set(itertools.accumulate(ids)))
    return sorted(set.intersection(*sets)) if sets else []


def _record(text: str, **filters: list[str]) -> dict:
    return {"url": f"sources/x/#p-{zlib.crc32(repr((text, filters)).encode())}", "text": text,
            "meta": {"title": "甲", "date": "2024-01-01"}, "filters": filters}


_ALPHABET = "政采贷云价格扣除评标远程异地双盲eE1１%，。 "


@given(st.lists(st.text(alphabet=_ALPHABET, max_size=30), min_size=1, max_size=6), st.text(alphabet=_ALPHABET, min_size=1, max_size=6))
def test_a_query_finds_exactly_the_passages_that_hold_its_words(texts, query):
    records = [{**_record(text), "url": f"sources/x/#p-{n}"} for n, text in enumerate(texts)]
    files = hook.index_files(records, chunk=2)
    words = re.findall(r"[^\W_]+", hook.normalise(query))
    expected = [n for n, text in enumerate(texts) if words and all(w in hook.normalise(text) for w in words)]
    # one date for all, so the passages keep their URL order: p-0 … p-9 sort as numbered
    order = [int(r["url"].rsplit("-", 1)[1]) for r in hook.newest_first(records)]
    assert sorted(order[n] for n in _search(files, query)) == expected


def test_characters_of_a_term_spread_over_a_passage_are_not_the_term():
    records = [_record("政采e贷，政府采购贷款"), _record("推广政采贷")]
    files = hook.index_files(records)
    texts = [r["text"] for r in hook.newest_first(records)]
    assert [texts[n] for n in _search(files, "政采贷")] == ["推广政采贷"]
    assert len(_search(files, "贷")) == 2


def test_filters_narrow_a_query_to_the_passages_with_the_value():
    records = [_record("价格扣除", province=["江西省"]), _record("价格扣除比例", province=["广东省", "江西省"]),
               _record("价格扣除", province=["广东省"]), _record("信用", province=["江西省"])]
    files = hook.index_files(records)
    texts = [r["text"] for r in hook.newest_first(records)]
    provinces = [r["filters"]["province"] for r in hook.newest_first(records)]
    found = _search(files, "价格扣除", {"province": "江西省"})
    assert len(found) == 2 and all("价格扣除" in texts[n] and "江西省" in provinces[n] for n in found)
    assert len(_search(files, "", {"province": "江西省"})) == 3


def test_passages_are_numbered_newest_first_and_their_records_say_what_the_passage_says():
    records = [{"url": f"sources/{n}/#p-1", "text": f"第{n}段", "meta": {"title": f"题{n}", "date": date, "source": "报"}}
               for n, date in enumerate(["2021-05-01", "2024-01-02", "", "2024-01-02"])]
    files = hook.index_files(records, chunk=3)
    shown = [item for n in range(2) for item in json.loads(gzip.decompress(files[f"records/{n}.json"]))]
    assert [r["url"] for r in shown] == ["sources/1/#p-1", "sources/3/#p-1", "sources/0/#p-1", "sources/2/#p-1"]
    assert shown[0] == {"url": "sources/1/#p-1", "title": "题1", "date": "2024-01-02", "source": "报", "text": "第1段"}
    assert json.loads(files["index.json"])["passages"] == 4


def test_the_same_records_give_the_same_bytes():
    records = [_record("价格扣除"), _record("政采贷", province=["江西省"])]
    assert hook.index_files(records) == hook.index_files(list(reversed(records)))


def test_damaged_records_are_skipped_not_fatal(tmp_path):
    good = {"url": "sources/a/#p-1", "text": "价格扣除", "meta": {"title": "甲"}, "filters": {"province": ["江西省"]}}
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(good, ensure_ascii=False) + "\n{not json\n[1, 2]\n" + '{"url": 3}\n', encoding="utf-8")
    assert hook.read_records(path) == [good]
    assert hook.read_records(tmp_path / "missing.jsonl") == []
    files = hook.index_files([{**good, "filters": {"province": "not a list", 3: ["x"]}}])
    assert json.loads(files["index.json"])["filters"] == {}


def test_the_hook_and_the_generator_name_the_same_files():
    assert hook.RECORDS == paths.SEARCH_RECORDS and hook.SOURCE_RECORDS == paths.SEARCH_SOURCE_RECORDS
    assert hook.OUTPUT + "/" == paths.SEARCH_INDEX
    assert f"{hook.OUTPUT}/{hook.SOURCES}/" == paths.SEARCH_SOURCES_INDEX


def test_the_site_has_an_index_of_every_passage_and_no_lunr(seed_project, site):
    records = _records(seed_project / "docs")
    manifest = json.loads((site / paths.SEARCH_INDEX / "index.json").read_text(encoding="utf-8"))
    assert manifest["passages"] == len(records)
    files = {p.relative_to(site / paths.SEARCH_INDEX).as_posix(): p.read_bytes()
             for p in (site / paths.SEARCH_INDEX).rglob("*") if p.is_file()}
    for term in ("政采贷", "远程异地评标", "价格扣除"):
        assert len(_search(files, term)) == sum(term in r["text"] for r in records)
    assert (site / "assets" / "search.js").is_file() and (site / "search" / "index.html").is_file()
    assert not (site / "search" / "search_index.json").exists()
    assert not (site / paths.SEARCH_RECORDS).exists()  # the index's input is not published
    assert not (site / paths.SEARCH_SOURCE_RECORDS).exists()
    titles = {p.relative_to(site / paths.SEARCH_SOURCES_INDEX).as_posix(): p.read_bytes()
              for p in (site / paths.SEARCH_SOURCES_INDEX).rglob("*") if p.is_file()}
    title_records = [json.loads(line) for line in
                     (seed_project / "docs" / paths.SEARCH_SOURCE_RECORDS).read_text(encoding="utf-8").splitlines()]
    assert json.loads(titles["index.json"])["passages"] == len(title_records) > 0
    for word in ("政府采购", "通知"):
        assert len(_search(titles, word)) == sum(word in t["text"] for t in title_records)
    assert not list(seed_project.joinpath("docs").rglob("jieba*"))


def test_a_rebuild_with_the_same_records_writes_the_index_again_without_indexing(tmp_path, monkeypatch):
    """mkdocs serve cleans the site folder before every rebuild; the hook keeps the last index."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    (docs / "data").mkdir(parents=True)
    record = {"url": "sources/a/#p-1", "text": "价格扣除", "meta": {"title": "甲"}}
    (docs / paths.SEARCH_RECORDS).write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    title = {"url": "sources/a/", "text": "甲", "meta": {"title": "甲"}}
    (docs / paths.SEARCH_SOURCE_RECORDS).write_text(json.dumps(title, ensure_ascii=False) + "\n", encoding="utf-8")
    calls = []  # how many records each indexing was given: the passages', then the titles'
    real = hook.index_files
    monkeypatch.setattr(hook, "index_files", lambda records, chunk: calls.append(len(records)) or real(records, chunk))
    config = {"docs_dir": str(docs), "site_dir": str(site)}
    hook.on_post_build(config)
    first = {p: p.read_bytes() for p in (site / paths.SEARCH_INDEX).rglob("*") if p.is_file()}
    shutil.rmtree(site)
    hook.on_post_build(config)
    assert {p: p.read_bytes() for p in (site / paths.SEARCH_INDEX).rglob("*") if p.is_file()} == first
    assert calls == [1, 1]
    (docs / paths.SEARCH_RECORDS).write_text("", encoding="utf-8")  # the records changed: indexed again
    hook.on_post_build(config)
    assert calls == [1, 1, 0, 1] and json.loads((site / paths.SEARCH_INDEX / "index.json").read_text())["passages"] == 0
    (docs / paths.SEARCH_SOURCE_RECORDS).write_text("", encoding="utf-8")  # so do the titles alone
    hook.on_post_build(config)
    assert calls == [1, 1, 0, 1, 0, 0]


def test_the_index_built_beside_the_pages_is_the_one_built_here(tmp_path, caplog):
    """on_files starts a second process; on_post_build takes its files and passes its warnings on."""
    from mkdocs.structure.files import Files

    docs, site = tmp_path / "docs", tmp_path / "site"
    (docs / "data").mkdir(parents=True)
    records = [_record("价格扣除", province=["江西省"]), _record("政采贷")]
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + ["{not json"]
    (docs / paths.SEARCH_RECORDS).write_text("\n".join(lines) + "\n", encoding="utf-8")
    title = {"url": "sources/x/", "text": "关于政采贷的通知", "meta": {"title": "关于政采贷的通知"}}
    (docs / paths.SEARCH_SOURCE_RECORDS).write_text(json.dumps(title, ensure_ascii=False) + "\n", encoding="utf-8")
    config = {"docs_dir": str(docs), "site_dir": str(site)}
    hook._MEMORY.digest = None
    hook.on_files(Files([]), config)
    assert hook._running is not None
    with caplog.at_level("WARNING", logger="mkdocs.hooks.search_index"):
        hook.on_post_build(config)
    assert hook._running is None
    built = {p.relative_to(site / paths.SEARCH_INDEX).as_posix(): p.read_bytes()
             for p in (site / paths.SEARCH_INDEX).rglob("*") if p.is_file()}
    titles = {name.removeprefix(hook.SOURCES + "/"): data for name, data in built.items()
              if name.startswith(hook.SOURCES + "/")}
    assert {n: d for n, d in built.items() if not n.startswith(hook.SOURCES + "/")} == hook.index_files(records)
    assert titles == hook.index_files([title])
    assert _search(titles, "政采贷") == [0] and _search(titles, "价格扣除") == []
    assert [r.getMessage() for r in caplog.records] == ["search records line 3 is not a record: skipped"]


def test_a_failed_build_stops_the_second_process(tmp_path):
    from mkdocs.structure.files import Files

    (tmp_path / "docs" / "data").mkdir(parents=True)
    (tmp_path / "docs" / paths.SEARCH_RECORDS).write_text(json.dumps(_record("价格扣除")) + "\n", encoding="utf-8")
    hook._MEMORY.digest = None
    hook.on_files(Files([]), {"docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site")})
    process = hook._running[1]
    hook.on_build_error(RuntimeError("a page failed"))
    assert hook._running is None and process.returncode is not None
