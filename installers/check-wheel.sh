#!/usr/bin/env bash
# Builds the wheel and proves it works on its own: installed into a fresh venv outside the
# checkout, from an empty folder, it prints its version, draws a screenshot and prepares a
# photo. The app's resources (style, word lists, models, translations) travel inside the
# package, so a wheel that forgot one fails here.
#
#   bash installers/check-wheel.sh        (uses ./.venv to build; $PYTHON to pick another)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

echo "== building the wheel"
"$python" -m pip wheel -q --no-deps -w "$scratch/wheel" . >/dev/null
wheel=$(ls "$scratch"/wheel/*.whl)
echo "== installing $(basename "$wheel") into a fresh venv in $scratch"
python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install -q "$wheel" 2>&1 | grep -v "^WARNING: Location" || true
app="$scratch/venv/bin/stpeters-desk"
[ -x "$app" ] || { echo "check-wheel: FAILED: the wheel installed no stpeters-desk command" >&2; exit 1; }

echo "== the server scripts (several computers, one PostgreSQL server)"
"$python" - "$wheel" <<'PY' || { echo "check-wheel: FAILED: server scripts missing" >&2; exit 1; }
import sys
import zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
missing = [s for s in ("create-school-database.sql", "add-computer.sql", "remove-computer.sql")
           if f"stpeters_desk/resources/server/{s}" not in names]
sys.exit(f"not in the wheel: {missing}" if missing else 0)
PY

mkdir "$scratch/elsewhere"
cd "$scratch/elsewhere"
export QT_QPA_PLATFORM=offscreen
echo "== --version"
"$app" --version
echo "== --screenshot on a fresh data folder"
"$app" --data-dir "$scratch/data" --screenshot "$scratch/shot.png"
[ -s "$scratch/shot.png" ] || { echo "check-wheel: FAILED: no screenshot" >&2; exit 1; }
echo "== photos prepare"
"$scratch/venv/bin/python" - "$scratch/in.jpg" <<'PY'
import sys
from PIL import Image, ImageDraw
image = Image.new("RGB", (1200, 800), (90, 140, 200))
ImageDraw.Draw(image).ellipse((500, 250, 700, 500), fill=(230, 190, 160))
image.save(sys.argv[1], quality=90)
PY
"$app" --data-dir "$scratch/data" photos prepare "$scratch/in.jpg" --out "$scratch/out"
ls "$scratch/out" | grep -q . || { echo "check-wheel: FAILED: photos prepare wrote nothing" >&2; exit 1; }
echo "== the reply-picture check runs from the wheel (open_nsfw; NudeNet is not installed)"
"$scratch/venv/bin/python" - <<'PY'
from PIL import Image
from stpeters_desk.core.reply_images import NSFW, OpenNsfwDetector, nudenet_installed
assert not nudenet_installed(), "nudenet is an optional extra, not a dependency"
score = OpenNsfwDetector().scores(Image.new("RGB", (160, 120), (128, 128, 128)))[NSFW]
assert score < 0.5, score
print(f"open_nsfw: grey picture {score:.2f}")
PY
echo "== the wheel works outside the checkout"
