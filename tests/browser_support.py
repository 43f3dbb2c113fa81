"""A static server on 127.0.0.1 and a Chromium that may reach nothing else."""

from __future__ import annotations

import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the test output readable
        pass


def serve(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def launch(playwright):
    """Debian's Chromium where it exists; Playwright's build only where the script installed it."""
    options = {"args": LAUNCH_ARGS}
    if os.path.exists(CHROMIUM):
        options["executable_path"] = CHROMIUM
    return playwright.chromium.launch(**options)


class Guard:
    """Blocks and counts every request that would leave 127.0.0.1; records console errors."""

    def __init__(self) -> None:
        self.external: list[str] = []
        self.console_errors: list[str] = []

    def attach(self, context) -> None:
        context.route("**/*", self._route)

    def watch(self, page) -> None:
        page.on("console", lambda msg: self.console_errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.on("response", lambda r: self.console_errors.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None)

    def _route(self, route) -> None:
        host = urlparse(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            self.external.append(route.request.url)
            route.abort()


PHONE_WIDTH = 390


def guarded_phone_page(browser) -> tuple[object, object, Guard]:
    """A page in a phone-sized context (390 px, touch), with every request and console error
    watched: (context, page, guard)."""
    guard = Guard()
    context = browser.new_context(viewport={"width": PHONE_WIDTH, "height": 844}, is_mobile=True, has_touch=True)
    guard.attach(context)
    page = context.new_page()
    guard.watch(page)
    return context, page, guard
