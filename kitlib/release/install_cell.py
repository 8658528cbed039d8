"""Step: open each student copy with a cell that installs the kit where it is missing.

On Colab (or any fresh Jupyter) a lesson's ``import kitlib`` would fail; the added cell, the
first code cell, installs the kit there with a guarded ``%pip install``. Where ``kitlib`` is
importable (the kit's own environment, Binder, a lab the teacher set up) the guard is false
and the cell does nothing and prints nothing.

Where to install from: ``[project.urls]`` ``Repository`` (or ``Source``) in the kit's
``pyproject.toml``, as ``git+<url>``; else the installed package's metadata. Without either,
the cell cannot know the kit's address: it says so and names what to run, instead of calling
pip with a made-up address.
"""

from __future__ import annotations

import nbformat

from kitlib.release.stable_ids import added_cell_id

DISTRIBUTION = "reading-the-news"  # the kit's name on pip ([project] name in pyproject.toml)
URL_KEYS = ("Repository", "Source", "Homepage")
INSTALL_TAG = "install-kit"
GUARD = 'importlib.util.find_spec("kitlib") is None'


def add_install_cell(nb, ctx):
    code_cells = [i for i, cell in enumerate(nb.cells) if cell.cell_type == "code"]
    at = code_cells[0] if code_cells else len(nb.cells)
    cell = nbformat.v4.new_code_cell(install_source(kit_url()))
    cell["id"] = added_cell_id(ctx.notebook_name, INSTALL_TAG)
    cell.metadata["tags"] = [INSTALL_TAG]
    nb.cells.insert(at, cell)
    return nb


def install_source(url: str | None) -> str:
    """The cell's code: a no-op wherever kitlib can be imported."""
    head = [
        "# On Colab, or anywhere the kit is not installed yet, this installs it (about a",
        "# minute). Where the kit is installed, it does nothing.",
        "import importlib.util",
        "",
        f"if {GUARD}:",
    ]
    if url is None:
        body = [
            '    print("This lesson needs the kit\'s Python package, kitlib, which is not "',
            '          "installed here. Ask your teacher for the kit\'s address, then run: "',
            f'          "%pip install \\"{DISTRIBUTION} @ git+<the kit\'s address>\\"")',
        ]
    else:
        body = [f'    %pip install --quiet "{DISTRIBUTION} @ git+{url}"']
    return "\n".join(head + body)


def kit_url() -> str | None:
    """The kit's repository address, from pyproject.toml beside the package or its metadata."""
    return _url_from_pyproject() or _url_from_metadata()


def _url_from_pyproject() -> str | None:
    import tomllib
    from pathlib import Path

    import kitlib

    pyproject = Path(kitlib.__file__).resolve().parents[1] / "pyproject.toml"
    try:
        urls = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["urls"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return next((urls[key] for key in URL_KEYS if urls.get(key)), None)


def _url_from_metadata() -> str | None:
    from importlib import metadata

    try:
        entries = metadata.metadata(DISTRIBUTION).get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    urls = dict(entry.split(", ", 1) for entry in entries if ", " in entry)
    return next((urls[key] for key in URL_KEYS if urls.get(key)), None)
