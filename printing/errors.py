"""The printing layer's errors, in a module of their own: what catches them (the station's print
worker, its pages) need not load the renderers (reportlab, Pillow) to name them."""

from __future__ import annotations


class DocumentError(Exception):
    """A document that cannot be made; the message is for the person at the station."""


class FontNotFound(Exception):
    """No usable font with Chinese glyphs. The message says what was tried and how to fix it."""
