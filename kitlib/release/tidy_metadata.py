"""Step: keep only the notebook metadata that does not depend on the machine or the editor.

Executing a notebook records the Python version in ``language_info``; editors add their own
cell state. Both would make files differ between machines for no reader's benefit.

One exception, for notebooks made on the machine that opens them (the learners' door,
``kitlib lab``): JupyterLab writes the kernel's full ``language_info`` into a notebook as soon
as its kernel starts, and a notebook whose stored value differs shows as modified (the
"unsaved" dot) before the learner has done anything. ``match_local_kernel`` stores exactly what
this machine's kernel will report, so a freshly opened copy stays clean.
"""

from __future__ import annotations

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
EDITOR_KEYS = ("collapsed", "scrolled", "jupyter", "ExecuteTime", "execution", "vscode")


def tidy_metadata(nb, ctx):
    kept = {key: nb.metadata[key] for key in ("widgets",) if key in nb.metadata}
    nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"}, **kept}
    for cell in nb.cells:
        for key in EDITOR_KEYS:
            cell.metadata.pop(key, None)
    return nb


def local_language_info() -> dict | None:
    """What ipykernel in this environment reports as ``language_info`` (None without it)."""
    try:
        from ipykernel.ipkernel import IPythonKernel
    except ImportError:
        return None
    return dict(IPythonKernel.language_info)


def match_local_kernel(nb, ctx=None):
    """Store this machine's kernel ``language_info``: not for files shared across machines."""
    info = local_language_info()
    if info is not None:
        nb.metadata["language_info"] = info
    return nb
