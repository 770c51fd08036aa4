#!/bin/sh
# Install the SMS Signature Assistant into ./.venv on Debian or Ubuntu (or any Linux with Python
# >= 3.11 and its venv module): the system libraries Qt needs to open a window, then the program.
#
#   sh scripts/install.sh          the program           -> .venv/bin/sms-signature-assistant
#   sh scripts/install.sh test     the program and its tests -> .venv/bin/pytest
#
# Only missing Debian packages are installed (with sudo when not root). Safe to run again.
set -eu
cd "$(dirname "$0")/.."
extra="${1:-}"

# Qt's runtime libraries for a real window (xcb), and Python's venv module. Qt's own error message
# names only libxcb-cursor0 when any of these is missing.
PACKAGES="python3-venv libgl1 libegl1 libfontconfig1 libdbus-1-3 libglib2.0-0
libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xkb1"

if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=""
  for pkg in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing system packages:$missing"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
  fi
fi

python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "Python 3.11 or newer is needed (found $(python3 --version 2>&1))." >&2
  exit 1
}
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$extra" = "test" ]; then
  .venv/bin/python -m pip install -q -e '.[test]'
else
  .venv/bin/python -m pip install -q -e .
fi
