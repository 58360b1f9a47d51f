"""Reliability and security harness: shared payloads, generated post files, store checks,
a replayed collector for crash tests, and the counts behind the `make reliability` summary.

Nothing here is imported by the dashboard itself; the tests in tests/test_reliability_*.py,
tests/test_fuzz_*.py, tests/test_security_*.py and tests/test_browser_hostile.py use it.
"""
