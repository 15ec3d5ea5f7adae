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
