"""resqa: retrieval question answering over United Nations resolutions."""

__version__ = "0.1.0"
