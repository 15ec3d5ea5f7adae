"""`make bench`: speed and quality of resqa against the naive pipeline and the limits.

Not a test suite. Each phase runs in its own subprocess so its peak RSS can be
read; the parent collects the phases' JSON, writes `bench/results/latest.json`
and prints a short table. Absolute times drift on shared machines, so the
report leans on ratios measured in the same run.
"""
