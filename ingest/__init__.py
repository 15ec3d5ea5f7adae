"""Turn a resolution file into a `Document` of `Paragraph`s.

This package imports neither llama-index nor chromadb.
"""
