"""``python -m claimtrack``: the same commands as the ``claimtrack`` console script."""

from claimtrack.cli import main

raise SystemExit(main())
