"""Uploads through the real parser and Library (fake embedder, real Chroma)."""

from __future__ import annotations

import pytest

from resqa.errors import ParseError
from ui import handlers

pytestmark = pytest.mark.integration


def test_upload_with_the_real_parser_and_library(tmp_path, samples_dir):
    """Real parser and store (fake embedder): the upload is indexed under the user's file name."""
    from index.library import Library
    from resqa.settings import Settings

    settings = Settings(store_dir=tmp_path / "store", embed_model="fake", max_file_mb=1.0)
    library = Library.open(settings)
    try:
        upload = tmp_path / "gradio" / "A_RES_55_100.partial.txt"
        upload.parent.mkdir()
        upload.write_bytes((samples_dir / "en" / "A_RES_55_100.partial.txt").read_bytes())
        report = handlers.ingest_uploads(library, [upload], settings, upload_root=tmp_path / "gradio")
        assert report["added"] == ["A/RES/55/100 (en) ← A_RES_55_100.partial.txt"]
        info = library.documents()[0]
        assert (info.symbol, info.lang, info.source) == ("A/RES/55/100", "en", "A_RES_55_100.partial.txt")
        refs = [h.ref for h in library.paragraphs("A/RES/55/100", "en")]
        # the web copy's inline footnotes are taken out of the body (issue 12) and come last
        assert refs[-7:] == ["op1", "op2", "op3", "op4", "fn1", "fn2", "fn3"]
        bad = tmp_path / "gradio" / "scan.pdf"
        bad.write_bytes(b"%PDF-1.4 not really a pdf")
        with pytest.raises(ParseError, match="scan.pdf: nothing was indexed"):
            handlers.ingest_uploads(library, [bad], settings, upload_root=tmp_path / "gradio")
        assert len(library.documents()) == 1
        # The francophonie draft prints no symbol: its id comes from the user's file name, not the staged one.
        nameless = tmp_path / "gradio" / "A_67_L_francophonie_draft.txt"
        nameless.write_bytes((samples_dir / "zh" / "A_67_L_francophonie_draft.txt").read_bytes())
        from ingest.symbols import symbol_from_filename

        expected = symbol_from_filename("A_67_L_francophonie_draft.txt")
        report = handlers.ingest_uploads(library, [nameless], settings, upload_root=tmp_path / "gradio")
        assert report["added"] == [f"{expected} (zh) ← A_67_L_francophonie_draft.txt"]
    finally:
        library.close()
