"""Golden student notebooks: see ``update.py`` (how to regenerate) and ``tests/test_golden.py``."""
