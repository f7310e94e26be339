"""A small headless-Chromium driver over the Chrome DevTools Protocol, to check report pages in a
real browser: load a page, evaluate script, collect console errors and every request, screenshot.

It drives the system's Chromium (Debian's `chromium`; set NEWSDIGEST_CHROMIUM to another binary)
and downloads nothing. It needs the `websockets` package (the `dev` extra).

    with Browser() as b:
        page = b.open(Path("report.html"))
        page.evaluate("document.title"), page.errors, page.requests
        page.screenshot(Path("shot.png"), width=1200)
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

CHROMIUM_ENV = "NEWSDIGEST_CHROMIUM"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
)


class BrowserError(RuntimeError):
    pass


def find_chromium() -> str | None:
    """The Chromium binary: $NEWSDIGEST_CHROMIUM, else chromium/chromium-browser on PATH."""
    env = os.environ.get(CHROMIUM_ENV)
    if env:
        return env
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Page:
    """One tab, attached through a flat CDP session."""

    def __init__(self, browser: Browser, session: str, target: str) -> None:
        self.browser, self.session, self.target = browser, session, target
        self.errors: list[str] = []  # console errors, uncaught exceptions, log errors
        self.requests: list[str] = []  # every URL the page asked for
        self.failed: list[str] = []  # requests that failed or were blocked

    def send(self, method: str, params: dict[str, Any] | None = None, timeout: float = 30) -> Any:
        return self.browser.send(method, params, session=self.session, timeout=timeout)

    def _event(self, msg: dict[str, Any]) -> None:
        method, p = msg.get("method", ""), msg.get("params", {})
        if method == "Network.requestWillBeSent":
            self.requests.append(p["request"]["url"])
        elif method == "Network.loadingFailed":
            self.failed.append(f"{p.get('errorText')} {p.get('blockedReason') or ''}".strip())
        elif method == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            self.errors.append(d.get("exception", {}).get("description") or d.get("text", ""))
        elif method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            self.errors.append(" ".join(str(a.get("value", "")) for a in p.get("args", [])))
        elif method == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            self.errors.append(p["entry"].get("text", ""))

    def evaluate(self, expression: str) -> Any:
        """Run `expression` in the page and return its value (JSON-serialisable)."""
        r = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in r:
            raise BrowserError(f"script failed: {r['exceptionDetails'].get('text')}")
        return r["result"].get("value")

    def screenshot(self, path: Path, *, width: int = 1200, height: int | None = None) -> Path:
        """A PNG of the page at `width` CSS pixels; `height` None takes the whole page."""
        full = int(self.evaluate("document.documentElement.scrollHeight"))
        h = height or full
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": h, "deviceScaleFactor": 1, "mobile": False},
        )
        shot = self.send(
            "Page.captureScreenshot",
            {"format": "png", "clip": {"x": 0, "y": 0, "width": width, "height": h, "scale": 1}},
            timeout=60,
        )
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def pdf(self) -> bytes:
        """The page printed to PDF (the print stylesheet applies)."""
        r = self.send("Page.printToPDF", {"printBackground": True}, timeout=60)
        return base64.b64decode(r["data"])


class Browser:
    """Start Chromium headless with a fresh profile; `open()` pages; close on exit."""

    def __init__(self, binary: str | None = None, *, timeout: float = 30) -> None:
        self.binary = binary or find_chromium()
        if not self.binary:
            raise BrowserError(
                "no Chromium found: install Debian's `chromium` package or set "
                f"${CHROMIUM_ENV} to the binary"
            )
        self.timeout = timeout
        self._ids = itertools.count(1)
        self._pages: dict[str, Page] = {}
        self._profile = tempfile.mkdtemp(prefix="newsdigest-chromium-")
        self._proc: subprocess.Popen[bytes] | None = None
        self._ws: Any = None

    def __enter__(self) -> Browser:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        from websockets.sync.client import connect

        self._proc = subprocess.Popen(
            [
                self.binary or "chromium",
                *FLAGS,
                f"--user-data-dir={self._profile}",
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = Path(self._profile) / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while not port_file.exists() or len(port_file.read_text().splitlines()) < 2:
            if self._proc.poll() is not None:
                raise BrowserError(f"{self.binary} exited with {self._proc.returncode}")
            if time.monotonic() > deadline:
                raise BrowserError(f"{self.binary} did not open its DevTools port")
            time.sleep(0.05)
        port, path = port_file.read_text().splitlines()[:2]
        self._ws = connect(f"ws://127.0.0.1:{port}{path}", max_size=None, open_timeout=10)

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        *,
        session: str | None = None,
        timeout: float = 30,
    ) -> Any:
        msg_id = next(self._ids)
        msg: dict[str, Any] = {"id": msg_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self._ws.send(json.dumps(msg))
        return self._wait(lambda m: m.get("id") == msg_id, timeout)

    def _wait(self, match: Any, timeout: float) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("timed out waiting for the browser")
            try:
                m = json.loads(self._ws.recv(timeout=left))
            except TimeoutError as e:
                raise BrowserError("timed out waiting for the browser") from e
            page = self._pages.get(m.get("sessionId", ""))
            if page is not None and "method" in m:
                page._event(m)
            if match(m):
                if "error" in m:
                    raise BrowserError(f"{m['error'].get('message')}")
                return m.get("result", m.get("params", {}))

    def open(self, path_or_url: Path | str, *, timeout: float = 30) -> Page:
        """A new tab showing `path_or_url`, returned once its load event has fired."""
        url = path_or_url.resolve().as_uri() if isinstance(path_or_url, Path) else path_or_url
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        page = Page(self, session, target)
        self._pages[session] = page
        for domain in ("Page", "Runtime", "Network", "Log"):
            page.send(f"{domain}.enable")
        page.send("Page.navigate", {"url": url})
        self._wait(
            lambda m: m.get("sessionId") == session and m.get("method") == "Page.loadEventFired",
            timeout,
        )
        return page

    def close(self) -> None:
        if self._ws is not None:
            with contextlib.suppress(Exception):  # the browser may already be gone
                self._ws.close()
            self._ws = None
        if self._proc is not None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
            self._proc = None
        shutil.rmtree(self._profile, ignore_errors=True)
