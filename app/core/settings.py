"""Station settings, declared once: name, type, default. The store keeps the values.

Adding a setting is adding a line here; `SETTINGS_VERSION` and `upgrade` carry old stored
values forward when a meaning changes.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from app.core.print_plan import PrintChoices
from app.core.weight import WeightPolicy

SETTINGS_VERSION = 1


@dataclass(frozen=True, slots=True)
class StationSettings:
    station_name: str = "PACK-01"
    language: str = ""  # "" follows the system locale; "zh_CN" or "en"
    packaging_g: int = 60
    tolerance_g: int = 30
    tolerance_pct: float = 5.0
    sound: bool = True
    # Who may sign in and act with a badge scan alone. A badge is a printed Code 128 anyone can
    # copy: supervisors confirm sign-in and every supervisor action (F6, F7) with their PIN.
    supervisor_pin: bool = True
    packer_pin: bool = False  # packers: badge alone by default (they do nothing a supervisor must check)
    # Keyboard-wedge detection: a scan is a burst of at least `wedge_min_chars` keys, each
    # within `wedge_max_gap_ms` of the last; with no suffix it ends after that much quiet.
    wedge_min_chars: int = 4
    wedge_max_gap_ms: int = 40
    # What a keyboard-mode scanner is set up to send before and after each code (empty: none; the
    # usual Enter or Tab suffix needs no setting). After the prefix, keys are a scan whatever
    # their timing; both are removed from the code.
    wedge_prefix: str = ""
    wedge_suffix: str = ""
    # Serial devices: a path (/dev/ttyUSB0, COM3), a pyserial URL, or an identity "vid:pid[:serial]".
    # Empty: none (keyboard-wedge scanner, weight typed in).
    scanner_port: str = ""
    scanner_suffix: str = "cr"
    scanner_max_per_second: int = 30  # more is a stuck trigger or a loop: the excess is ignored
    scale_port: str = ""
    scale_protocol: str = "mt-sics"
    scale_baud: int = 0  # 0: the protocol's usual rate
    scale_seven_bit: bool = False  # a 7E1 scale on an 8N1-only adapter
    scale_poll_ms: int = 200
    # Printing. A printer is a URI: cups:QUEUE, tcp://HOST:9100, folder:/PATH (empty: PDFs are
    # saved in the data folder's "prints" directory, so nothing is lost before a printer is set up).
    label_printer: str = ""
    label_format: str = "pdf"  # pdf zpl tspl
    label_size: str = "100x180"  # 100x180, 100x150 (SF), 100x113 (JD), 76x130 (mm) or 4x6 (in)
    label_dpi: int = 203
    label_cjk: str = "bitmap"  # thermal printers: Chinese as "bitmap" or a resident "font"
    label_font: str = ""  # the resident font's name on the printer (cjk == "font")
    # The platforms' print components this bench prints their waybills through, comma-separated
    # (cainiao:, pdd://127.0.0.1:5000/KM-118); a platform not named: its component at its usual
    # address with its default printer. A platform's waybill never prints on the label printer.
    component_printers: str = ""
    insert_printer: str = ""
    insert_format: str = "pdf"
    slip_printer: str = ""
    print_inserts: bool = True
    print_slip: bool = False
    # 贴单复核: after the label prints, the packer scans the waybill on the parcel; another waybill
    # (two labels swapped on a busy bench) stops the parcel, and the next order waits for the check.
    label_check: bool = False
    # First expired, first out: a traced unit whose SKU has an older lot in stock (the office's
    # lots) is "off" not checked, "warn" counted and said, "block" refused (app.core.trace.Fefo).
    fefo: str = "off"
    # 称重出库: at the dock every parcel goes on the scale before it is handed over; a weight off
    # its packed weight by more than the tolerance above stops it (opened or swapped since).
    dock_weigh: bool = False
    # The bench camera (packing video evidence): an RTSP address, e.g. a Hikvision's
    # rtsp://user:pass@192.168.1.64:554/Streaming/Channels/101; empty: no camera. Each pack's clip
    # starts this many seconds before its first scan and ends this many after the pack.
    camera_url: str = ""
    camera_pre_s: int = 3
    camera_post_s: int = 2
    # How long the clips are kept (days; 0: for ever) and the most they may take (GB; 0: no cap): the
    # oldest go first. Clips of orders that came back are always kept; every clip's record and hashes
    # stay.
    camera_keep_days: int = 90
    camera_max_gb: int = 0
    # A NAS share mounted on the station (another file system than the clips'): each clip is copied
    # there and checked by its hash; once it is set, retention deletes only clips confirmed there.
    camera_archive_dir: str = ""
    print_font_path: str = ""  # a TrueType font with Chinese glyphs; empty: found on the system
    template_dir: str = ""  # a folder of adjusted templates; they win over the built-in ones by name
    # The central server. Empty: this station works alone (demo data when the database is empty).
    server_url: str = ""
    server_ca_bundle: str = ""  # a PEM file with a private CA; TLS is always verified
    sync_interval_s: int = 30
    sync_page_size: int = 2000  # changes per pull request; lower on a poor link
    # Waybill numbers per carrier the server sets aside here for split shipments (topped up when
    # half are used); 0 on handhelds and desks, which print no labels.
    waybill_reserve: int = 20
    # The returns desk's reasons, in the order offered (codes, comma-separated); empty: the twelve
    # of app.core.returns.RETURN_REASONS. A code of the shop's own is shown as it is written.
    return_reasons: str = ""
    # Pick paths: how bin locations read (a regex with the groups zone, aisle, bay and optionally
    # level); empty: the demo warehouse's A-03-07-2 (app.core.pickpath.DEFAULT_PATTERN).
    location_pattern: str = ""
    # The sender block of shipping labels.
    sender_name: str = "Packline 示范仓"
    sender_phone: str = "4008001234"
    sender_address: str = "浙江省杭州市余杭区仓前街道文一西路1888号3号仓"

    def component_for(self, platform: str) -> str:
        """The address of the print component that prints `platform`'s waybills here."""
        for address in self.component_printers.split(","):
            if address.strip().partition(":")[0].lower() == platform:
                return address.strip()
        return f"{platform}:"

    @property
    def print_choices(self) -> PrintChoices:
        return PrintChoices(slip=self.print_slip, inserts=self.print_inserts)

    @property
    def weight_policy(self) -> WeightPolicy:
        return WeightPolicy(
            packaging_g=self.packaging_g, tolerance_g=self.tolerance_g, tolerance_pct=self.tolerance_pct
        )


