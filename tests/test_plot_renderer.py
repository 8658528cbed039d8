"""kitlib.plots.show predicts plotly's default renderer without loading plotly.io's renderers
(they import nbformat and jsonschema), and the prediction is plotly's own decision."""

import os

import nbformat
import pytest
from nbclient import NotebookClient

from .conftest import ROOT

PROBE = """
import sys
from kitlib.plots.display import _predicted_default
predicted = _predicted_default()
import plotly.io as pio
print(predicted, "|", pio.renderers.default)
"""

SHOW = """
import sys
import kitlib
kitlib.plots.show(kitlib.plots.quotes_by_speaker(kitlib.load_article()))
print("nbformat loaded:", "nbformat" in sys.modules)
"""


def run_in_kernel(source: str, env: dict[str, str]) -> str:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    client = NotebookClient(nb, timeout=120, kernel_name="python3")
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)  # the kernel inherits this process's environment
    try:
        client.execute()
    finally:
        for key, value in saved.items():
            os.environ.pop(key) if value is None else os.environ.__setitem__(key, value)
    return "".join(o.get("text", "") for o in nb.cells[0].outputs if o.output_type == "stream")


@pytest.mark.slow
@pytest.mark.parametrize(
    "env",
    [{}, {"VSCODE_PID": "1"}, {"COLAB_NOTEBOOK_ID": "x"}, {"PLOTLY_RENDERER": "browser"}],
    ids=["jupyter", "vscode", "colab", "plotly-renderer"],
)
def test_the_prediction_is_plotlys_own_choice_in_a_kernel(env):
    predicted, actual = (p.strip() for p in run_in_kernel(PROBE, env).split("|"))
    assert predicted == actual


@pytest.mark.slow
def test_show_in_a_kernel_does_not_load_nbformat():
    assert "nbformat loaded: False" in run_in_kernel(SHOW, {"PYTHONPATH": str(ROOT)})
