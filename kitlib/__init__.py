"""Reading the News: one news article as structured data, with lessons and checked exercises.

    import kitlib
    art = kitlib.load_article()
    art.quotes.head()

Everything is imported on first use: ``import kitlib`` itself loads nothing heavy (so the
``kitlib`` command starts at once and a Ctrl-C there is never a traceback), loading the data
imports pandas, msgspec and PyYAML only, and the checks, widgets and plots come when a lesson
first uses them.
"""

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
    "progress",
    "points",
    "widgets",
    "plots",
    "compare",
    "draft",
]
__version__ = "0.1.0"

_LAZY = {
    "Article": ("kitlib.article", "Article"),
    "load_article": ("kitlib.article", "load_article"),
    "use_article": ("kitlib.article", "use_article"),
    "current_article": ("kitlib.article", "current_article"),
    "seed_names": ("kitlib.article", "seed_names"),
    "check": ("kitlib.checking", "check"),
    "hint": ("kitlib.checking", "hint"),
    "solution": ("kitlib.checking", "solution"),
    "exercises": ("kitlib.checking", "exercises"),
    "reset_hints": ("kitlib.checking", "reset_hints"),
    "progress": ("kitlib.tracking", "progress"),
    "points": ("kitlib.partial", "points"),
    "widgets": ("kitlib.widgets", None),
    "plots": ("kitlib.plots", None),
    "compare": ("kitlib.comparison", "compare"),
    "draft": ("kitlib.draft", None),
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


# In IPython, text columns of tables are shown left-aligned (a ragged left edge is hard to
# read); registered by type name, so pandas is not imported for it.
from kitlib.display import register as _register_display  # noqa: E402

_register_display()
