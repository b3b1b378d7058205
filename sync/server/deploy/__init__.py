"""How the central server is deployed: nginx in front of its processes (`packline-server nginx-config`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sync import protocol as p
from sync.server import limits

TEMPLATE = Path(__file__).with_name("nginx.conf")


@dataclass(frozen=True)
class NginxSite:
    upstreams: tuple[str, ...]  # host:port of each server process
    certificate: str
    certificate_key: str
    listen: str = "443"
    server_name: str = "_"
    per_address: int = 1000  # connections one address holds at once
    header_timeout_s: int = int(limits.HEADER_TIMEOUT_S)
    body_timeout_s: int = int(limits.BODY_GRACE_S)


def nginx_config(site: NginxSite) -> str:
    """The conf.d file for `site`: nginx in front of the server processes, with their limits."""
    if not site.upstreams:
        raise ValueError("name at least one server process (--upstream HOST:PORT)")
    for value in (*site.upstreams, site.certificate, site.certificate_key, site.listen, site.server_name):
        if not value or any(c in value for c in ";{}\n\r\t ") or "$" in value:
            raise ValueError(f"{value!r} cannot go into an nginx configuration as it is")
    upstreams = "\n".join(f"    server {u} max_fails=3 fail_timeout=5s;" for u in site.upstreams)
    values = {
        "UPSTREAMS": upstreams,
        "LISTEN": site.listen,
        "SERVER_NAME": site.server_name,
        "CERTIFICATE": site.certificate,
        "CERTIFICATE_KEY": site.certificate_key,
        "PER_ADDRESS": str(site.per_address),
        "HEADER_TIMEOUT_S": f"{site.header_timeout_s}s",
        "BODY_TIMEOUT_S": f"{site.body_timeout_s}s",
        "WAIT_TIMEOUT_S": f"{int(p.WAIT_MAX_S) + 15}s",
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for name in sorted(values, key=len, reverse=True):  # UPSTREAMS before a shorter name in it
        text = text.replace(f"$${name}", values[name])
    if "$$" in text:
        unfilled = text[text.index("$$") :][:40]
        raise ValueError(f"the template names a value nginx_config does not fill: {unfilled}")
    return text
