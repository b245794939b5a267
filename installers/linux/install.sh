#!/usr/bin/env bash
# Installs St Peter's Desk from this unpacked tarball.
#
#   sudo ./install.sh          for every user of the computer: /opt/stpeters-desk,
#                              /usr/local/bin/stpeters-desk and the applications menu
#   ./install.sh               for you only: ~/.local/lib/stpeters-desk, ~/.local/bin
#                              (--user forces this even when run as root)
#   ./install.sh --uninstall   removes the program again (run it the same way you installed)
#
# Installing or removing the program never touches the school's data folder
# (~/.local/share/StPetersDesk) or the keys in the keyring: see KIOSK.md for backups.
set -euo pipefail

APP_ID=uk.sch.stpeters.Desk
here="$(cd "$(dirname "$0")" && pwd)"

action=install
for_everyone=$([ "$(id -u)" = "0" ] && echo yes || echo no)
for arg in "$@"; do
  case "$arg" in
    --user) for_everyone=no ;;
    --uninstall) action=uninstall ;;
    -h|--help) action=help ;;
    *) echo "Unknown option $arg; try --help" >&2; exit 2 ;;
  esac
done

if [ "$for_everyone" = yes ]; then
  prefix=/opt/stpeters-desk
  bin_dir=/usr/local/bin
  share=/usr/share
else
  prefix="$HOME/.local/lib/stpeters-desk"
  bin_dir="$HOME/.local/bin"
  share="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
icon_sizes="16 24 32 48 64 128 256 512"

refresh_menus() {
  # Desktop environments pick up new entries by themselves; these speed it up where present.
  command -v update-desktop-database >/dev/null 2>&1 \
    && update-desktop-database -q "$share/applications" 2>/dev/null || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 \
    && gtk-update-icon-cache -q -t "$share/icons/hicolor" 2>/dev/null || true
}

uninstall() {
  rm -rf "$prefix"
  rm -f "$bin_dir/stpeters-desk" "$share/applications/$APP_ID.desktop" \
        "$share/metainfo/$APP_ID.metainfo.xml"
  for size in $icon_sizes; do
    rm -f "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
  done
  refresh_menus
  echo "St Peter's Desk is removed. The school's data folder and keyring entries are untouched."
}

warn_about_missing_libraries() {
  # Qt needs these from the system to open a window under X11; the bundle carries the rest.
  command -v ldconfig >/dev/null 2>&1 || return 0
  local missing=()
  for lib in libxcb-cursor.so.0 libxkbcommon-x11.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 \
             libEGL.so.1 libfontconfig.so.1; do
    ldconfig -p | grep -q "$lib" || missing+=("$lib")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "Note: this computer lacks ${missing[*]}." >&2
    echo "On Debian or Ubuntu: sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0" \
         "libxcb-icccm4 libxcb-keysyms1 libegl1 libfontconfig1" >&2
  fi
  # Tweets and replies carry emoji: without a colour-emoji font each shows as an empty box.
  if command -v fc-list >/dev/null 2>&1 && ! fc-list : family | grep -qi "emoji"; then
    echo "Note: no colour-emoji font is installed, so emoji in tweets will show as boxes." >&2
    echo "On Debian or Ubuntu: sudo apt-get install fonts-noto-color-emoji" >&2
  fi
}

install_app() {
  if [ ! -x "$here/stpeters-desk/stpeters-desk" ]; then
    echo "Run this from the unpacked tarball: $here/stpeters-desk/ is missing." >&2
    exit 1
  fi
  rm -rf "$prefix.new"
  mkdir -p "$(dirname "$prefix")"
  cp -a "$here/stpeters-desk" "$prefix.new"
  rm -rf "$prefix"
  mv "$prefix.new" "$prefix"

  mkdir -p "$bin_dir" "$share/applications"
  ln -sf "$prefix/stpeters-desk" "$bin_dir/stpeters-desk"
  sed "s|^Exec=stpeters-desk|Exec=$prefix/stpeters-desk|" "$here/$APP_ID.desktop" \
    > "$share/applications/$APP_ID.desktop"
  chmod 644 "$share/applications/$APP_ID.desktop"
  for size in $icon_sizes; do
    install -D -m 644 "$prefix/_internal/resources/icons/app-$size.png" \
      "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
  done
  install -D -m 644 "$here/$APP_ID.metainfo.xml" "$share/metainfo/$APP_ID.metainfo.xml"
  refresh_menus
  warn_about_missing_libraries
  echo "St Peter's Desk $("$prefix/stpeters-desk" --version | awk '{print $NF}') is installed" \
       "in $prefix; start it from the applications menu or with: $bin_dir/stpeters-desk"
  case ":$PATH:" in
    *":$bin_dir:"*) ;;
    *) echo "($bin_dir is not on your PATH yet; it is after you next sign in.)" ;;
  esac
}

case "$action" in
  install) install_app ;;
  uninstall) uninstall ;;
  help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' ;;
esac
