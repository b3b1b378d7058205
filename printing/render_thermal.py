"""Laid-out pages to ZPL II (Zebra) and TSPL (TSC, Gprinter and many Chinese label printers).

Barcodes and QR codes are the printers' own symbologies (the printer encodes them, so they stay
sharp at its resolution). Chinese text goes out either as a printer-resident font (fast, needs the
font on the printer) or as a bitmap drawn with our font (works on any printer): per printer.
"""

from __future__ import annotations

from dataclasses import dataclass

from printing.fonts import CjkFont
from printing.layout import PT_PER_MM, Barcode, Fill, Frame, InverseText, Page, Picture, Qr, Rule, TextLine
from printing.model import ThermalProfile
from printing.raster import Bitmap, picture_bitmap, text_bitmap
from printing.symbols import QUIET_MODULES, check_code128, check_gs1, code128_modules, code128_value

ZPL_DEFAULT_FONT = "E:SIMSUN.TTF"
TSPL_DEFAULT_FONT = "TSS24.BF2"  # TSC's built-in Simplified Chinese bitmap font, GB2312


DEFAULT_PROFILE = ThermalProfile()


def _needs_font(text: str) -> bool:
    return not text.isascii()


def _text(item: TextLine | InverseText, profile: ThermalProfile) -> tuple[TextLine, bool, int, bool]:
    """A text item as both languages draw it: the line, white on black or not, its height in dots,
    and whether the printer's own font draws it (else it goes as a bitmap)."""
    line = item.line if isinstance(item, InverseText) else item
    in_font = profile.cjk == "font" or not _needs_font(line.text)
    return line, isinstance(item, InverseText), profile.pt_dots(line.size), in_font


# --- ZPL --------------------------------------------------------------------------------------


def render_zpl(pages: list[Page], font: CjkFont, profile: ThermalProfile = DEFAULT_PROFILE) -> bytes:
    return b"".join(_zpl_page(page, font, profile) for page in pages)


