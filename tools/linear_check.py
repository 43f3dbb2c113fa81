"""Timing ladder for hostile sources: every case runs at size n and 2n, and fails when its
time grows more than 2.5 times (linear work doubles; quadratic work quadruples).

    python tools/linear_check.py            # every case (make linear-check)
    python tools/linear_check.py figures    # the cases whose name contains "figures"

Each measurement runs in a child process of its own, so one case's memory does not count
towards another's peak, and a crash (libyaml's C stack) is reported instead of ending the
run. Times are the child's CPU time (the fastest of the runs when a call is quick), so
other work on the machine disturbs them less; still, a case over the bound is measured
once more before it fails.
"""

from __future__ import annotations

import argparse
import atexit
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MAX_RATIO = 2.5
MIN_SECONDS = 0.3  # quick cases are repeated until a measurement takes this long
CHILD_TIMEOUT = 300
SENTENCE = "某市财政局持续深化政府采购制度改革，全面推行远程异地评标，采购金额12.5亿元，占比86.3%。"
MARKDOWN_EXTENSIONS = ["attr_list", "tables", "admonition", "pymdownx.details", "toc"]  # as mkdocs.yml


def _figures(text_of):
    def run(n):
        from gen.understanding.figures import find_figures

        text = text_of(n)
        return lambda: f"{len(find_figures(text))} figures"
    return run


def _figure_facts(text_of):
    """Figures with their measure, period and place, as the classifier reads them."""
    def run(n):
        from gen.models import Paragraph, Place
        from gen.understanding.figure_facts import with_facts
        from gen.understanding.figures import find_figures

        text = text_of(n)
        paragraph = Paragraph("p-1", text, places=(Place("济南市", "山东省", "济南市", "370100"),), figures=find_figures(text))
        return lambda: f"{len(with_facts(paragraph, ()).figures)} figure facts"
    return run


def _anchors(n):
    from gen.models import Block, Document, Meta
    from gen.understanding.assemble import paragraphs_of

    document = Document("x.txt", "text", Meta(title="t"), tuple(Block("p", "同一行") for _ in range(n)))
    return lambda: f"{len({p.anchor for p in paragraphs_of(document)})} distinct anchors"


def _front_matter(text_of):
    def run(n):
        from gen.reading.frontmatter import FrontMatterError, split

        text = text_of(n)

        def call():
            try:
                split(text)
            except FrontMatterError as error:
                return f"refused: {error}"
            return "loaded"
        return call
    return run


def _alias_bomb(n):
    """Nine levels of aliases, each naming the one below n times: n**9 strings."""
    lines = ["title: 笑声", "a0: &a0 [" + ", ".join(['"哈哈"'] * n) + "]"]
    for level in range(1, 9):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * n) + "]")
    return "---\n" + "\n".join(lines) + "\ndate: *a8\n---\n正文\n"


def _markdown(char):
    def run(n):
        import markdown

        from gen.pipeline import page_for_text

        source = f"标题\n\n{(char * n)[:n]}\n\n{SENTENCE}\n"

        def call():
            body = page_for_text(source, "hostile.txt")
            return f"{len(markdown.markdown(body, extensions=MARKDOWN_EXTENSIONS))} characters of HTML"
        return call
    return run


def _source_file(text_of, stage):
    def run(n):
        folder = Path(tempfile.mkdtemp(prefix="linear-check-"))
        atexit.register(shutil.rmtree, folder, True)
        (folder / "source.txt").write_text(text_of(n), encoding="utf-8")
        return lambda: stage(folder, "source.txt")
    return run


def _read(folder, name):
    from gen.reading.discover import read_source

    result = read_source(folder, name)
    return f"skipped: {result.reason}" if hasattr(result, "reason") else f"{len(result.blocks)} paragraphs"


def _process(folder, name):
    from gen.pipeline import process_source

    result = process_source(name, (folder / name).read_bytes())
    if result.skipped:
        return f"skipped: {result.skipped.reason}"
    return f"{len(result.article.paragraphs)} paragraphs, page of {len(result.page.content)} bytes"


def _jekyll(body):
    return f"---\nlayout: post\ntitle: 标题\ndate: 2024-03-01\n---\n{body}\n"


