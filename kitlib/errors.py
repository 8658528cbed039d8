"""The kit's error classes. Each subclasses a built-in so callers can catch broadly."""

from __future__ import annotations

__all__ = [
    "AnnotationError",
    "ArticleNotFoundError",
    "MissingExtraError",
    "ReleaseInterrupted",
    "require_extra",
]


class AnnotationError(ValueError):
    """An annotation file is malformed or does not match its article text.

    ``problems`` lists every problem found, each naming the item (its id or path inside
    the file), what was expected and how to fix it. Nothing half-loaded is ever returned.
    """

    def __init__(self, file: str, problems: list[str]):
        self.file = str(file)
        self.problems = list(problems)
        count = len(self.problems)
        head = f"{self.file}: {count} problem{'s' if count != 1 else ''} in the annotation"
        body = "\n".join(f"  - {p}" for p in self.problems[:25])
        more = f"\n  ... and {count - 25} more" if count > 25 else ""
        super().__init__(f"{head}\n{body}{more}")


class ArticleNotFoundError(FileNotFoundError):
    """No annotated article at the given place; the message lists the articles the kit ships."""


PROJECT = "reading-the-news"  # the name pip knows the kit by (pyproject.toml)
# Which extra brings each optional module, for an import that fails deep inside a command.
EXTRA_OF_MODULE = {
    "nbformat": "release",
    "nbclient": "release",
    "nbconvert": "release",
    "tqdm": "release",
    "ipykernel": "release",
    "jupyter_client": "release",
    "jupyterlab": "lab",
    "nbgrader": "nbgrader",
    "playwright": "e2e",
}


class MissingExtraError(ImportError):
    """A command needs an optional extra that is not installed; the message is one line."""

    def __init__(self, command: str, extra: str, missing: list[str]):
        self.command, self.extra, self.missing = command, extra, list(missing)
        super().__init__(
            f"{command} needs the {extra!r} extra ({', '.join(self.missing)} not installed): "
            f'pip install "{PROJECT}[{extra}]"'
        )


def require_extra(command: str, extra: str, modules: list[str]) -> None:
    """Raise MissingExtraError unless every module can be imported (cheap: no import runs)."""
    import importlib.util

    missing = [name for name in modules if not _findable(name, importlib.util)]
    if missing:
        raise MissingExtraError(command, extra, missing)


def _findable(name: str, util) -> bool:
    try:
        return util.find_spec(name) is not None
    except (ImportError, ValueError):  # a broken install, or a module without a spec
        return False


class ReleaseInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped a release. Every file in the release folder is whole (old or new).

    ``released`` names the masters whose files were placed, ``left`` those not finished,
    ``failed`` those that finished with an error (the full report was cut short).
    """

    def __init__(self, out_dir, released: list[str], left: list[str], failed: list[str] = ()):
        self.out_dir, self.released, self.left = out_dir, sorted(released), sorted(left)
        self.failed = sorted(failed)
        super().__init__(self.summary())

    def summary(self) -> str:
        done = f"{len(self.released)} notebook(s) released"
        if self.released:
            done += f" ({', '.join(self.released)})"
        left = f"{len(self.left)} not" + (f" ({', '.join(self.left)})" if self.left else "")
        if self.failed:
            left += f", {len(self.failed)} failed ({', '.join(self.failed)})"
        return (
            f"interrupted: {done}, {left}; every file in {self.out_dir}/ is whole, "
            "the previous version or the new one. Run the same command again to finish."
        )
