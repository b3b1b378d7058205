"""`python -m app` runs the station like the `packline` command (and is the packaged app's entry)."""

import multiprocessing
import sys

from app.cli import main

if __name__ == "__main__":
    # A long pull parses its pages in a spawned process; in the packaged app that process is this
    # executable again, which must then run the child's work, not the station.
    multiprocessing.freeze_support()
    sys.exit(main())
