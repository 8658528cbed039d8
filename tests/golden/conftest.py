# The golden notebooks are compared byte for byte by tests/test_golden.py; `pytest --nbval`
# must not run them (the student copies hold no outputs on purpose, the master is a fixture).
collect_ignore_glob = ["*.ipynb", "masters/*.ipynb"]
