"""The language layer: what every other package agrees on about the text of resolutions.

It imports only the standard library (plus jieba/numpy and resqa.errors/settings where needed),
never ingest/, index/ or answer/.
"""
