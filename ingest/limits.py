"""The limits that keep parsing bounded in time and memory (docs/parser.md, "Limits").

A shared server parses whatever is uploaded, so every reader and the structure pass
either run in time linear in their input or refuse it with a one-line reason, and the
check is made before the work: on the zip's declared and streamed sizes before a DOCX
is inflated, on the tag nesting before an HTML tree is built, on the text length
before the structure pass.
"""

from __future__ import annotations

# characters of decoded text one document may hold (the longest resolutions of the
# corpora are under 200,000; a report with annexes under 1,500,000)
MAX_TEXT_CHARS = 2_000_000
# nesting depth of HTML elements (UN web pages nest fewer than 40)
MAX_HTML_DEPTH = 256
# bytes a DOCX may inflate to, all its parts together (UN DOCX: under 5 MB)
MAX_UNZIPPED_BYTES = 64 * 1024 * 1024
# pages of a PDF
MAX_PDF_PAGES = 2_000
