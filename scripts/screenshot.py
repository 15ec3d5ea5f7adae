"""Make the README screenshot (docs/screenshot.png) from the real stack.

    .venv/bin/python scripts/screenshot.py            # or: make screenshot
    .venv/bin/python scripts/screenshot.py --out /tmp/shot.png

Indexes two sample documents with the real e5 model into a temporary store, launches
the UI on a free loopback port, asks the Chinese peacekeeping question and a French
follow-up in Debian's Chromium, opens a citation and saves the page. The test suite
never writes this file: tests leave the tree clean.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUESTIONS = ("哪些段落涉及维持和平行动？", "Quels paragraphes concernent le regroupement familial ?")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    args = parser.parse_args(argv)

    from resqa.settings import Settings, configure_offline_environment

    configure_offline_environment()
    import app
    from answer.assistant import Assistant
    from index.library import Library
    from playwright.sync_api import sync_playwright
    from resqa.ports import free_port
    from ui.browser import CHROMIUM_ARGS, ask

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("screenshot: Debian chromium is needed (apt-get install -y chromium)", file=sys.stderr)
        return 1
    samples = ROOT / "samples"
    with tempfile.TemporaryDirectory(prefix="resqa-screenshot-") as tmp:
        settings = Settings(store_dir=Path(tmp) / "store", embed_model="e5")
        library = Library.open(settings)
        try:
            library.ingest_paths([samples / "zh" / "A_67_L_francophonie_draft.txt"], symbol="A/67/L.X", lang="zh")
            for lang in ("en", "zh", "fr"):
                library.ingest_paths([samples / lang / "A_RES_55_100.partial.txt"], symbol="A/RES/55/100", lang=lang)
            demo = app.build_app(Assistant(library, settings), settings)
            _, url, _ = demo.launch(server_name="127.0.0.1", server_port=free_port(), prevent_thread_lock=True,
                                    quiet=True)
            try:
                with sync_playwright() as p:
                    browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
                    page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
                    page.goto(url)
                    ask(page, QUESTIONS[0], timeout_ms=120_000).locator(".answer .cite-chip").nth(1).click()
                    page.locator("#panel .para.cited").wait_for(timeout=60_000)
                    ask(page, QUESTIONS[1], timeout_ms=120_000).locator('.answer .cite-chip[data-cite^="A/RES/55/100#"]').first.click()
                    page.locator("#panel .version-grid").wait_for(timeout=60_000)
                    args.out.parent.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(args.out))
                    browser.close()
            finally:
                demo.close()
        finally:
            library.close()
    print(f"screenshot: wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
