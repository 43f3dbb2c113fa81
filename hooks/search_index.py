"""MkDocs hook: in every build (`mkdocs build` and each rebuild of `mkdocs serve`), index the
generator's passage records (docs/data/search-records.jsonl) into site/search-index/, which
the search page (docs/search/, assets/search.js) reads piece by piece. The records exist
before MkDocs starts, so a second process (this file run as a script) indexes them while
MkDocs renders the pages, and the build waits for it at the end.

Why not Pagefind: it was measured here and kept neither of the issue's numbers. It holds
about 130 KB a passage in memory while indexing (12 GB at 10,000 sources), and split into
shards every shard costs the first search its own chunk per term (541,872 B at 1,000
sources, growing with the number of shards). This index is built for what the page asks:
an exact run of characters, filtered, newest first, with an exact count.

The index (every file but index.json is gzip, which browsers undo with DecompressionStream):
- index.json: how many passages, buckets and records per chunk, and every filter's values.
- keys/<n>.bin: the postings of the keys whose hash falls in bucket n. A key is a pair of
  neighbouring characters of one word (with the positions where it starts in the passage),
  or a single character (passages only). A query of two or more characters is its pairs at
  consecutive positions, so a passage matches only if it holds the query as written.
- filters/<key>/<i>.bin: the passages whose filter `key` has its i-th value.
- records/<n>.json: passages n*chunk … (n+1)*chunk-1: URL, title, date, source and text.
- sources/: the same files for the sources' titles (docs/data/search-sources.jsonl), so
  that a title finds its source page.
Passages are numbered newest first (then by URL), the order the page shows them in.
Integers are unsigned LEB128 varints; ascending lists are stored as differences.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import pickle
import re
import shutil
import subprocess
import sys
import time
import types
import unicodedata
from itertools import pairwise
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.search_index")

RECORDS = "data/search-records.jsonl"  # gen.paths.SEARCH_RECORDS
SOURCE_RECORDS = "data/search-sources.jsonl"  # gen.paths.SEARCH_SOURCE_RECORDS
OUTPUT = "search-index"  # gen.paths.SEARCH_INDEX
SOURCES = "sources"  # inside OUTPUT: gen.paths.SEARCH_SOURCES_INDEX
FORMAT = 1
# Passages per records file: small, because a page of 20 scattered results fetches up to 20
# files (at 32 a file the first search of 价格扣除 at 1,000 sources cost 158,370 B, at 8: 81,498 B).
RECORDS_PER_CHUNK = 8
# Uncompressed postings per bucket file the bucket count aims at: a query fetches one
# bucket per key, and the other keys that share it are the overhead.
BUCKET_BYTES = 12_000
MIN_BUCKETS = 16
# The index of the last build, kept in this process for `mkdocs serve`, which cleans the
# site folder and reloads this hook before every rebuild: an unchanged records file is then
# written out again, not indexed again.
_MEMORY = sys.modules.setdefault("_search_index_memory", types.ModuleType("_search_index_memory"))


def normalise(text: str) -> str:
    """What is matched: NFKC (full-width letters and digits as ASCII), lower case."""
    return unicodedata.normalize("NFKC", text).lower()


# Letters and digits (CJK characters are letters: str.isalnum) make words; the rest separates.
_WORD = re.compile(r"[^\W_]+")


def bucket_of(key: str, buckets: int) -> int:
    """FNV-1a over the key's code points; assets/search.js computes the same."""
    value = 2166136261
    for char in key:
        value = ((value ^ ord(char)) * 16777619) & 0xFFFFFFFF
    return value % buckets


def varint(value: int, out: bytearray) -> None:
    while value > 127:
        out.append((value & 127) | 128)
        value >>= 7
    out.append(value)


def _varints(values, out: bytearray) -> None:
    for value in values:
        if value < 128:
            out.append(value)
        else:
            varint(value, out)


def keys_of(text: str) -> tuple[dict[str, list[int]], set[str]]:
    """The passage's pairs with the positions they start at, and its single characters."""
    pairs: dict[str, list[int]] = {}
    singles: set[str] = set()
    for word in _WORD.finditer(normalise(text)):
        run, start = word.group(), word.start()
        singles.update(run)
        for at in range(len(run) - 1):
            pairs.setdefault(run[at:at + 2], []).append(start + at)
    return pairs, singles


