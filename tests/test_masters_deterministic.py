"""Executing the masters again gives byte-identical files: the committed outputs are current.

This is what `kitlib execute notebooks` does after an instructor edits a lesson; if this test
fails, a lesson's stored outputs are stale (or something in them is not deterministic).
"""

import shutil

import pytest

from kitlib.release.masters import main as execute_masters

from .test_release import LESSON_MASTERS


@pytest.mark.slow
@pytest.mark.skipif(not LESSON_MASTERS, reason="no lessons in notebooks/ yet")
def test_re_executing_the_masters_changes_no_byte(tmp_path):
    copies = []
    for master in LESSON_MASTERS:
        shutil.copy(master, tmp_path / master.name)
        copies.append(tmp_path / master.name)
    assert execute_masters([str(tmp_path)]) == 0
    for master, copy in zip(LESSON_MASTERS, copies, strict=True):
        assert copy.read_bytes() == master.read_bytes(), f"{master.name}: run `make notebooks`"