# What any signed-in person may change for themselves; everything else protects the parcel (the
# weight check, the PIN rules, the devices, the printers, the station's identity) and needs a
# supervisor's badge and PIN.
OWN_VIEW = frozenset({"language", "sound"})


@dataclass(frozen=True, slots=True)
class Change:
    setting: str
    old: Any
    new: Any


def public_value(setting: str, value: Any) -> Any:
    """A setting's value as it may be logged and told to the server: a camera's address without
    its user name and password."""
    if setting == "camera_url" and isinstance(value, str) and "@" in value:
        scheme, sep, rest = value.partition("://")
        return scheme + sep + "***@" + rest.split("@")[-1] if sep else "***@" + value.split("@")[-1]
    return value


def changes(old: StationSettings, new: StationSettings) -> tuple[Change, ...]:
    """Every setting that differs, with its old and new value, in declaration order."""
    return tuple(
        Change(f.name, getattr(old, f.name), getattr(new, f.name))
        for f in fields(StationSettings)
        if getattr(old, f.name) != getattr(new, f.name)
    )


def needs_supervisor(old: StationSettings, new: StationSettings) -> tuple[str, ...]:
    """The changed settings a packer may not change alone."""
    return tuple(change.setting for change in changes(old, new) if change.setting not in OWN_VIEW)


def from_stored(values: dict[str, Any]) -> tuple[StationSettings, list[str]]:
    """Build settings from stored values; values of the wrong type fall back to the default.

    Returns the settings and the names that were ignored, so the caller can log them.
    """
    values = upgrade(dict(values))
    defaults = StationSettings()
    accepted: dict[str, Any] = {}
    ignored: list[str] = []
    for f in fields(StationSettings):
        if f.name not in values:
            continue
        value, default = values[f.name], getattr(defaults, f.name)
        if isinstance(default, bool):
            ok = isinstance(value, bool)
        elif isinstance(default, float):
            ok = isinstance(value, int | float) and not isinstance(value, bool)
            value = float(value) if ok else value
        elif isinstance(default, int):
            ok = isinstance(value, int) and not isinstance(value, bool)
        else:
            ok = isinstance(value, type(default))
        if ok:
            accepted[f.name] = value
        else:
            ignored.append(f.name)
    settings = replace(defaults, **accepted)
    try:
        settings.weight_policy  # noqa: B018 - validates the numbers
    except ValueError:
        ignored += ["packaging_g", "tolerance_g", "tolerance_pct"]
        settings = replace(
            settings,
            packaging_g=defaults.packaging_g,
            tolerance_g=defaults.tolerance_g,
            tolerance_pct=defaults.tolerance_pct,
        )
    return settings, ignored


def upgrade(values: dict[str, Any]) -> dict[str, Any]:
    """Carry settings stored by older versions forward (none yet beyond version 1)."""
    values.setdefault("settings_version", SETTINGS_VERSION)
    return values


def to_stored(settings: StationSettings) -> dict[str, Any]:
    stored: dict[str, Any] = {f.name: getattr(settings, f.name) for f in fields(StationSettings)}
    stored["settings_version"] = SETTINGS_VERSION
    return stored
