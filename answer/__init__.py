"""Answering: retrieval → a grounded answer with checked `SYMBOL#REF` citations.

The default answerer is extractive (offline, no model); an OpenAI-compatible LLM
is optional. Entry point: `answer.assistant.Assistant`.
"""
