"""How well and how fast the app finds faces: recall, precision, latency and peak memory.

The labelled set (benchmarks/face_scenes.py, tests/data/faces/README.md) is two
public-domain portraits, one photo with no face, and invented 12 MP crowd scenes with
faces 16–32 px tall at the back and a few larger ones in front. Detection runs with the
app's default settings in a fresh process, which reports its own peak memory (the
resident set, which includes onnxruntime's buffers that Python's tracemalloc cannot see).

A labelled face counts as found when a returned box and the face each contain the
other's centre; a returned box matching no face is a false alarm. Boxes the detector is
unsure of ("to check") are counted with the rest, as the Photos tab shows them all, and
the sure ones are also scored on their own.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.measure import peak_memory_mb  # noqa: E402 - after the path is set

Box = tuple[int, int, int, int]


def centres_match(found: Box, face: Box) -> bool:
    """Each box contains the other's centre: robust to padding and small size errors."""
    def contains(box: Box, x: float, y: float) -> bool:
        return box[0] <= x <= box[0] + box[2] and box[1] <= y <= box[1] + box[3]

    return (contains(found, face[0] + face[2] / 2, face[1] + face[3] / 2)
            and contains(face, found[0] + found[2] / 2, found[1] + found[3] / 2))


def score(found: list[Box], faces: list[Box]) -> tuple[int, int, int]:
    """(faces found, faces missed, false alarms), each face and box matched at most once."""
    unmatched = list(found)
    hits = 0
    for face in faces:
        match = next((box for box in unmatched if centres_match(box, face)), None)
        if match is not None:
            unmatched.remove(match)
            hits += 1
    return hits, len(faces) - hits, len(unmatched)


def child(folder: Path, working_pixels: int | None) -> None:
    """Detect on every photo in the folder; print timings, boxes and peak memory as JSON."""
    from dataclasses import replace

    from PIL import Image

    from stpeters_desk.core.faces import DEFAULT_SETTINGS, detect_faces

    settings = DEFAULT_SETTINGS
    if working_pixels:
        settings = replace(settings, working_pixels=working_pixels)
    start = time.perf_counter()
    detect_faces(Image.new("RGB", (64, 64)))  # loads the model: measured apart
    load = time.perf_counter() - start
    results = {}
    for path in sorted(folder.glob("*.png")):
        image = Image.open(path).convert("RGB")
        start, cpu = time.perf_counter(), time.process_time()
        boxes = detect_faces(image, settings)
        results[path.stem] = {
            "seconds": time.perf_counter() - start,
            "cpu_seconds": time.process_time() - cpu,
            "size": image.size,
            "boxes": [[b.x, b.y, b.w, b.h, b.score, b.low_confidence] for b in boxes],
        }
    peak_mb = peak_memory_mb()
    print(json.dumps({"load": load, "results": results, "peak_mb": peak_mb}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--crowds", type=int, default=4, help="invented 12 MP crowd scenes")
    parser.add_argument("--working-pixels", type=int, default=0,
                        help="try another size for the fine pass's working copy "
                             "(default: the app's setting)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.working_pixels)
        return

    from benchmarks.face_scenes import labelled_set

    photos = labelled_set(crowds=args.crowds)
    with tempfile.TemporaryDirectory() as folder:
        for photo in photos:
            photo.image.save(Path(folder) / f"{photo.name}.png", compress_level=1)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        command = [sys.executable, __file__, "--child", folder,
                   "--working-pixels", str(args.working_pixels)]
        output = subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True,
                                text=True).stdout
    report = json.loads(output)
    print(f"model load (first call): {report['load'] * 1000:.0f} ms")
    totals = {"all": [0, 0, 0], "sure": [0, 0, 0], "small": [0, 0]}
    crowd_seconds, crowd_cpu = [], []
    for photo in photos:
        result = report["results"][photo.name]
        boxes = [tuple(b[:4]) for b in result["boxes"]]
        sure = [tuple(b[:4]) for b in result["boxes"] if not b[5]]
        for key, chosen in (("all", boxes), ("sure", sure)):
            for index, value in enumerate(score(chosen, photo.faces)):  # type: ignore[arg-type]
                totals[key][index] += value
        small = [face for face in photo.faces if face[3] <= 32]
        hits, missed, _ = score(boxes, small)  # type: ignore[arg-type]
        totals["small"][0] += hits
        totals["small"][1] += missed
        found, missed, alarms = score(boxes, photo.faces)  # type: ignore[arg-type]
        width, height = result["size"]
        print(f"{photo.name:16} {width}x{height}: {len(photo.faces):3} faces, found {found:3}, "
              f"missed {missed:2}, false alarms {alarms:2}, {len(boxes) - len(sure):2} to check,"
              f" {result['seconds'] * 1000:6.0f} ms")
        if photo.name.startswith("crowd"):
            crowd_seconds.append(result["seconds"])
            crowd_cpu.append(result["cpu_seconds"])
    for key, label in (("all", "all boxes (sure + to check)"), ("sure", "sure boxes only")):
        hits, missed, alarms = totals[key]
        recall = hits / max(1, hits + missed)
        precision = hits / max(1, hits + alarms)
        print(f"{label}: recall {recall:.3f}, precision {precision:.3f}")
    hits, missed = totals["small"]
    print(f"faces 16-32 px tall: recall {hits / max(1, hits + missed):.3f} "
          f"({hits} of {hits + missed})")
    if crowd_seconds:
        crowd_seconds.sort()
        crowd_cpu.sort()
        median = crowd_seconds[len(crowd_seconds) // 2]
        print(f"latency per 12 MP photo: median {median * 1000:.0f} ms, "
              f"worst {crowd_seconds[-1] * 1000:.0f} ms ({os.cpu_count()} cores); CPU time "
              f"median {crowd_cpu[len(crowd_cpu) // 2] * 1000:.0f} ms (steadier when the "
              "machine is shared)")
    print(f"peak memory of the detecting process: {report['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
