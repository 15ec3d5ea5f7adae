"""The evaluation harness: gold-set loader, pure metrics, runner, naive baseline, report.

Nothing here does work at import time; the runner and the baseline import
llama-index and chromadb only when they are called.
"""
