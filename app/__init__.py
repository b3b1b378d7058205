"""Packline: the warehouse station application (packing, picking, supervising)."""

__version__ = "0.1.0"
