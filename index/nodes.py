"""Paragraph <-> stored record <-> llama-index node, and the text we embed.

A record is the flat, JSON-able form of one paragraph of one document version;
the same record feeds the Chroma node (with its vector) and the BM25 index.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from llama_index.core.schema import TextNode

from index.hits import Hit
from ingest.model import Document, Paragraph, ParagraphKind, citation, paragraph_id

# Kind words in the document's language: the embedded text says what a paragraph
# is ("operative paragraph") because questions do ("which operative paragraphs…").
KIND_WORDS = {
    "zh": {"title": "标题", "preamble": "序言段落", "operative": "执行段落", "subparagraph": "分段",
           "footnote": "脚注", "annex": "附件", "paragraph": "段落"},
    "en": {"title": "Title", "preamble": "Preambular paragraph", "operative": "Operative paragraph",
           "subparagraph": "Subparagraph", "footnote": "Footnote", "annex": "Annex", "paragraph": "Paragraph"},
    "fr": {"title": "Titre", "preamble": "Alinéa du préambule", "operative": "Paragraphe du dispositif",
           "subparagraph": "Alinéa", "footnote": "Note", "annex": "Annexe", "paragraph": "Paragraphe"},
}


def document_version(doc: Document) -> str:
    """SHA-256 of everything that is indexed about the document (not its source path),
    so the same text from a PDF and from a TXT is the same version."""
    payload = doc.to_json()
    payload.pop("source", None)
    payload.pop("warnings", None)
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def embed_text(doc: Document, paragraph: Paragraph) -> str:
    """Title and kind word give context; ids and numbers are left out because they
    carry no meaning for the model and would pull unrelated paragraphs together."""
    if paragraph.kind == ParagraphKind.TITLE:
        return paragraph.text
    words = KIND_WORDS.get(doc.lang, KIND_WORDS["en"])
    return f"{doc.title}\n{words[str(paragraph.kind)]}: {paragraph.text}"


@dataclass(frozen=True)
class Record:
    node_id: str
    text: str
    embed_text: str
    metadata: dict

    def to_json(self) -> dict:
        return {"node_id": self.node_id, "text": self.text, "embed_text": self.embed_text, "metadata": self.metadata}

    @classmethod
    def from_json(cls, data: dict) -> "Record":
        return cls(data["node_id"], data["text"], data["embed_text"], data["metadata"])


def node_id(symbol: str, lang: str, ref: str, version: str) -> str:
    """The Chroma id of one paragraph of one document version."""
    return f"{paragraph_id(symbol, lang, ref)}@{version[:16]}"


def records_for(doc: Document, version: str) -> list[Record]:
    """One record per paragraph, in document order. Node ids carry the version so
    that a new version can be written beside the old one before the old is removed."""
    footnote_text = {f.ref: f.text for f in doc.footnotes}
    records = []
    for position, p in enumerate(doc.paragraphs):
        metadata = {
            "symbol": doc.symbol,
            "lang": doc.lang,
            "ref": p.ref,
            "kind": str(p.kind),
            "number": p.number or "",
            "organ": doc.organ or "",
            "session": doc.session or "",
            "year": doc.year or 0,
            "title": doc.title,
            "doc_kind": str(doc.kind),
            "source": doc.source,
            "content_hash": hashlib.sha256(p.text.encode("utf-8")).hexdigest(),
            "footnotes": json.dumps([[fn, footnote_text.get(fn, "")] for fn in p.footnotes], ensure_ascii=False),
            "position": position,
            "version": version,
        }
        records.append(Record(node_id(doc.symbol, doc.lang, p.ref, version), p.text, embed_text(doc, p), metadata))
    return records


def to_node(record: Record, embedding: list[float]) -> TextNode:
    return TextNode(
        id_=record.node_id,
        text=record.text,
        metadata=dict(record.metadata),
        embedding=embedding,
        excluded_embed_metadata_keys=list(record.metadata),
        excluded_llm_metadata_keys=list(record.metadata),
    )


def to_hit(metadata: dict, text: str, score: float, dense: float | None = None,
           lexical: float | None = None, margin: float | None = None, pivot: float | None = None) -> Hit:
    try:
        footnotes = tuple((ref, body) for ref, body in json.loads(metadata.get("footnotes") or "[]"))
    except (ValueError, TypeError):
        footnotes = ()
    return Hit(
        id=citation(metadata["symbol"], metadata["ref"]),
        symbol=metadata["symbol"],
        ref=metadata["ref"],
        lang=metadata["lang"],
        score=float(score),
        text=text,
        kind=metadata.get("kind", ""),
        title=metadata.get("title", ""),
        footnotes=footnotes,
        dense_score=dense,
        lexical_score=lexical,
        dense_margin=margin,
        pivot_score=pivot,
        metadata=dict(metadata),
    )
