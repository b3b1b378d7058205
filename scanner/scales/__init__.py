"""Scale protocols: one small class per protocol, registered by name.

Importing this package registers every protocol module below; `PROTOCOLS` maps names to classes.
"""

from scanner.scales import adam, cas, mtsics, nci, toledo, xk3190  # noqa: F401 - registration
from scanner.scales.base import PROTOCOLS, LineSettings, ScaleProtocol, create

__all__ = ["PROTOCOLS", "LineSettings", "ScaleProtocol", "create"]
