"""The printing layer's errors, in a module of their own: what catches them (the station's print
worker, its pages) need not load the renderers (reportlab, Pillow) to name them."""

from __future__ import annotations


class DocumentError(Exception):
    """A document that cannot be made; the message is for the person at the station."""


class FontNotFound(Exception):
    """No usable font with Chinese glyphs. The message says what was tried and how to fix it."""


class PrintError(Exception):
    """`message` in the technician's words; `cause` a code the station says in the person's
    language: offline (cannot be reached; nothing was sent), cut_off (broke mid-job), refused,
    no_system (no print system), address (the printer's address is wrong), folder, setup,
    component (a platform's print component is not running; nothing was sent)."""

    def __init__(
        self, message: str, retryable: bool = True, maybe_printed: bool = False, cause: str = ""
    ) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.maybe_printed = maybe_printed
        self.cause = cause or ("cut_off" if maybe_printed else "offline" if retryable else "setup")
