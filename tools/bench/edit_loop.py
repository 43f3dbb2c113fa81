"""The user's loop, end to end: edit one source, regenerate, rebuild the site.

    python -m tools.bench.edit_loop [--sources 1000] [--edits 5] [--generator DIR] [--out DIR]

`--generator` is a checkout whose `gen` package does the generating (default: this one), so
two versions of the generator can be timed on the same synthesised corpus. Each step runs as
its own process, as `make site` runs it: `python -m gen build`, then `mkdocs build`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
from pathlib import Path

from tools.bench.bench import ONE_CHANGED_AT, ROOT, _edit, _project, measure
from tools.bench.synth import synthesise


def edit_loop(count: int, edits: int, generator: Path, out: Path) -> dict:
    sources = out / f"edit-sources-{count}"
    shutil.rmtree(sources, ignore_errors=True)
    synthesise(ROOT / "seeds", sources, count)
    site = _project(out / f"edit-site-{count}")
    cache = out / f"edit-cache-{count}"
    shutil.rmtree(cache, ignore_errors=True)
    generator = generator.resolve()
    generate = ["env", f"PYTHONPATH={generator}", sys.executable, "-m", "gen", "build",
                "--sources", str(sources.resolve()), "--docs", str((site / "docs").resolve()), "--cache", str(cache.resolve())]
    site_build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
    result = {"sources": count, "generator": str(generator), "cold_generate": measure(generate, generator)["wall_s"],
              "cold_site": measure(site_build, site)["wall_s"], "edits": []}
    files = sorted(sources.rglob("*.txt"))
    for position in ONE_CHANGED_AT[:edits]:
        _edit(files[int(count * position)], "更新")
        gen_s = measure(generate, generator)["wall_s"]
        site_s = measure(site_build, site)["wall_s"]
        result["edits"].append({"generate_s": gen_s, "site_s": site_s, "total_s": round(gen_s + site_s, 2)})
    result["median_total_s"] = statistics.median(e["total_s"] for e in result["edits"])
    result["median_generate_s"] = statistics.median(e["generate_s"] for e in result["edits"])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.edit_loop", description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--generator", type=Path, default=ROOT)
    parser.add_argument("--out", type=Path, default=Path("bench-out"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    result = edit_loop(args.sources, args.edits, args.generator, args.out)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
