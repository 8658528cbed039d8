"""``python -m kitlib release``: the same as the ``kitlib`` console script."""

import sys

from kitlib.cli import main

sys.exit(main())
