"""Regenerate the pictures of docs/bulletin.md: one screenshot per section of the bulletin of the
bundled example data (2025-Q2 as of 2025-07-31), taken with headless Chromium.

    .venv/bin/python docs/make_bulletin_shots.py        # writes docs/img/bulletin-*.png

Needs Chromium and a CJK font (apt-get install chromium fonts-noto-cjk).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "img"
SECTIONS = {  # element id -> (file, height of the window in CSS pixels)
    "headline": ("bulletin-headline.png", 900),
    "indicators": ("bulletin-indicators.png", 1300),
    "behind": ("bulletin-behind.png", 900),
    "supervision": ("bulletin-supervision.png", 1100),
    "sections": ("bulletin-sections.png", 1000),
    "changes": ("bulletin-changes.png", 900),
}
WIDTH = 1100


def main() -> int:
    sys.path.insert(0, str(REPO))
    import numpy
    import matplotlib.image
    from typer.testing import CliRunner

    from zzip.bulletin.pdf import BROWSERS, PdfError, find_browser
    from zzip.cli import app

    try:
        browser = find_browser()
    except PdfError as exc:
        sys.exit(f"make_bulletin_shots: {exc} (looked for {', '.join(BROWSERS)})")
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        page = Path(temp) / "bulletin.html"
        result = CliRunner().invoke(app, ["bulletin", str(REPO / "reports"), "--plan", str(REPO / "plan"),
                                          "--period", "2025-Q2", "--as-of", "2025-07-31", "-o", str(page)])
        if result.exit_code != 0:
            sys.exit(result.output)
        html = page.read_text(encoding="utf-8")
        for element, (name, height) in SECTIONS.items():
            only = (f"<style>header, section, footer {{ display: none !important; }} "
                    f"#{element} {{ display: block !important; }}</style></head>")
            one = Path(temp) / f"{element}.html"
            one.write_text(html.replace("</head>", only, 1), encoding="utf-8")
            shot = Path(temp) / f"{element}.png"
            subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                            f"--user-data-dir={temp}/profile", f"--window-size={WIDTH},{height}",
                            f"--screenshot={shot}", one.as_uri()], check=True, capture_output=True, timeout=120)
            pixels = matplotlib.image.imread(str(shot))
            inked = numpy.where((pixels[:, :, :3] < 0.97).any(axis=(1, 2)))[0]
            bottom = min(int(inked[-1]) + 24, pixels.shape[0]) if len(inked) else pixels.shape[0]
            matplotlib.image.imsave(str(OUT / name), pixels[:bottom])
            print(f"wrote docs/img/{name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
