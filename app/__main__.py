"""`python -m app` runs the station like the `packline` command."""

import sys

from app.cli import main

sys.exit(main())
