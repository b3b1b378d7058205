#!/usr/bin/env bash
# The Debian packages Packline needs, installed if missing. Called by the README's two set-up
# commands and by .ci/run:
#   bash resources/setup/debian.sh app     the station: Qt's runtime libraries, Chinese fonts, audio
#   bash resources/setup/debian.sh test    the same, plus what the tests drive for real: CUPS with a
#                                          PDF queue, poppler, zbar, PostgreSQL, nginx, binutils
#                                          (PyInstaller), a GStreamer RTSP camera
# As root it runs apt-get; otherwise sudo (asked for once). Nothing is installed that is there.
set -euo pipefail
what="${1:-app}"
app_packages=(
  python3-venv
  # Qt 6 on X11/Wayland and offscreen: EGL/GL, xkbcommon, fontconfig, D-Bus, GLib, the xcb libraries
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
  # Chinese on screen (Noto CJK) and in PDFs (WenQuanYi Micro Hei: TrueType, which reportlab embeds)
  fonts-noto-cjk fonts-wqy-microhei
  # QtMultimedia's sounds
  libpulse0
)
test_packages=(
  cups cups-bsd cups-client printer-driver-cups-pdf poppler-utils zbar-tools postgresql
  binutils
  # the production set-up's front: nginx before the server's processes (TLS, limits, timeouts)
  nginx
  # a real X server and a keyboard that types at scanner speed (the wedge test)
  xvfb xdotool
  # a bench camera on loopback: GStreamer's RTSP server serving live H.264 (tests/camera)
  python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-plugins-ugly gstreamer1.0-plugins-bad
)
case "$what" in
  app) wanted=("${app_packages[@]}") ;;
  test) wanted=("${app_packages[@]}" "${test_packages[@]}") ;;
  *) echo "usage: $0 app|test" >&2; exit 2 ;;
esac
if ! command -v apt-get >/dev/null 2>&1; then
  echo "packline set-up: not a Debian system (no apt-get); install the equivalents of: ${wanted[*]}" >&2
  exit 0
fi
missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
as_root=()
if [ "$(id -u)" != 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "packline set-up: these packages are missing and there is no sudo: ${missing[*]}" >&2
    exit 1
  fi
  as_root=(sudo)
fi
echo "packline set-up: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The tests start nginx themselves, on free ports: the distribution's own service stays off.
if [[ " ${missing[*]} " == *" nginx "* ]] && command -v systemctl >/dev/null 2>&1; then
  "${as_root[@]}" systemctl disable --now nginx >/dev/null 2>&1 || true
fi
