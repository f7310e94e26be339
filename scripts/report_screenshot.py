"""Regenerate docs/report.png: the seeds' story report as headless Chromium shows it.

    python scripts/report_screenshot.py [--out docs/report.png] [--width 1200] [--height 1500]

Digests seeds/ with the offline engine, writes the report (index + story page) to a temporary
folder, opens the story page in Chromium over the DevTools protocol, checks it loaded with no
console errors and no request beyond the page itself, and saves the top of the page as a PNG.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.cli.main import main as summarise  # noqa: E402
from service.report.browser import Browser  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=ROOT / "docs" / "report.png")
    p.add_argument("--width", type=int, default=1200)
    p.add_argument("--height", type=int, default=1500)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        code = summarise(
            [str(ROOT / "seeds"), "-f", "html", "--out", str(site), "--no-store", "-q"]
        )
        if code != 0:
            return code
        story = next(f for f in sorted(site.glob("*.html")) if f.name != "index.html")
        with Browser() as b:
            page = b.open(story)
            if page.errors or len(page.requests) != 1:
                print(f"page problems: errors {page.errors}, requests {page.requests}")
                return 1
            marks = page.evaluate("document.querySelectorAll('mark.quote').length")
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(args.out, width=args.width, height=args.height)
    print(f"{args.out}: {story.name}, {marks} quotes highlighted, {args.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
