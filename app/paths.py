"""Where things live: bundled resources, and the station's data directory."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "Packline"

# PyInstaller unpacks bundled data under sys._MEIPASS; a source or editable install keeps
# resources/ beside the packages.
_BASE = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[1]))
RESOURCES = _BASE / "resources"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path(data_dir: Path) -> Path:
    return data_dir / "packline.db"


def log_dir(data_dir: Path) -> Path:
    return data_dir / "logs"


def prints_dir(data_dir: Path) -> Path:
    """Where documents go while no printer is set up (and the folder printer's default)."""
    return data_dir / "prints"
