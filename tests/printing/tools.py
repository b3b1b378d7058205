"""Real tools check what was printed: pdftoppm renders, zbarimg decodes, pdffonts lists fonts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

TOOLS = {
    "pdftoppm": "poppler-utils",
    "pdffonts": "poppler-utils",
    "pdftotext": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "zbarimg": "zbar-tools",
}


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} is missing: apt-get install {TOOLS.get(tool, tool)} (.ci/run does)")
    return path


def pdf_to_png(pdf: bytes, tmp_path: Path, dpi: int = 300, name: str = "doc") -> list[Path]:
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run([need("pdftoppm"), "-r", str(dpi), "-png", str(source), str(tmp_path / name)], check=True)
    return sorted(tmp_path.glob(f"{name}*.png"))


def decode(png: Path) -> list[str]:
    """Every barcode zbarimg finds, as 'TYPE:data' (zbar reports equal symbols once)."""
    done = subprocess.run([need("zbarimg"), "-q", str(png)], capture_output=True, text=True, check=False)
    return done.stdout.split("\n")[:-1] if done.stdout else []


def pdf_fonts(pdf: bytes, tmp_path: Path) -> str:
    source = tmp_path / "fonts.pdf"
    source.write_bytes(pdf)
    return subprocess.run([need("pdffonts"), str(source)], capture_output=True, text=True, check=True).stdout


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    source = tmp_path / "text.pdf"
    source.write_bytes(pdf)
    done = subprocess.run(
        [need("pdftotext"), "-layout", str(source), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def pdf_words(pdf: bytes, tmp_path: Path) -> list[tuple[float, str]]:
    """(height in points, word) of every word on the pages, by pdftotext's bounding boxes."""
    import html
    import re

    source = tmp_path / "words.pdf"
    source.write_bytes(pdf)
    done = subprocess.run(
        [need("pdftotext"), "-bbox", str(source), "-"], capture_output=True, text=True, check=True
    )
    boxes = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>', done.stdout
    )
    return [(float(y_max) - float(y_min), html.unescape(word)) for _x, y_min, y_max, word in boxes]
