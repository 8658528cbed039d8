"""``kitlib release``: turn the master notebooks into student notebooks and answer keys.

Each step is a small function ``step(nb, ctx) -> nb`` in its own module, in the style of
nbgrader's preprocessors; ``pipeline.py`` declares the order. ``command.py`` runs the
pipelines over all masters (two worker processes), guards the instructor's edits with a
manifest and writes every file atomically.

Importing this package is cheap; nbformat, nbclient and nbconvert are imported by the
modules that need them, which only the release path loads.
"""

__all__ = ["release", "check_release"]


def release(*args, **kwargs):
    """See :func:`kitlib.release.command.release`."""
    from kitlib.release.command import release as run

    return run(*args, **kwargs)


def check_release(*args, **kwargs):
    """See :func:`kitlib.release.leaks.check_release`."""
    from kitlib.release.leaks import check_release as run

    return run(*args, **kwargs)
