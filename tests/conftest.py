from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "ukraine-peace-plan"


@pytest.fixture(scope="session")
def art():
    import kitlib

    return kitlib.load_article()
