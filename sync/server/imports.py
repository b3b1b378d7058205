"""What an import file may be: an import document (JSON) or a CSV of orders or customers, in
UTF-8 or GBK/GB 18030 (as Excel on a Chinese Windows and shop platforms' exports save it)."""

from __future__ import annotations

import csv
import io
from typing import Any

from sync import protocol as p

ORDER_COLUMNS = {"order_no", "sku", "quantity"}
CUSTOMER_COLUMNS = {"code", "name"}


class BadImportFile(ValueError):
    """A file that cannot be imported at all (not JSON/CSV, unknown columns)."""


def import_text(name: str, content: bytes) -> str:
    csv_file = name.lower().endswith(".csv")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if csv_file:
        try:
            # GB 18030 is GBK's superset. UTF-8 is tried first: GBK text is almost never valid
            # UTF-8, while UTF-8 Chinese would decode as GB 18030 into the wrong characters.
            return content.decode("gb18030")
        except UnicodeDecodeError:
            pass
    raise BadImportFile(
        f"{name}: not UTF-8 text (byte {utf8_error.start}); save the file as UTF-8"
        + (" or GBK" if csv_file else "")
    )


def parse_csv(text: str) -> dict[str, Any]:
    """Orders CSV: one row per order line, order columns repeated (order_no, sku, quantity required;
    any OrderWire field as a column). Customers CSV: code and name required; tags `;`-separated."""
    reader = csv.DictReader(io.StringIO(text))
    columns = set(reader.fieldnames or [])
    rows = list(reader)
    if columns >= ORDER_COLUMNS:
        orders: dict[str, dict[str, Any]] = {}
        for row in rows:
            order = orders.setdefault(
                row["order_no"],
                {
                    key: value
                    for key, value in row.items()
                    if key in p.OrderWire.model_fields and key not in ("lines",) and value not in (None, "")
                },
            )
            order.setdefault("lines", []).append(
                {"line_no": len(order["lines"]) + 1, "sku": row["sku"], "quantity": row["quantity"]}
            )
        return {"orders": list(orders.values())}
    if columns >= CUSTOMER_COLUMNS:
        customers = []
        for row in rows:
            customer: dict[str, Any] = {
                k: v for k, v in row.items() if k in p.CustomerWire.model_fields and v
            }
            if "tags" in customer:
                customer["tags"] = [tag.strip() for tag in customer["tags"].split(";") if tag.strip()]
            customers.append(customer)
        return {"customers": customers}
    raise BadImportFile(
        f"CSV columns {sorted(columns)}: an orders file needs {sorted(ORDER_COLUMNS)}, "
        f"a customers file {sorted(CUSTOMER_COLUMNS)}"
    )
