"""Driving the chat UI from a real Chromium (Playwright): the launch flags and one question's round
trip. Used by the browser tests and `scripts/screenshot.py`, so that both wait for the same thing."""

from __future__ import annotations

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


def ask(page, question: str, timeout_ms: int = 60_000):
    """Type `question`, press Ask, wait until a new turn is there and its streamed answer is
    complete (no typing indicator), and return that turn's locator."""
    before = page.locator("#conversation .turn").count()
    page.locator("#question textarea").fill(question)
    page.locator("#ask-btn").click()
    page.wait_for_function(
        "n => document.querySelectorAll('#conversation .turn').length > n"
        " && !document.querySelector('#conversation .typing')",
        arg=before, timeout=timeout_ms,
    )
    return page.locator("#conversation .turn").last


def upload(page, elem_id: str, path, timeout_ms: int = 60_000):
    """Choose `path` in the file component `elem_id` as a user does (click its drop zone, pick the
    file in the chooser) and wait for the server to accept the upload; returns that response.

    Clicking the live drop zone, rather than writing to whatever `input[type=file]` is in the DOM,
    gives the file to the component that is mounted now (a tab's components mount when the tab
    opens). A refused upload raises with the server's words instead of a bare timeout."""
    zone = page.locator(f"#{elem_id} button.upload-container")
    zone.wait_for(state="visible", timeout=timeout_ms)
    with page.expect_response(lambda r: r.url.split("?")[0].endswith("/upload") and r.request.method == "POST",
                              timeout=timeout_ms) as answered:
        with page.expect_file_chooser(timeout=timeout_ms) as chooser:
            zone.click()
        chooser.value.set_files(str(path))
    response = answered.value
    if not response.ok:
        raise RuntimeError(f"the upload of {path} was refused: HTTP {response.status} {response.text()}")
    return response
