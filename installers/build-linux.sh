#!/usr/bin/env bash
# Builds the Linux one-folder bundle and its tarball, then proves the frozen app works.
#
#   bash installers/build-linux.sh
#
# Uses the Python of the active virtualenv (or ./.venv, or $PYTHON), which must have the app
# and its dependencies installed (pip install -e .); PyInstaller is added to it if missing.
# Writes dist/stpeters-desk/ and dist/stpeters-desk-<version>-linux-<arch>.tar.gz.
#
# The smoke test runs the frozen app, never the checkout, from an empty folder with a
# throwaway data and config folder, and fails on a crash, a missing or empty PNG, or any
# output on stderr other than Qt's known offscreen notice:
#   --version, --bundle-check (face model, onnxruntime, libheif, keyring backends, Qt
#   plugins), --screenshot, photos prepare on a generated JPEG, and install.sh from the
#   tarball into a throwaway home.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
started=$SECONDS

if [ -n "${PYTHON:-}" ]; then python=$PYTHON
elif [ -n "${VIRTUAL_ENV:-}" ]; then python="$VIRTUAL_ENV/bin/python"
elif [ -x .venv/bin/python ]; then python=.venv/bin/python
else python=python3
fi

step() { echo "== [$((SECONDS - started))s] $*"; }
fail() { echo "build-linux: FAILED: $*" >&2; exit 1; }

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' stpeters_desk/__init__.py)
[ -n "$version" ] || fail "no __version__ in stpeters_desk/__init__.py"
arch=$(uname -m)
bundle=dist/stpeters-desk
tarball_name="stpeters-desk-$version-linux-$arch"
tarball="dist/$tarball_name.tar.gz"

if ! "$python" -m PyInstaller --version >/dev/null 2>&1; then
  step "installing PyInstaller into $("$python" -c 'import sys; print(sys.prefix)')"
  "$python" -m pip install -q "pyinstaller>=6.10"
fi

step "building St Peter's Desk $version with PyInstaller $("$python" -m PyInstaller --version)"
rm -rf "$bundle" "$tarball" build/pyinstaller
mkdir -p build dist
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installers/stpeters-desk.spec \
  > build/pyinstaller.log 2>&1 || { cat build/pyinstaller.log >&2; fail "PyInstaller"; }
[ -x "$bundle/stpeters-desk" ] || fail "PyInstaller made no $bundle/stpeters-desk"

step "making $tarball"
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
mkdir "$staging/$tarball_name"
cp -a "$bundle" "$staging/$tarball_name/stpeters-desk"
cp installers/linux/install.sh installers/linux/uk.sch.stpeters.Desk.desktop \
   installers/linux/uk.sch.stpeters.Desk.metainfo.xml installers/KIOSK.md \
   "$staging/$tarball_name/"
chmod 755 "$staging/$tarball_name/install.sh"
tar -C "$staging" -czf "$tarball" "$tarball_name"

bundle_bytes=$(du -sb "$bundle" | cut -f1)
tarball_bytes=$(stat -c %s "$tarball")
echo "bundle size: $((bundle_bytes / 1048576)) MiB ($bundle_bytes bytes, uncompressed)"
echo "tarball size: $((tarball_bytes / 1048576)) MiB ($tarball_bytes bytes, $tarball)"

# --- smoke test of the frozen app --------------------------------------------------------
smoke=$(mktemp -d)
trap 'rm -rf "$staging" "$smoke"' EXIT
app="$root/$bundle/stpeters-desk"
allowed_notice="This plugin does not support propagateSizeHints()"

# Runs the frozen app in an empty folder with nothing of the checkout's environment;
# stdout goes to $smoke/out, stderr to $smoke/err.
frozen() {
  (cd "$smoke/cwd" && env -u PYTHONPATH -u PYTHONHOME -u VIRTUAL_ENV \
     QT_QPA_PLATFORM=offscreen STPETERS_DESK_CONFIG_DIR="$smoke/config" \
     STPETERS_DESK_DATA_DIR="$smoke/unused-data" "$@") >"$smoke/out" 2>"$smoke/err"
}

# Fails unless the last run exited 0 and wrote nothing unexpected to stderr.
expect_clean() {
  local what=$1 code=$2 unexpected
  unexpected=$(grep -v -x -F "$allowed_notice" "$smoke/err" || true)
  if [ "$code" != 0 ] || [ -n "$unexpected" ]; then
    echo "--- stdout of $what"; cat "$smoke/out"
    echo "--- stderr of $what"; cat "$smoke/err"
    fail "$what exited with $code$([ -n "$unexpected" ] && echo ' and wrote to stderr')"
  fi
}

