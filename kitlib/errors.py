"""The kit's error classes. Each subclasses a built-in so callers can catch broadly."""

from __future__ import annotations

__all__ = ["AnnotationError", "ArticleNotFoundError"]


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
