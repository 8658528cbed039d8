"""Step (HTML copy only): give every plotly figure an offline HTML rendering.

In a kernel plotly stores only its JSON bundle, which nbconvert's HTML does not draw. Each
figure gets a ``text/html`` rendering made by plotly itself, with plotly.js embedded once per
file (in the first figure), so a TA can read the plots offline. No CDN.
"""

from __future__ import annotations

PLOTLY_JSON = "application/vnd.plotly.v1+json"


def render_plotly_static(nb, ctx):
    import plotly.io as pio

    count = 0
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            figure = output.get("data", {}).get(PLOTLY_JSON)
            if figure is None:
                continue
            output["data"]["text/html"] = pio.to_html(
                dict(figure),
                include_plotlyjs=count == 0,
                full_html=False,
                div_id=f"{ctx.notebook_name[:40]}-figure-{count}",
                validate=False,
            )
            count += 1
    return nb