mkdir -p "$smoke/cwd" "$smoke/config"

step "smoke test: --version"
code=0; frozen "$app" --version || code=$?
expect_clean "--version" "$code"
[ "$(cat "$smoke/out")" = "St Peter's Desk $version" ] \
  || fail "--version printed '$(cat "$smoke/out")', not 'St Peter's Desk $version'"

step "smoke test: --bundle-check"
code=0; frozen "$app" --bundle-check || code=$?
cat "$smoke/out"
expect_clean "--bundle-check" "$code"
grep -q "inside the bundle" "$smoke/out" || fail "the frozen app read resources from outside itself"

if command -v dbus-run-session >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1
then
  step "smoke test: the keyring backend inside a Secret Service session"
  mkdir -p "$smoke/home"
  # Only the app's own stderr counts: dbus-daemon may complain about its file limit.
  code=0
  : > "$smoke/app-err"
  frozen env HOME="$smoke/home" dbus-run-session -- bash -c '
    printf "smoke-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$0" --bundle-check 2>"$1"' "$app" "$smoke/app-err" || code=$?
  [ "$code" = 0 ] || cat "$smoke/err"
  mv "$smoke/app-err" "$smoke/err"
  expect_clean "--bundle-check in a keyring session" "$code"
  grep "keyring:" "$smoke/out"
  grep -q "active: keyring.backends.SecretService.Keyring" "$smoke/out" \
    || fail "the frozen app did not find the Secret Service keyring"
else
  echo "   (no dbus-run-session or gnome-keyring-daemon: Secret Service not tried)"
fi

step "smoke test: --screenshot on a fresh data folder"
mkdir -p "$smoke/data"
code=0; frozen "$app" --data-dir "$smoke/data" --screenshot "$smoke/frozen.png" || code=$?
expect_clean "--screenshot" "$code"
[ -s "$smoke/frozen.png" ] || fail "--screenshot wrote no PNG"
"$python" - "$smoke/frozen.png" <<'EOF' || fail "--screenshot wrote a damaged or tiny PNG"
import sys
from PIL import Image

with Image.open(sys.argv[1]) as image:
    image.verify()
    assert image.format == "PNG" and image.width >= 640 and image.height >= 400, image.size
    print(f"   window drawn: {image.width} x {image.height} PNG")
EOF
[ -z "${SCREENSHOT_COPY:-}" ] || cp "$smoke/frozen.png" "$SCREENSHOT_COPY"

step "smoke test: photos prepare on a generated JPEG"
mkdir -p "$smoke/photos"
"$python" - "$smoke/photos/sports-day.jpg" <<'EOF'
import sys
from PIL import Image, ImageDraw

photo = Image.new("RGB", (800, 600), (96, 150, 90))
draw = ImageDraw.Draw(photo)
draw.rectangle((0, 0, 800, 260), fill=(150, 190, 235))
draw.ellipse((340, 200, 460, 350), fill=(225, 185, 150))
photo.save(sys.argv[1], quality=88)
EOF
code=0; frozen "$app" photos prepare "$smoke/photos/sports-day.jpg" --out "$smoke/prepared" \
  || code=$?
cat "$smoke/out"
expect_clean "photos prepare" "$code"
[ -s "$smoke/prepared/sports-day.jpg" ] || fail "photos prepare wrote no photo"

step "smoke test: install.sh from the tarball into a throwaway home"
mkdir -p "$smoke/unpacked" "$smoke/user"
tar -C "$smoke/unpacked" -xzf "$tarball"
code=0
frozen env HOME="$smoke/user" XDG_DATA_HOME="$smoke/user/.local/share" \
  bash "$smoke/unpacked/$tarball_name/install.sh" --user || code=$?
cat "$smoke/out"
grep -v '^Note: \|^On Debian' "$smoke/err" > "$smoke/err.kept" || true
mv "$smoke/err.kept" "$smoke/err"
expect_clean "install.sh" "$code"
installed_desktop="$smoke/user/.local/share/applications/uk.sch.stpeters.Desk.desktop"
[ -s "$installed_desktop" ] || fail "install.sh made no .desktop entry"
[ -s "$smoke/user/.local/share/icons/hicolor/256x256/apps/uk.sch.stpeters.Desk.png" ] \
  || fail "install.sh installed no icon"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$installed_desktop" || fail "the installed .desktop entry is invalid"
fi
code=0; frozen "$smoke/user/.local/bin/stpeters-desk" --version || code=$?
expect_clean "the installed app's --version" "$code"

step "done: $bundle ($((bundle_bytes / 1048576)) MiB), $tarball ($((tarball_bytes / 1048576)) MiB)"
