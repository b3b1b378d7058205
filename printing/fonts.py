"""A font with Chinese glyphs that reportlab can embed, found once and reused.

Order of search: a path the station configured, fonts bundled in `resources/fonts`, then system
fonts by file name, then fontconfig (`fc-list :lang=zh`). reportlab embeds TrueType outlines only
(CFF-flavoured OpenType such as Noto Sans CJK is refused), so every candidate is loaded and checked
for the glyphs of a test phrase before it is used: a label never prints boxes instead of a name.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from printing.errors import FontNotFound

log = logging.getLogger(__name__)

BUNDLED_DIR = Path(__file__).resolve().parents[1] / "resources" / "fonts"
PROBE_TEXT = "顺丰速运收件人广东省深圳市南山区"
SYSTEM_NAMES = (
    "wqy-microhei.ttc",
    "wqy-zenhei.ttc",
    "DroidSansFallbackFull.ttf",
    "DroidSansFallback.ttf",
    "msyh.ttc",
    "msyh.ttf",
    "simhei.ttf",
    "simsun.ttc",
    "uming.ttc",
    "ukai.ttc",
    "NotoSansSC-Regular.ttf",
    "SourceHanSansSC-Regular.ttf",
)
SYSTEM_DIRS = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local/share/fonts",
    Path("C:/Windows/Fonts"),
    Path("/System/Library/Fonts"),
    Path("/Library/Fonts"),
)


@dataclass(frozen=True)
class CjkFont:
    name: str  # the name registered with reportlab
    path: Path
    subfont: int
    font: TTFont

    def covers(self, char: str) -> bool:
        return ord(char) in self.font.face.charToGlyph

    def clean(self, text: str) -> str:
        """The text with characters the font cannot draw (emoji, private use) removed.

        Control characters become spaces; a dropped character is logged so a support person can
        see why a name printed shorter than typed.
        """
        out = []
        dropped = []
        for char in text:
            if char in "\r\n\t" or unicodedata.category(char) == "Cc":
                out.append(" ")
            elif self.covers(char):
                out.append(char)
            elif unicodedata.category(char) not in ("Mn", "Cf"):  # joiners, variation selectors
                dropped.append(char)
        if dropped:
            log.info("no glyph for %r in %s: left out", "".join(dropped), self.path.name)
        return "".join(out)

    def width(self, text: str, size: float) -> float:
        """Width in points; the same sum of advance widths reportlab uses (no kerning)."""
        widths = self.font.face.charWidths
        default = self.font.face.defaultWidth
        return sum(widths.get(ord(ch), default) for ch in text) * size / 1000


_lock = threading.Lock()
_cache: dict[str | None, CjkFont] = {}


def cjk_font(configured: str | None = None) -> CjkFont:
    """The font to print Chinese with (cached per configured path). Raises FontNotFound."""
    with _lock:
        if configured in _cache:
            return _cache[configured]
        tried: list[str] = []
        if configured and not Path(configured).expanduser().is_file():
            log.warning("configured font %s does not exist: looking for another", configured)
        for path in _candidates(configured):
            font = _load(path, tried)
            if font is not None:
                log.info("printing with font %s", path)
                _cache[configured] = font
                return font
        raise FontNotFound(
            "No font with Chinese characters that can be embedded in a PDF was found. "
            "Install one (Debian: apt-get install fonts-wqy-microhei; Windows: Microsoft YaHei is "
            "built in) or set the font path in the printer settings. Tried: "
            + ("; ".join(tried) if tried else "nothing found")
        )


def _candidates(configured: str | None) -> list[Path]:
    paths: list[Path] = []
    if configured:
        paths.append(Path(configured).expanduser())
    if BUNDLED_DIR.is_dir():
        paths += sorted(p for p in BUNDLED_DIR.iterdir() if p.suffix.lower() in (".ttf", ".ttc"))
    for name in SYSTEM_NAMES:
        for directory in SYSTEM_DIRS:
            if directory.is_dir():
                direct = directory / name
                if direct.is_file():
                    paths.append(direct)
                else:
                    paths += list(directory.rglob(name))[:1]
    paths += _fontconfig()
    return list(dict.fromkeys(paths))  # each once, in the order found


def _fontconfig() -> list[Path]:
    if shutil.which("fc-list") is None:
        return []
    try:
        out = subprocess.run(
            ["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    files = {line.split(":")[0].strip() for line in out.splitlines() if line.strip()}
    return sorted(Path(f) for f in files if f.lower().endswith((".ttf", ".ttc")))


def _load(path: Path, tried: list[str]) -> CjkFont | None:
    if not path.is_file():
        tried.append(f"{path} (missing)")
        return None
    subfonts = 4 if path.suffix.lower() == ".ttc" else 1
    for index in range(subfonts):
        name = f"CJK-{path.stem}-{index}"
        try:
            font = TTFont(name, str(path), subfontIndex=index)
        except Exception as exc:  # reportlab raises TTFError and plain errors for odd fonts
            if index == 0:
                tried.append(f"{path} ({exc})")
            break
        if all(ord(ch) in font.face.charToGlyph for ch in PROBE_TEXT):
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(font)
            return CjkFont(name, path, index, font)
        tried.append(f"{path}#{index} (no Chinese glyphs)")
    return None