def _zpl_page(page: Page, font: CjkFont, profile: ThermalProfile) -> bytes:
    d = profile.dots
    out = ["^XA", "^CI28", f"^PW{d(page.width_mm)}", f"^LL{d(page.height_mm)}", "^LH0,0"]
    if profile.darkness is not None:
        out.append(f"~SD{profile.darkness:02d}")
    resident = profile.font_name or ZPL_DEFAULT_FONT
    for item in page.items:
        match item:
            case TextLine() | InverseText():
                line, white, h, in_font = _text(item, profile)
                if in_font:
                    name = resident if _needs_font(line.text) else "0"
                    font_cmd = f"^A@N,{h},{h},{resident}" if name == resident else f"^A0N,{h},{h}"
                    reverse = "^FR" if white else ""
                    out.append(
                        f"^FO{d(line.x)},{d(line.y)}{font_cmd}{reverse}^FH^FD{_zpl_escape(line.text)}^FS"
                    )
                else:
                    # ZPL only ever adds black dots; white on black is black text reversed (^FR)
                    # over the filled box beneath it.
                    bitmap = text_bitmap(line.text, font, h, line.bold)
                    reverse = "^FR" if white else ""
                    out.append(f"^FO{d(line.x)},{d(line.y)}{reverse}{_zpl_graphic(bitmap)}^FS")
            case Fill():
                t = min(d(item.w), d(item.h))
                out.append(f"^FO{d(item.x)},{d(item.y)}^GB{d(item.w)},{d(item.h)},{max(1, t)},B^FS")
            case Frame():
                t = max(1, d(item.width))
                out.append(f"^FO{d(item.x)},{d(item.y)}^GB{d(item.w)},{d(item.h)},{t},B^FS")
            case Rule():
                t = max(1, d(item.width))
                out.append(f"^FO{d(item.x)},{d(item.y)}^GB{max(t, d(item.w))},{max(t, d(item.h))},{t},B^FS")
            case Barcode():
                out.append(_zpl_barcode(item, profile))
            case Qr():
                mag = max(1, min(10, d(item.size) // 33))  # ~29 modules + quiet zone at version 3
                out.append(f"^FO{d(item.x)},{d(item.y)}^BQN,2,{mag}^FH^FDQA,{_zpl_escape(item.value)}^FS")
            case Picture():
                bitmap = picture_bitmap(item.path, d(item.w), d(item.h))
                out.append(f"^FO{d(item.x)},{d(item.y)}{_zpl_graphic(bitmap)}^FS")
    out.append("^PQ1")
    out.append("^XZ")
    return ("\n".join(out) + "\n").encode("utf-8")


def _zpl_escape(text: str) -> str:
    """With ^FH a field carries ZPL's command characters as _hh escapes."""
    return "".join(f"_{ord(ch):02X}" if ch in "^~_" else ch for ch in text)


def _zpl_graphic(bitmap: Bitmap) -> str:
    total = bitmap.row_bytes * bitmap.height
    return f"^GFA,{total},{total},{bitmap.row_bytes},{bitmap.rows.hex().upper()}"


def _zpl_barcode(item: Barcode, profile: ThermalProfile) -> str:
    fit = _fit_barcode(item, profile)
    interpretation = "Y" if item.human else "N"
    if item.symbology == "gs1-128":  # start C, then FNC1
        data, mode = ">;>8" + fit.data, ""
    else:
        data, mode = fit.data, ",A"
    return (
        f"^FO{fit.x},{fit.y}^BY{fit.module},3,{fit.height}"
        f"^BCN,{fit.height},{interpretation},N,N{mode}^FD{data}^FS"
    )


@dataclass(frozen=True)
class _BarcodeFit:
    data: str  # what the printer encodes (GS1: the digits; the printer adds FNC1)
    module: int  # narrow bar width in dots
    x: int
    y: int
    height: int


def _fit_barcode(item: Barcode, profile: ThermalProfile) -> _BarcodeFit:
    """The widest whole-dot module that fits the box, the symbol centred with its quiet zones."""
    d = profile.dots
    data = check_gs1(item.value) if item.symbology == "gs1-128" else check_code128(item.value)
    modules = code128_modules(code128_value(item.value, item.symbology)) + 2 * QUIET_MODULES
    module = max(1, min(6, d(item.w) // modules))
    x = d(item.x) + max(0, (d(item.w) - module * modules) // 2) + QUIET_MODULES * module
    height = max(20, d(item.h) - (d(3.5) if item.human else 0))
    return _BarcodeFit(data, module, x, d(item.y), height)


# --- TSPL -------------------------------------------------------------------------------------


def render_tspl(pages: list[Page], font: CjkFont, profile: ThermalProfile = DEFAULT_PROFILE) -> bytes:
    return b"".join(_tspl_page(page, font, profile) for page in pages)


def _tspl_quote(text: str) -> str:
    return text.replace('"', '\\["]')


def _tspl_page(page: Page, font: CjkFont, profile: ThermalProfile) -> bytes:
    d = profile.dots
    out: list[bytes] = []

    def cmd(line: str) -> None:
        # GB18030 is what the printers' Chinese fonts read; it is ASCII for everything else.
        out.append(line.encode("gb18030", errors="replace") + b"\r\n")

    cmd(f"SIZE {page.width_mm:g} mm,{page.height_mm:g} mm")
    cmd(f"GAP {profile.gap_mm:g} mm,0 mm")
    cmd("DIRECTION 1,0")
    cmd("REFERENCE 0,0")
    if profile.darkness is not None:
        cmd(f"DENSITY {profile.darkness}")
    cmd("CLS")
    resident = profile.font_name or TSPL_DEFAULT_FONT
    for item in page.items:
        match item:
            case TextLine() | InverseText():
                line, white, h, in_font = _text(item, profile)
                if in_font:
                    name = resident if _needs_font(line.text) else "3"
                    base = 24 if name == resident else 16
                    mult = max(1, round(h / base))
                    cmd(f'TEXT {d(line.x)},{d(line.y)},"{name}",0,{mult},{mult},"{_tspl_quote(line.text)}"')
                    if white:
                        width = d(font.width(line.text, line.size) / PT_PER_MM)
                        cmd(f"REVERSE {d(line.x)},{d(line.y)},{max(1, width)},{h}")
                else:
                    bitmap = text_bitmap(line.text, font, h, line.bold, white)
                    out.append(_tspl_bitmap(d(line.x), d(line.y), bitmap))
            case Fill():
                cmd(f"BAR {d(item.x)},{d(item.y)},{max(1, d(item.w))},{max(1, d(item.h))}")
            case Frame():
                t = max(1, d(item.width))
                cmd(f"BOX {d(item.x)},{d(item.y)},{d(item.x + item.w)},{d(item.y + item.h)},{t}")
            case Rule():
                t = max(1, d(item.width))
                cmd(f"BAR {d(item.x)},{d(item.y)},{max(t, d(item.w))},{max(t, d(item.h))}")
            case Barcode():
                fit = _fit_barcode(item, profile)
                kind = "EAN128" if item.symbology == "gs1-128" else "128"
                human, n, data = 2 if item.human else 0, fit.module, _tspl_quote(fit.data)
                cmd(f'BARCODE {fit.x},{fit.y},"{kind}",{fit.height},{human},0,{n},{n},"{data}"')
            case Qr():
                cell = max(1, min(10, d(item.size) // 33))
                cmd(f'QRCODE {d(item.x)},{d(item.y)},M,{cell},A,0,"{_tspl_quote(item.value)}"')
            case Picture():
                bitmap = picture_bitmap(item.path, d(item.w), d(item.h))
                out.append(_tspl_bitmap(d(item.x), d(item.y), bitmap))
    cmd("PRINT 1,1")
    return b"".join(out)


def _tspl_bitmap(x: int, y: int, bitmap: Bitmap) -> bytes:
    # TSPL's BITMAP takes 0 for a printed dot, the reverse of ZPL's ^GF.
    data = bytes(b ^ 0xFF for b in bitmap.rows)
    return f"BITMAP {x},{y},{bitmap.row_bytes},{bitmap.height},0,".encode("ascii") + data + b"\r\n"
