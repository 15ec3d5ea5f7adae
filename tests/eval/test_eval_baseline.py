"""The naive baseline: default 512-token chunks in Chroma, mapped back to paragraph refs."""

from __future__ import annotations

import pytest

from eval.baseline import NaiveBaseline, SourceDocument, chunk_refs
from index.embeddings import FakeEmbedding


def _udhr(samples_dir) -> SourceDocument:
    """The Universal Declaration, one paragraph per blank-line block, refs p1..pN."""
    text = (samples_dir / "en" / "A_RES_217_III_A_UDHR.txt").read_text(encoding="utf-8")
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    return SourceDocument("A/RES/217 (III) A", "en", tuple((f"p{i}", b) for i, b in enumerate(blocks, 1)))


@pytest.mark.unit
def test_chunk_refs_overlap_rules():
    spans = [("op1", 0, 10), ("op2", 12, 20), ("op3", 22, 30)]
    assert chunk_refs(spans, 0, 10) == ("op1",)
    assert chunk_refs(spans, 10, 12) == ()  # only the separator
    assert chunk_refs(spans, 9, 23) == ("op1", "op2", "op3")


@pytest.mark.integration
def test_naive_chunks_cover_every_paragraph_and_map_back(tmp_path, samples_dir):
    doc = _udhr(samples_dir)
    with NaiveBaseline.build([doc], embed_model=FakeEmbedding(), work_dir=tmp_path / "naive") as naive:
        assert 4 <= naive.chunk_count <= 8  # 10.7 kB of English in 512-token chunks with overlap
        chunks = naive.search("anything", k=50)
        assert len(chunks) == naive.chunk_count
        covered = {ref for c in chunks for ref in c.refs}
        assert covered == {f"A/RES/217 (III) A#p{i}" for i in range(1, len(doc.paragraphs) + 1)}
        for chunk in chunks:
            numbers = [int(r.rpartition("#p")[2]) for r in chunk.refs]
            assert numbers == list(range(numbers[0], numbers[-1] + 1))  # contiguous, in document order
            first_text = doc.paragraphs[numbers[0] - 1][1]
            last_text = doc.paragraphs[numbers[-1] - 1][1]
            # the chunk overlaps its first and last paragraph (both ends may be cut mid-paragraph)
            assert first_text[-20:] in chunk.text or chunk.text[:20] in first_text
            assert last_text[:20] in chunk.text or chunk.text[-20:] in last_text
        # the fake embedder gives identical text a cosine of 1: a chunk's own text finds it first
        target = chunks[2]
        top = naive.search(target.text, k=3)
        assert top[0].refs == target.refs and top[0].score == pytest.approx(1.0, abs=1e-4)
        assert top[0].symbol == "A/RES/217 (III) A" and top[0].lang == "en"


@pytest.mark.integration
def test_naive_owns_and_removes_its_temp_dir(tmp_path, samples_dir):
    naive = NaiveBaseline.build([_udhr(samples_dir)], embed_model=FakeEmbedding())
    work = naive._work_dir
    assert (work / "chroma").is_dir()
    naive.close()
    assert not work.exists()
    with pytest.raises(ValueError, match="needs the library's embed_model"):
        NaiveBaseline.build([], embed_model=None, work_dir=tmp_path)


@pytest.mark.integration
def test_naive_builds_from_a_library_whose_queries_go_through_the_eval_cache(tmp_path, samples_dir):
    """Regression: `resqa eval --mode all` crashed (AssertionError in llama-index) because the naive
    baseline was given the eval's query-caching wrapper, which is not a llama-index embedding."""
    from eval.query_cache import QueryCachingEmbedder
    from eval.runner import _library_embedder

    class Library:
        embedder = QueryCachingEmbedder(FakeEmbedding(), tmp_path / "queries.sqlite")

    model = _library_embedder(Library())
    assert isinstance(model, FakeEmbedding)
    with NaiveBaseline.build([_udhr(samples_dir)], embed_model=model, work_dir=tmp_path / "naive") as naive:
        assert len(naive.search("right to education", k=2)) == 2
