"""Colours and type sizes for a screen read from two metres, in a bright hall, with gloves."""

from __future__ import annotations

from app.core.pack_session import Severity

FONT_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "Noto Sans"]

BANNER_COLOURS = {
    # background, text
    Severity.OK: ("#1b8a3a", "#ffffff"),
    Severity.DONE: ("#0b6bcb", "#ffffff"),
    Severity.INFO: ("#37474f", "#ffffff"),
    Severity.PROMPT: ("#f0a500", "#111111"),
    Severity.ERROR: ("#c62828", "#ffffff"),
}
IDLE_COLOURS = ("#eceff1", "#263238")
LATE_COLOUR = "#c62828"  # a ship-by already past, in a list or on the bench

# Pages worked at arm's length with a keyboard (the supervisor desk, settings, rules): the bench's
# big fields and buttons, made for two metres and gloves, would leave no room for the lists.
DESK_STYLE = """
QLineEdit, QComboBox, QSpinBox, QDoubleSpinBox { font-size: 16px; min-height: 30px; padding: 2px 6px; }
QPushButton { font-size: 16px; min-height: 36px; padding: 4px 12px; }
QTableView { font-size: 16px; }
QHeaderView::section { font-size: 15px; padding: 3px; }
"""

STYLESHEET = """
QWidget { font-size: 18px; }
QLabel#banner { font-size: 40px; font-weight: 700; padding: 18px; }
QLabel#orderNo { font-size: 34px; font-weight: 700; }
QLabel#headline { font-size: 22px; }
QLabel#customerName { font-size: 28px; font-weight: 700; }
QLabel#tier { font-size: 20px; font-weight: 700; padding: 2px 10px; border-radius: 8px;
              background: #6a1b9a; color: white; }
QLabel#tags, QLabel#prefs { font-size: 20px; }
QLabel#notes { font-size: 20px; background: #fff8e1; padding: 8px; border-radius: 6px; }
QLabel#weightBig { font-size: 44px; font-weight: 700; }
QLabel#prompt { font-size: 28px; background: #fff3cd; padding: 12px; border-radius: 8px; }
QLabel#keys { font-size: 18px; color: #37474f; }
QLabel#title { font-size: 44px; font-weight: 700; }
QLabel#error { font-size: 24px; color: #c62828; font-weight: 700; }
QTableWidget { font-size: 24px; }
QHeaderView::section { font-size: 18px; padding: 6px; }
QLineEdit { font-size: 26px; padding: 8px; min-height: 48px; }
QPushButton { font-size: 22px; min-height: 56px; padding: 6px 18px; }
QLabel#scans { font-size: 18px; background: white; padding: 6px; border: 1px solid #cfd8dc; }
"""
