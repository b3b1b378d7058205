"""Printing benchmarks: one label in each format, and a 500-label wave as one PDF."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import UTC, datetime

from printing.documents import RenderOptions, render
from printing.model import LabelData, Party
from printing.render_thermal import ThermalProfile
from tests.benchmarks.timing import percentile

SENDER = Party("Packline 旗舰店", "4008001234", "浙江省杭州市余杭区仓前街道文一西路1888号3号仓")


def label(n: int) -> LabelData:
    receiver = Party(
        f"欧阳娜娜{n}",
        f"138{n:08d}",
        f"广东省深圳市南山区粤海街道科技园南区深南大道{n}号腾讯滨海大厦B座{n % 30}楼",
    )
    return LabelData(
        order_no=f"TB20261122{n:06d}",
        carrier="SF",
        carrier_name="",
        waybill_no=f"SF{1_000_000_000_000 + n}",
        sort_code="粤-深圳 南山区",
        receiver=receiver,
        sender=SENDER,
        items="保湿精华水 150ml ×2；氨基酸洁面泡沫 ×1；补水面膜 10片装 ×3",
        item_count=6,
        weight_g=1250 + n % 300,
        note="请放快递柜，勿电话",
        channel="taobao",
        printed_at=datetime.now(UTC),
    )


def bench_label(fmt: str, options: RenderOptions | None = None, runs: int = 300) -> tuple[float, float]:
    options = options or RenderOptions()
    render(label(0), fmt, options)  # font loading and template parsing happen once per process
    times = []
    for n in range(1, runs + 1):
        start = time.perf_counter()
        render(label(n), fmt, options)
        times.append((time.perf_counter() - start) * 1000)
    return percentile(times, 50), percentile(times, 99)


def bench_wave(count: int = 500) -> tuple[float, float, int]:
    """Seconds and peak MB of a child process that renders `count` labels into one PDF."""
    code = (
        "import time, resource\n"
        "from tests.benchmarks.printing import label\n"
        "from printing.documents import render_many\n"
        "start = time.perf_counter()\n"
        f"pdf = render_many([label(n) for n in range({count})], 'pdf')\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "print(time.perf_counter() - start, peak, len(pdf))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1]), int(out[2])


__all__ = ["RenderOptions", "ThermalProfile", "bench_label", "bench_wave", "label"]
