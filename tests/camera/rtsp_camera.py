"""A camera on loopback for tests: GStreamer's RTSP server serving live H.264 whose frames carry
their own number as 16 black or white squares (a clock burnt into the picture that survives the
encoder), and a log of when each frame was made.

Run with Debian's python3 (python3-gi, gir1.2-gst-rtsp-server-1.0): `python3 rtsp_camera.py PORT
LOG` prints "READY rtsp://127.0.0.1:PORT/cam" when it serves; LOG gets "frame wall_time" lines.
`python3 rtsp_camera.py PORT LOG 1920x1080@25`: a camera's full picture instead (GStreamer's moving
test pattern, as a 1080p bench camera's bit rate), for the benchmarks.
"""

import sys
import time

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

WIDTH, HEIGHT, FPS, BITS, SQUARE = 320, 240, 15, 16, 20
PAY = "rtph264pay name=pay0 pt=96 config-interval=1 )"


def frame(n: int) -> bytes:
    """A grey picture with the frame number in 16 squares along the top (white = 1)."""
    rows = bytearray(b"\x80" * (WIDTH * HEIGHT))
    for bit in range(BITS):
        value = 255 if (n >> bit) & 1 else 0
        for y in range(SQUARE):
            start = y * WIDTH + bit * SQUARE
            rows[start : start + SQUARE] = bytes([value]) * SQUARE
    return bytes(rows)


class Camera:
    def __init__(self, port: int, log_path: str, full: str = "") -> None:
        self.log = open(log_path, "a", buffering=1)  # noqa: SIM115 (open while the camera serves)
        self.count = 0
        self.server = GstRtspServer.RTSPServer()
        self.server.set_service(str(port))
        factory = GstRtspServer.RTSPMediaFactory()
        if full:
            size, fps = full.split("@")
            width, height = size.split("x")
            factory.set_launch(
                f"( videotestsrc is-live=true pattern=ball ! video/x-raw,width={width},height={height},"
                f"framerate={fps}/1 ! x264enc tune=zerolatency speed-preset=ultrafast key-int-max={fps} "
                f"bitrate=4000 ! video/x-h264,profile=baseline ! {PAY}"
            )
        else:
            factory.set_launch(
                f"( appsrc name=src is-live=true do-timestamp=true format=time "
                f"caps=video/x-raw,format=GRAY8,width={WIDTH},height={HEIGHT},framerate={FPS}/1 "
                f"! videoconvert ! x264enc tune=zerolatency speed-preset=ultrafast key-int-max={FPS} "
                f"bitrate=800 ! video/x-h264,profile=baseline ! {PAY}"
            )
            factory.connect("media-configure", self._configure)
        factory.set_shared(True)
        self.server.get_mount_points().add_factory("/cam", factory)
        self.server.attach(None)

    def _configure(self, _factory, media) -> None:
        source = media.get_element().get_child_by_name("src")
        GLib.timeout_add(1000 // FPS, self._push, source)

    def _push(self, source) -> bool:
        buffer = Gst.Buffer.new_wrapped(frame(self.count))
        buffer.duration = Gst.SECOND // FPS
        if source.emit("push-buffer", buffer) != Gst.FlowReturn.OK:
            return False
        self.log.write(f"{self.count} {time.time():.6f}\n")
        self.count += 1
        return True


def main() -> None:
    Gst.init(None)
    port, log_path = int(sys.argv[1]), sys.argv[2]
    Camera(port, log_path, sys.argv[3] if len(sys.argv) > 3 else "")
    print(f"READY rtsp://127.0.0.1:{port}/cam", flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
