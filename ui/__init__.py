"""The chat UI's building blocks: HTML rendering, plain handlers, uploads and auth.

`app.py` wires them into Gradio; everything here is testable without a server.
"""
