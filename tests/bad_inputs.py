"""Hostile and broken sources, one per case of the robustness issue, made in code."""

from __future__ import annotations

from conftest import SEEDS

ARTICLE = (
    "某市财政局持续深化政府采购制度改革，全面推行远程异地评标，评审专家资源共享，采购人满意度明显提升。\n\n"
    "今年以来，全市政府采购授予中小企业合同金额12.5亿元，占比86.3%。\n\n"
    "下一步，将继续推进政府采购全流程电子化，优化营商环境。\n"
)


def tagged(tag: str, body: str = ARTICLE) -> str:
    """The article with every paragraph marked, so no two cases are near-duplicates."""
    return "\n\n".join(f"{tag}：{p.strip()}" for p in body.split("\n\n") if p.strip())


def jekyll(title: str, body: str | None = None, date: str = "2024-03-01 10:00:00 +0800") -> str:
    body = body if body is not None else tagged(title[:12])
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    return f"---\nlayout: post\ntitle: {title}\ndate: {date}\n---\n{paragraphs}\n"


def seed(name: str) -> bytes:
    return next(SEEDS.glob(f"{name}*")).read_bytes()


def nested_html(depth: int) -> str:
    return "---\nlayout: post\ntitle: 深层嵌套\ndate: 2024-01-01\n---\n" + "<div>" * depth + "<p>" + tagged("深层") + "</p>" + "</div>" * depth


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    """Front matter of a few hundred bytes naming width**levels strings through aliases."""
    lines = ["title: 笑声", "a0: &a0 [" + ", ".join(['"哈哈"'] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    lines.append(f"date: *a{levels - 1}")
    return "---\n" + "\n".join(lines) + "\n---\n"


HOSTILE_HTML = """---
layout: post
title: "恶意<script>alert(1)</script>标题"
date: 2024-02-02
---
<script>alert('x')</script><style>body{display:none}</style>
<p onclick="alert(2)">某市财政局全面推行政府采购电子化，<a href="javascript:alert(3)">点击</a>办理业务，供应商可在线投标。</p>
<iframe src="https://evil.example/"></iframe>
<svg onload="alert(4)"><circle r="1"/></svg>
<p><img src="x" onerror="alert(5)" alt="图">政府采购项目采购人应当公开采购意向，评审专家按规定评审。</p>
<p>&lt;script&gt;alert(6)&lt;/script&gt; 文本中的尖括号 {: onclick="alert(7)" }</p>
<p><a href=" JaVaScRiPt:alert(8)">链接</a><a href="data:text/html,hi">数据</a><a href="https://www.ccgp.gov.cn/">中国政府采购网</a></p>
"""


def cases() -> dict[str, bytes]:
    """file name -> bytes; the names say what each case is."""
    text = ARTICLE  # used once, untagged, by the no-title case
    return {
        "empty.txt": b"",
        "blank.txt": b"  \n\t\n   \n",
        "binary.bin": bytes(range(256)) * 40,
        "image.png": b"\x89PNG\r\n\x1a\n" + bytes((i * 37) % 256 for i in range(5000)),
        "gbk.txt": seed("003").decode("utf-8").encode("gbk"),
        "gb18030.txt": seed("004").decode("utf-8").encode("gb18030"),
        "utf16.txt": seed("001").decode("utf-8").encode("utf-16"),
        "bom.txt": b"\xef\xbb\xbf" + jekyll("带BOM的文件").encode(),
        "invalid-utf8.txt": jekyll("坏字节").encode()[:120] + b"\xff\xfe" + jekyll("坏字节").encode()[120:],
        "crlf.txt": jekyll("Windows换行").replace("\n", "\r\n").encode(),
        "malformed-front-matter.txt": ("---\ntitle: [未闭合\ndate: : :\n---\n" + tagged("坏头")).encode(),
        "front-matter-only.txt": b"---\nlayout: post\ntitle: only front matter\ndate: 2024-01-01\n---\n",
        "no-title.txt": ("---\nlayout: post\ndate: 2024-01-05\n---\n" + "".join(f"<p>{p}</p>" for p in text.split("\n\n"))).encode(),
        "bad-date.txt": jekyll("日期无法解析", date="not a date").encode(),
        "future-date.txt": jekyll("未来日期", date="2099-01-01 08:00:00 +0800").encode(),
        "dup-a.txt": jekyll("同一篇文章甲站", body=tagged("转载")).encode(),
        "sub/dup-b.txt": (jekyll("同一篇文章乙站", body=tagged("转载")) + "<p>本文转载自乙站。</p>\n").encode(),
        "same-title-1.txt": jekyll("同名标题", body=tagged("甲市")).encode(),
        "same-title-2.txt": ("同名标题\n\nadmin 2024-03-02 10:00:00 阅读:1 评论:0\n\n乙县财政局推行远程异地评标，评审专家跨区域抽取，政府采购效率提高。\n\n"
                             "乙县全年政府采购规模3.2亿元，中小企业合同占比91%。\n\n版权声明\n\n本站仅提供信息存储空间服务").encode(),
        "long-title.txt": jekyll("超长标题" * 200).encode(),
        "path-trick.txt": jekyll('"../../../etc/passwd 标题"').replace("layout: post", "layout: post\npermalink: /../../outside/").encode(),
        "yaml-special.txt": jekyll("'标题: 带 # 号 --- 和 {大括号} \"引号\"'").encode(),
        "control-chars.txt": jekyll("控制\u0007字符\u202e反转").replace("某市", "某\u202e市\u0000").encode(),
        "hostile.txt": HOSTILE_HTML.encode(),
        "deep.txt": nested_html(5000).encode(),
        # small enough that code without the alias check expands it without running out of memory
        "alias-bomb.txt": (billion_laughs(levels=5) + "标题\n\n" + tagged("别名")).encode(),
        "too-many-lines.txt": ("标题\n" + "短行\n" * 60_000).encode(),
        "sub/dir/nested-notice.txt": seed("003"),
    }
