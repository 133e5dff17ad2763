"""`make bench`: Lighthouse scores, page weight, build times and live-reload latency.

Run with ``python -m benchmarks.run``; results go to ``benchmarks/results.md`` (committed) and raw
JSON to ``benchmarks/results/`` (ignored by git).
"""
