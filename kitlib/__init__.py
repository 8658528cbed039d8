"""Reading the News: one news article as structured data, with lessons and checked exercises.

    import kitlib
    art = kitlib.load_article()
    art.quotes.head()

Loading the data imports pandas, pydantic and PyYAML only; the checks, widgets and plots
are imported on first use so that ``import kitlib`` stays fast.
"""

from kitlib.article import Article, current_article, load_article, seed_names, use_article
from kitlib.errors import AnnotationError, ArticleNotFoundError

__all__ = [
    "Article",
    "AnnotationError",
    "ArticleNotFoundError",
    "load_article",
    "use_article",
    "current_article",
    "seed_names",
    "check",
    "hint",
    "solution",
    "exercises",
    "reset_hints",
    "widgets",
    "plots",
]
__version__ = "0.1.0"

_LAZY = {
    "check": ("kitlib.checking", "check"),
    "hint": ("kitlib.checking", "hint"),
    "solution": ("kitlib.checking", "solution"),
    "exercises": ("kitlib.checking", "exercises"),
    "reset_hints": ("kitlib.checking", "reset_hints"),
    "widgets": ("kitlib.widgets", None),
    "plots": ("kitlib.plots", None),
}


def __getattr__(name: str):
    # PEP 562: import the heavier parts only when a lesson first uses them.
    if name not in _LAZY:
        raise AttributeError(f"module 'kitlib' has no attribute {name!r}")
    import importlib

    module_name, attr = _LAZY[name]
    module = importlib.import_module(module_name)
    value = module if attr is None else getattr(module, attr)
    globals()[name] = value
    return value
