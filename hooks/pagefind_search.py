"""MkDocs hook: after every build (`mkdocs build` and each rebuild of `mkdocs serve`), index
the generator's passage records (docs/data/search-records.jsonl) with Pagefind into
site/pagefind/, where the search page (docs/search/, assets/search.js) queries it.

Pagefind's own Chinese segmentation splits terms such as 政采贷 into single characters and
its browser side segments queries differently, so a query found other passages or none.
So each record's indexed content is a stream of tokens made here: one per pair of
neighbouring characters, spelled in letters a–p (four per character). assets/search.js
turns a query into the same tokens and asks Pagefind for them as an exact phrase, which
matches exactly the passages that contain the query as written. The passage itself travels
in the record's meta; the page highlights it.

Pagefind holds every record of an index in memory until it writes (about 130 KB a passage),
so the records are indexed in shards of at most SHARD_RECORDS, one Pagefind process after
another: the first shard is site/pagefind/ (with the runtime the page loads), shard N is
site/pagefind/shard-N/ (its index only), and pagefind/shards.json lists the shards that
assets/search.js merges into the first (Pagefind's mergeIndex).
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import os
import re
import shutil
import time
import unicodedata
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.pagefind_search")

RECORDS = "data/search-records.jsonl"  # gen.paths.SEARCH_RECORDS
OUTPUT = "pagefind"
SHARDS = "shards.json"  # the shard folders after the first, relative to OUTPUT; read by assets/search.js
# Records per Pagefind process: at this size no process of a 9,451-passage build passed 300 MB
# (README, Search). PAGEFIND_SHARD_RECORDS overrides it (the tests make the seeds several shards).
SHARD_RECORDS = 2000
# Of a later shard's bundle only the index is used; the page runs the first shard's runtime.
_SHARD_KEEPS = ("pagefind-entry.json", "index", "fragment", "filter")
# Letters, digits and CJK characters make words; punctuation and spaces separate them.
_WORD = re.compile(r"[^\W_]+")
# Requests in flight at once: enough to keep the indexer busy, few enough to bound memory.
_IN_FLIGHT = 256


class _Letters(dict):
    """str.translate table: a character's code point as four letters a–p, filled as met;
    characters beyond U+FFFF become nothing."""

    def __missing__(self, point: int) -> str:
        letters = "".join(chr(ord("a") + ((point >> shift) & 15)) for shift in (12, 8, 4, 0)) if point <= 0xFFFF else ""
        self[point] = letters
        return letters


_LETTERS = _Letters()


def search_tokens(text: str) -> list[str]:
    """Each character with the next one in its word, spelled in letters; a word's last
    character alone. (Characters beyond U+FFFF are left out, on both sides.)"""
    tokens = []
    for word in _WORD.findall(unicodedata.normalize("NFKC", text).lower()):
        spelled = word.translate(_LETTERS)
        tokens += [spelled[at:at + 8] for at in range(0, len(spelled), 4)]
    return tokens


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


def pagefind_record(record: dict) -> dict:
    meta = {k: str(v) for k, v in (record.get("meta") or {}).items() if isinstance(v, (str, int))}
    filters = {k: [str(v) for v in values] for k, values in (record.get("filters") or {}).items()
               if isinstance(values, list)}
    return {"url": record["url"], "content": " ".join(search_tokens(record["text"])), "language": "zh",
            "meta": {**meta, "text": record["text"]}, "filters": filters}


def on_files(files, config):
    """The records are the index's input, not a page of the site."""
    records = files.get_file_from_path(RECORDS)
    if records is not None:
        files.remove(records)
    return files


def shard_records() -> int:
    try:
        return max(1, int(os.environ.get("PAGEFIND_SHARD_RECORDS", SHARD_RECORDS)))
    except ValueError:
        log.warning("PAGEFIND_SHARD_RECORDS is not a number: shards of %d", SHARD_RECORDS)
        return SHARD_RECORDS


def shard_folder(number: int) -> str:
    """Shard 0 is the bundle itself; shard N a folder inside it."""
    return "" if number == 0 else f"shard-{number}/"


def on_post_build(config) -> None:
    started = time.perf_counter()
    records = read_records(Path(config["docs_dir"]) / RECORDS)
    output = Path(config["site_dir"]) / OUTPUT
    shards = write_shards(records, output, shard_records())
    log.info("pagefind: %d passages indexed in %d shards in %.1f s", len(records), shards,
             time.perf_counter() - started)


def write_shards(records: list[dict], output: Path, size: int) -> int:
    """Index the records in shards of `size`, one Pagefind process after another; returns
    how many. Shards of an earlier, larger build are removed first."""
    if output.exists():
        shutil.rmtree(output)
    chunks = [records[start:start + size] for start in range(0, len(records), size)] or [[]]
    for number, chunk in enumerate(chunks):
        folder = output / shard_folder(number)
        asyncio.run(write_index([pagefind_record(r) for r in chunk], folder))
        if number:
            for path in sorted(folder.iterdir()):
                if path.name in _SHARD_KEEPS or path.suffix == ".pf_meta":
                    continue
                shutil.rmtree(path) if path.is_dir() else path.unlink()
    later = [shard_folder(number) for number in range(1, len(chunks))]
    (output / SHARDS).write_text(json.dumps(later) + "\n", encoding="utf-8")
    return len(chunks)


async def write_index(records: list[dict], output: Path) -> None:
    from pagefind.service import PagefindService

    class _Service(PagefindService):
        """The packaged service waits 0.1 s before reading each reply, which would make
        100,000 records take hours; this reads replies as they come."""

        async def _wait_for_responses(self) -> None:
            while True:
                reply = json.loads(base64.b64decode((await self._backend.stdout.readuntil(b","))[:-1]))
                future = self._responses.pop(reply.get("message_id"), None)
                if future is None or future.done():
                    continue
                payload = reply["payload"]
                if payload.get("type") == "Error":
                    future.set_exception(RuntimeError(payload.get("message", "pagefind error")))
                else:
                    future.set_result(payload)

    service = await _Service().launch()
    try:
        index = await service.create_index({"force_language": "zh"})
        slots = asyncio.Semaphore(_IN_FLIGHT)

        async def add(record: dict) -> None:
            async with slots:
                await index.add_custom_record(**record)

        # Tasks start in list order and each writes its request before its first wait,
        # so Pagefind receives the records sorted: the same input gives the same files.
        await asyncio.gather(*(add(r) for r in records))
        await index.write_files(str(output.resolve()))
    finally:
        await service.close()