def read_records(path: Path) -> list[dict]:
    """The records a build left; a line that is not a record is skipped with a warning,
    so a damaged file costs its lines, never the site."""
    if not path.is_file():
        log.warning("no search records at %s: the search index is empty", path)
        return []
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        try:
            record = json.loads(line)
            if isinstance(record.get("url"), str) and isinstance(record.get("text"), str):
                records.append(record)
                continue
        except (ValueError, AttributeError):
            pass
        log.warning("search records line %d is not a record: skipped", number)
    return records


def newest_first(records: list[dict]) -> list[dict]:
    by_url = sorted(records, key=lambda r: r["url"])
    return sorted(by_url, key=lambda r: str((r.get("meta") or {}).get("date") or ""), reverse=True)


def _filter_values(record: dict) -> dict[str, list[str]]:
    filters = record.get("filters") or {}
    return {key: [str(v) for v in values] for key, values in filters.items()
            if isinstance(key, str) and isinstance(values, list)}


def _shown(record: dict) -> dict:
    meta = record.get("meta") or {}
    return {"url": record["url"], "title": str(meta.get("title") or meta.get("page") or ""),
            "date": str(meta.get("date") or ""), "source": str(meta.get("source") or ""), "text": record["text"]}


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def index_files(records: list[dict], chunk: int = RECORDS_PER_CHUNK) -> dict[str, bytes]:
    """Every file of the index, by its path inside OUTPUT."""
    records = newest_first(records)
    postings: dict[str, bytearray] = {}
    counts: dict[str, int] = {}
    last: dict[str, int] = {}
    filters: dict[str, dict[str, list[int]]] = {}
    for number, record in enumerate(records):
        pairs, singles = keys_of(record["text"])
        for key, positions in pairs.items():
            out = postings.get(key)
            if out is None:
                out = postings[key] = bytearray()
            _varints((number - last.get(key, 0), len(positions)), out)
            _varints([positions[0], *(b - a for a, b in pairwise(positions))], out)
            counts[key] = counts.get(key, 0) + 1
            last[key] = number
        for key in singles:
            out = postings.get(key)
            if out is None:
                out = postings[key] = bytearray()
            _varints((number - last.get(key, 0),), out)
            counts[key] = counts.get(key, 0) + 1
            last[key] = number
        for key, values in _filter_values(record).items():
            for value in values:
                filters.setdefault(key, {}).setdefault(value, []).append(number)
    total = sum(len(p) for p in postings.values())
    buckets = MIN_BUCKETS
    while total / buckets > BUCKET_BYTES:
        buckets *= 2
    grouped: dict[int, list[str]] = {}
    for key in sorted(postings):
        grouped.setdefault(bucket_of(key, buckets), []).append(key)
    files: dict[str, bytes] = {}
    for bucket, keys in grouped.items():
        head, body = bytearray(), bytearray()
        varint(len(keys), head)
        for key in keys:
            blob = bytearray()
            varint(counts[key], blob)
            blob += postings[key]
            varint(len(key), head)
            for char in key:
                varint(ord(char), head)
            varint(len(blob), head)
            body += blob
        files[f"keys/{bucket}.bin"] = _gzip(bytes(head + body))
    values = {key: sorted(by_value) for key, by_value in sorted(filters.items())}
    for key, ordered in values.items():
        for position, value in enumerate(ordered):
            files[f"filters/{key}/{position}.bin"] = _gzip(_id_list(filters[key][value]))
    for start in range(0, len(records), chunk):
        shown = [_shown(r) for r in records[start:start + chunk]]
        text = json.dumps(shown, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        files[f"records/{start // chunk}.json"] = _gzip(text.encode("utf-8"))
    manifest = {"format": FORMAT, "passages": len(records), "buckets": buckets, "chunk": chunk, "filters": values}
    files["index.json"] = (json.dumps(manifest, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    return files


def _id_list(ids: list[int]) -> bytes:
    out = bytearray()
    varint(len(ids), out)
    previous = 0
    for number in ids:
        varint(number - previous, out)
        previous = number
    return bytes(out)


def records_per_chunk() -> int:
    """SEARCH_RECORDS_PER_CHUNK overrides the chunk size (the browser tests make the seeds
    several chunks)."""
    try:
        return max(1, int(os.environ.get("SEARCH_RECORDS_PER_CHUNK", RECORDS_PER_CHUNK)))
    except ValueError:
        log.warning("SEARCH_RECORDS_PER_CHUNK is not a number: chunks of %d", RECORDS_PER_CHUNK)
        return RECORDS_PER_CHUNK


def on_files(files, config):
    """The records are the index's input, not a page of the site. MkDocs has cleaned the site
    folder by now, so the index can be built beside the pages from here on."""
    for name in (RECORDS, SOURCE_RECORDS):
        records = files.get_file_from_path(name)
        if records is not None:
            files.remove(records)
    _start_indexing(config)
    return files


def on_post_build(config) -> None:
    started = time.perf_counter()
    output = Path(config["site_dir"]) / OUTPUT
    finished = _finish_indexing()
    if finished is not None:
        digest, files = finished
    else:
        docs, chunk, digest = _job(config)
        files = getattr(_MEMORY, "files", None) if getattr(_MEMORY, "digest", None) == digest else None
        if files is None:
            files = site_index(docs, chunk)
        write_index(files, output)
    _MEMORY.digest, _MEMORY.files = digest, files
    manifest = json.loads(files["index.json"])
    log.info("search index: %d passages, %d files, %d buckets in %.1f s", manifest["passages"], len(files),
             manifest["buckets"], time.perf_counter() - started)


def on_build_error(error) -> None:
    _stop_indexing()


def on_shutdown() -> None:
    _stop_indexing()


def site_index(docs: Path, chunk: int) -> dict[str, bytes]:
    """The passages' index, and the titles' index in its SOURCES folder."""
    files = index_files(read_records(docs / RECORDS), chunk)
    titles = index_files(read_records(docs / SOURCE_RECORDS), chunk)
    return {**files, **{f"{SOURCES}/{name}": data for name, data in titles.items()}}


def _job(config) -> tuple[Path, int, str]:
    """The docs folder, the chunk size, and a digest of the records files and the chunk size
    (what the index depends on)."""
    docs = Path(config["docs_dir"])
    chunk = records_per_chunk()
    digest = hashlib.sha256()
    for name in (RECORDS, SOURCE_RECORDS):
        source = docs / name
        digest.update(hashlib.sha256(source.read_bytes() if source.is_file() else b"").digest())
    return docs, chunk, f"{digest.hexdigest()}/{chunk}"


# The index being built in a second process: (digest of its records, process).
_running: tuple[str, subprocess.Popen] | None = None


def _start_indexing(config) -> None:
    """MkDocs renders the pages on one core; the index is built on another meanwhile (this
    file run as a script), unless the last build's index is still good or there is one core."""
    global _running
    _stop_indexing()
    docs, chunk, digest = _job(config)
    if getattr(_MEMORY, "digest", None) == digest or (os.cpu_count() or 1) < 2:
        return
    output = Path(config["site_dir"]) / OUTPUT
    command = [sys.executable, str(Path(__file__).resolve()), str(docs), str(output), str(chunk)]
    _running = (digest, subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE))


def _finish_indexing() -> tuple[str, dict[str, bytes]] | None:
    """The digest of the records and the files the second process built and wrote, its
    warnings passed on to MkDocs' log; None if none ran or it failed (then the caller indexes)."""
    global _running
    running, _running = _running, None
    if running is None:
        return None
    digest, process = running
    out, err = process.communicate()
    if process.returncode != 0:
        log.info("search index: indexing again in this process (the second one failed: %s)",
                 err.decode(errors="replace")[-500:])
        return None
    files, warnings = pickle.loads(out)
    for message in warnings:
        log.warning("%s", message)
    return digest, files


def _stop_indexing() -> None:
    global _running
    if _running is not None:
        _running[1].kill()
        _running[1].communicate()
        _running = None


def write_index(files: dict[str, bytes], output: Path) -> None:
    if output.exists():
        shutil.rmtree(output)
    for name, data in files.items():
        path = output / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


class _Collected(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _index_in_this_process(docs: str, output: str, chunk: str) -> None:
    """The second process: index, write the files, and hand them and the warnings back."""
    collected = _Collected()
    log.addHandler(collected)
    log.propagate = False
    files = site_index(Path(docs), int(chunk))
    write_index(files, Path(output))
    sys.stdout.buffer.write(pickle.dumps((files, collected.messages), protocol=pickle.HIGHEST_PROTOCOL))


if __name__ == "__main__":
    _index_in_this_process(*sys.argv[1:4])