# name -> (n, function of n that builds the input and returns the call to time)
CASES = {
    "figures: digit run": (100_000, _figures(lambda n: "1" * n)),
    "figures: digit run with 元 and %": (100_000, _figures(lambda n: "元%" + "1" * n)),
    "figures: numeral run": (100_000, _figures(lambda n: "元" + "一" * n)),
    "figures: thousands groups": (100_000, _figures(lambda n: "元1" + ",000" * (n // 4))),
    "figures: decimal points": (100_000, _figures(lambda n: "元%" + "1." * (n // 2))),
    "figures: many in one paragraph": (160_000, _figures(lambda n: "采购金额12元，占比5%，共3家；" * (n // 16))),
    "figure facts: many in one sentence": (160_000, _figure_facts(lambda n: "济南市2021年采购金额近12亿元、共3家" * (n // 20))),
    "figure facts: many in one clause": (160_000, _figure_facts(lambda n: "采购金额12亿元以上" * (n // 10))),
    "anchors: one line repeated": (20_000, _anchors),
    "front matter: alias bomb": (200, _front_matter(_alias_bomb)),
    "front matter: deep nesting": (100_000, _front_matter(lambda n: "---\ntitle: " + "[" * n + "]" * n + "\n---\n正文\n")),
    **{f"markdown: {char * 10}…": (40_000, _markdown(char)) for char in ["<", "|", "{", "&#", "[", "*", "_", "`", "\\"]},
    "source: lines over the limit": (2_000_000, _source_file(lambda n: "x" + "\n" * n, _read)),
    "source: many paragraphs (HTML)": (8_000, _source_file(lambda n: _jekyll(f"<p>{SENTENCE}</p>" * n), _read)),
    "source: paragraphs over the limit (HTML)": (
        30_000, _source_file(lambda n: _jekyll("".join(f"<p>第{i}段</p>" for i in range(n))), _read)),
    "source: inline tags in one paragraph (HTML)": (
        50_000, _source_file(lambda n: _jekyll("<p>" + "<b>采购</b>" * n + "</p>"), _read)),
    "source: whole pipeline, many short lines": (
        5_000, _source_file(lambda n: "标题\n" + "\n".join(f"第{i}段：{SENTENCE}" for i in range(n)), _process)),
}


def child(name: str, n: int) -> None:
    """Build the input, then time the call alone (repeated while it is quick), after a
    small run has loaded what the call loads on first use."""
    build = CASES[name][1]
    build(min(n, 100))()
    call = build(n)
    fastest, spent = float("inf"), 0.0
    while spent < MIN_SECONDS:
        started = time.process_time()
        result = call()
        took = time.process_time() - started
        fastest, spent = min(fastest, took), spent + took
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": fastest, "peak_mb": peak_kb / 1024, "result": result}))


def measure(name: str, n: int) -> dict:
    try:
        done = subprocess.run([sys.executable, __file__, "--child", name, str(n)], capture_output=True, text=True,
                              timeout=CHILD_TIMEOUT, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"error": f"over {CHILD_TIMEOUT} s"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or [""])[-1]
        return {"error": f"exit {done.returncode} {last}"[:160]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def ladder(name: str) -> bool:
    n = CASES[name][0]
    for _attempt in range(2):
        small, large = measure(name, n), measure(name, 2 * n)
        if "error" in small or "error" in large:
            print(f"FAIL  {name}: {small.get('error') or large.get('error')}", flush=True)
            return False
        ratio = large["seconds"] / max(small["seconds"], 1e-9)
        if ratio <= MAX_RATIO:
            break
    ok = ratio <= MAX_RATIO
    print(f"{'ok   ' if ok else 'FAIL '} {name}: n={n:,} {small['seconds']:.3f}s, 2n {large['seconds']:.3f}s "
          f"(x{ratio:.2f}), peak {large['peak_mb']:.0f} MB; {large['result']}", flush=True)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("only", nargs="?", default="", help="run the cases whose name contains this")
    parser.add_argument("--child", nargs=2, metavar=("CASE", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return 0
    names = [name for name in CASES if args.only in name]
    if not names:
        print(f"no case matches {args.only!r}; cases: {', '.join(CASES)}", file=sys.stderr)
        return 2
    failed = [name for name in names if not ladder(name)]
    print(f"{len(names) - len(failed)} of {len(names)} cases linear" + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
