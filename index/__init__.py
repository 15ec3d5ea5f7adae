"""Embeddings, the Chroma store, the jieba BM25 index, and retrieval.

The only package that converts a `Paragraph` to a llama-index node and back.
"""
