"""Derive the app's 8-bit face model from CenterFace's 32-bit one (once, on a developer's PC).

Face detection is most of the time a photo takes to prepare (benchmarks/photos.py), and
almost all of that is CenterFace's convolutions. With its weights and activations stored
as 8-bit integers, onnxruntime runs them with the CPU's integer dot-product instructions
(AVX-512 VNNI, AVX-VNNI, ARM's dot product) at about 1.8 times the speed, and the file
is a third of the size. The app itself never runs this script and never needs the `onnx`
package: it loads the file this writes (resources/models/README.md has its checksum).

Plain 8-bit quantization of this network loses faint faces: the heatmap's weak maybes,
which the detector's closer look (stpeters_desk/core/faces.py, step 3) relies on for
faces 16-24 px tall, drown in rounding noise. Three things keep them:

1. Equalised channels. Each activation is stored with one scale per tensor, but the
   channels of one tensor differ in range by up to ten times, so the quiet ones got
   only a few steps. Between two convolutions with a ReLU in between, a channel can be
   scaled up in the first and down by the same factor in the second without changing
   the result (ReLU(s * x) = s * ReLU(x) for s > 0); this evens out the ranges
   (Nagel et al., "Data-Free Quantization", 2019, with ranges measured on photos).
2. The output heads stay 32-bit: the heatmap's sigmoid in 8 bits has steps of 0.004,
   which wipes out maybes scored 0.01.
3. Calibration on what the detector really feeds the model: the coarse pass, the fine
   pass's tiles and the closer look's enlarged squares of invented crowd scenes
   (benchmarks/face_scenes.py) whose seeds the benchmarks and tests do not use. Each
   tensor's range is the widest, over all batches, of the range that holds 99.99 % of
   one batch's values: a few outliers would otherwise coarsen the steps for the rest.

The file also takes the photo's 8-bit pixels directly (input `pixels`, N x 3 x H x W
uint8), so no 32-bit copy of each tile is made, and drops the landmark head the app
does not use.

    pip install -e ".[models]"
    python scripts/quantize_face_model.py            # writes resources/models/centerface.onnx

Made with onnx 1.23.2 and onnxruntime 1.32.0; the same versions give the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from unittest.mock import patch

import numpy as np
import onnx
import onnxruntime
from onnx import TensorProto, helper, numpy_helper, version_converter
from onnxruntime.quantization import (
    CalibrationDataReader,
    CalibrationMethod,
    QuantFormat,
    QuantType,
    quantize_static,
)
from onnxruntime.quantization.shape_inference import quant_pre_process

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.face_scenes import crowd_scene, source_photos  # noqa: E402 - after the path
from stpeters_desk.core import faces  # noqa: E402
from stpeters_desk.core.faces import DetectionSettings  # noqa: E402

SOURCE = ROOT / "stpeters_desk" / "resources" / "models" / "centerface-fp32.onnx"
OUTPUT = ROOT / "stpeters_desk" / "resources" / "models" / faces.MODEL_FILE
FLOAT_INPUT = "input.1"
HEATMAP, SIZES, OFFSETS = "537", "538", "539"  # the outputs the app reads
CALIBRATION_SEEDS = (101, 102, 103, 104)  # crowd scenes no benchmark or test uses
# The detector's settings that chose the calibration inputs for the shipped file, written
# out so that a later change to the app's defaults does not silently change what this
# script produces. (The app's own settings differ a little: see DetectionSettings.)
CALIBRATION_SETTINGS = DetectionSettings(candidate_threshold=0.01, working_pixels=8_000_000,
                                         tile_pixels=2_000_000, coarse_side=1024,
                                         closer_look_size=120,
                                         # steps added after the file was made
                                         max_enlargement=1.0, max_second_looks=0)
RANGE_PERCENTILE = 99.99  # of each tensor's values in a batch; see the docstring, 3.
RANGE_SAMPLE = 1_000_000  # values per tensor and batch the percentile is taken from
MAX_CHANNEL_SCALE = 16.0  # a channel nearly silent on the calibration photos stays near it
POINTWISE_STRENGTH = 0.25  # how far to even out channels feeding a full convolution

Batch = np.ndarray  # N x 3 x H x W uint8, as faces._run receives it


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=SOURCE,
                        help="the cleaned 32-bit model (resources/models/README.md)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    onnxruntime.set_default_logger_severity(3)  # no warnings about the graph's leftovers
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        onnx.save(prepared(onnx.load(args.source)), work / "prepared.onnx")
        quant_pre_process(str(work / "prepared.onnx"), str(work / "optimised.onnx"),
                          skip_symbolic_shape=True)
        batches = calibration_batches(work / "optimised.onnx")
        print(f"calibration: {len(batches)} batches, "
              f"{sum(b.shape[0] * b.shape[2] * b.shape[3] for b in batches) / 1e6:.0f} MP")
        equalised = equalise(onnx.load(work / "optimised.onnx"), batches)
        onnx.save(equalised, work / "equalised.onnx")
        quantise(work / "equalised.onnx", work / "quantised.onnx", batches)
        final = takes_pixels(onnx.load(work / "quantised.onnx"))
        onnx.checker.check_model(final)
        onnx.save(final, args.output)
        report(work / "optimised.onnx", args.output, batches)


# ---------------------------------------------------------------------------------------
# Preparing the 32-bit graph


def prepared(model: onnx.ModelProto) -> onnx.ModelProto:
    """Opset 13 (per-channel quantization needs it), only the three outputs the app reads,
    and every node named (the quantizer picks nodes by name)."""
    model = version_converter.convert_version(model, 13)
    graph = model.graph
    kept = [output for output in graph.output if output.name in (HEATMAP, SIZES, OFFSETS)]
    del graph.output[:]
    graph.output.extend(kept)
    needed = _ancestors(graph, {output.name for output in kept})
    live = [node for node in graph.node if any(name in needed for name in node.output)]
    del graph.node[:]
    graph.node.extend(live)
    used = {name for node in live for name in node.input}
    unused = [init for init in graph.initializer if init.name not in used]
    for init in unused:
        graph.initializer.remove(init)
    for node in graph.node:
        node.name = f"{node.op_type}_{node.output[0]}"
    return model


def _ancestors(graph: onnx.GraphProto, names: set[str]) -> set[str]:
    """Every tensor the given ones are computed from, and themselves."""
    producer = {output: node for node in graph.node for output in node.output}
    needed, todo = set(), list(names)
    while todo:
        name = todo.pop()
        if name in needed:
            continue
        needed.add(name)
        if name in producer:
            todo.extend(producer[name].input)
    return needed


# ---------------------------------------------------------------------------------------
# Calibration: what the detector feeds the model


def calibration_batches(float_model: Path) -> list[Batch]:
    """Every batch the detector runs on the calibration photos, recorded as it runs them."""
    session = _session(float_model)
    recorded: list[Batch] = []

    def record(batch: Batch) -> list[np.ndarray]:
        recorded.append(batch.copy())
        outputs: list[np.ndarray] = session.run(
            [HEATMAP, SIZES, OFFSETS], {FLOAT_INPUT: batch.astype(np.float32)})
        return outputs

    photos = [photo.image for photo in source_photos()]
    photos += [crowd_scene(seed).image for seed in CALIBRATION_SEEDS]
    with patch.object(faces, "_run", record):  # the real pipeline chooses the inputs
        for photo in photos:
            faces.detect_faces(photo, CALIBRATION_SETTINGS)
    return recorded


class _Batches(CalibrationDataReader):  # type: ignore[misc]
    def __init__(self, batches: list[Batch]) -> None:
        self.batches = iter(batches)

    def get_next(self) -> dict[str, np.ndarray] | None:
        batch = next(self.batches, None)
        return None if batch is None else {FLOAT_INPUT: batch.astype(np.float32)}


def _session(model: Path | bytes) -> onnxruntime.InferenceSession:
    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3
    source = str(model) if isinstance(model, Path) else model
    return onnxruntime.InferenceSession(source, options, providers=["CPUExecutionProvider"])


# ---------------------------------------------------------------------------------------
# Equalising channel ranges


def equalise(model: onnx.ModelProto, batches: list[Batch]) -> onnx.ModelProto:
    """Each ReLU between two convolutions gets its channels' ranges evened out.

    For a channel whose largest value is r (of the tensor's largest R), the convolution
    before the ReLU is scaled by s = (R / r) ** strength and the ones after it by 1 / s.
    A depthwise convolution after it has one weight set per channel, each quantized on
    its own, so there the ranges are evened out fully; a full convolution mixes channels
    within one weight set, so there only partly, to keep its weights' precision.
    """
    graph = model.graph
    producer = {output: node for node in graph.node for output in node.output}
    consumers: defaultdict[str, list[onnx.NodeProto]] = defaultdict(list)
    for node in graph.node:
        for name in node.input:
            consumers[name].append(node)
    pairs = []
    for relu in graph.node:
        before = producer.get(relu.input[0]) if relu.op_type == "Relu" else None
        after = consumers[relu.output[0]]
        if (before is not None and before.op_type == "Conv"
                and len(consumers[relu.input[0]]) == 1 and after
                and all(node.op_type in ("Conv", "ConvTranspose") for node in after)):
            pairs.append((relu.output[0], before, after))
    ranges = _channel_maxima(model, [name for name, _, _ in pairs], batches)
    weights = {init.name: init for init in graph.initializer}
    for name, before, after in pairs:
        channels = ranges[name]
        depthwise = all(_group(node) == len(channels) > 1 for node in after)
        strength = 1.0 if depthwise else POINTWISE_STRENGTH
        top = float(channels.max())
        scale = np.ones_like(channels)
        alive = channels > 1e-6 * top
        scale[alive] = (top / channels[alive]) ** strength
        scale = np.minimum(scale, MAX_CHANNEL_SCALE).astype(np.float32)
        _scale_weights(weights, before.input[1], scale[:, None, None, None])
        if len(before.input) > 2:
            _scale_weights(weights, before.input[2], scale)
        for node in after:
            input_axis_first = node.op_type == "ConvTranspose" or _group(node) > 1
            shape = (-1, 1, 1, 1) if input_axis_first else (1, -1, 1, 1)
            _scale_weights(weights, node.input[1], 1 / scale.reshape(shape))
    return model


def _channel_maxima(model: onnx.ModelProto, names: list[str],
                    batches: list[Batch]) -> dict[str, np.ndarray]:
    probe = onnx.ModelProto()
    probe.CopyFrom(model)
    del probe.graph.output[:]
    probe.graph.output.extend(helper.make_empty_tensor_value_info(name) for name in names)
    session = _session(probe.SerializeToString())
    maxima: dict[str, np.ndarray] = {}
    for batch in batches:
        values = session.run(names, {FLOAT_INPUT: batch.astype(np.float32)})
        for name, value in zip(names, values, strict=True):
            channels = value.max(axis=(0, 2, 3))
            maxima[name] = np.maximum(maxima[name], channels) if name in maxima else channels
    return maxima


def _group(node: onnx.NodeProto) -> int:
    return next((int(a.i) for a in node.attribute if a.name == "group"), 1)


def _scale_weights(weights: dict[str, onnx.TensorProto], name: str, factor: np.ndarray) -> None:
    scaled = numpy_helper.to_array(weights[name]).astype(np.float32) * factor
    weights[name].CopyFrom(numpy_helper.from_array(scaled.astype(np.float32), name))


# ---------------------------------------------------------------------------------------
# Quantizing


def quantise(source: Path, output: Path, batches: list[Batch]) -> None:
    """8-bit QDQ: weights per output channel, activations per tensor from the batches' ranges."""
    model = onnx.load(source)
    producer = {out: node for node in model.graph.node for out in node.output}
    sigmoid = producer[HEATMAP]
    heads = [sigmoid.name, producer[sigmoid.input[0]].name,
             producer[SIZES].name, producer[OFFSETS].name]
    overrides: dict[str, list[dict[str, np.ndarray]]] = {
        name: [{"rmin": np.array(low, dtype=np.float32), "rmax": np.array(high, dtype=np.float32)}]
        for name, (low, high) in _ranges(model, set(heads), batches).items()}
    overrides[FLOAT_INPUT] = [{"scale": np.array(1.0, dtype=np.float32),
                               "zero_point": np.array(0, dtype=np.uint8)}]
    quantize_static(
        str(source), str(output), _Batches(batches),
        quant_format=QuantFormat.QDQ, per_channel=True,
        activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8,
        calibrate_method=CalibrationMethod.MinMax,
        nodes_to_exclude=heads,
        extra_options={"TensorQuantOverrides": overrides})


def _ranges(model: onnx.ModelProto, heads: set[str],
            batches: list[Batch]) -> dict[str, tuple[float, float]]:
    """Each activation's range without its rarest values (RANGE_PERCENTILE)."""
    names = [node.output[0] for node in model.graph.node
             if node.name not in heads and node.op_type in ("Conv", "ConvTranspose", "Relu", "Add")]
    probe = onnx.ModelProto()
    probe.CopyFrom(model)
    del probe.graph.output[:]
    probe.graph.output.extend(helper.make_empty_tensor_value_info(name) for name in names)
    session = _session(probe.SerializeToString())
    sampler = np.random.default_rng(0)
    ranges = dict.fromkeys(names, (0.0, 0.0))
    for batch in batches:
        values = session.run(names, {FLOAT_INPUT: batch.astype(np.float32)})
        for name, value in zip(names, values, strict=True):
            flat = value.ravel()
            if flat.size > RANGE_SAMPLE:
                flat = flat[sampler.integers(0, flat.size, RANGE_SAMPLE)]
            low, high = np.percentile(flat, [100 - RANGE_PERCENTILE, RANGE_PERCENTILE])
            ranges[name] = (min(ranges[name][0], float(low)), max(ranges[name][1], float(high)))
    return ranges


def takes_pixels(model: onnx.ModelProto) -> onnx.ModelProto:
    """The input becomes `pixels`, uint8: it was quantized with scale 1 and zero point 0,
    so the quantize step on it did nothing but cost a pass over a float copy."""
    graph = model.graph
    old = graph.input[0]
    quantize = next(node for node in graph.node
                    if node.op_type == "QuantizeLinear" and node.input[0] == old.name)
    for node in graph.node:
        for index, name in enumerate(node.input):
            if name == quantize.output[0]:
                node.input[index] = faces.MODEL_INPUT
    graph.node.remove(quantize)
    dims = [dim.dim_param or dim.dim_value for dim in old.type.tensor_type.shape.dim]
    graph.input.remove(old)
    graph.input.insert(0, helper.make_tensor_value_info(faces.MODEL_INPUT, TensorProto.UINT8,
                                                        dims))
    return model


# ---------------------------------------------------------------------------------------
# Checking


def report(float_model: Path, model: Path, batches: list[Batch]) -> None:
    """How far the 8-bit heatmap is from the 32-bit one, and the file's checksum."""
    reference, quantised = _session(float_model), _session(model)
    differences = []
    for batch in _every_fourth(batches):
        expected = reference.run([HEATMAP], {FLOAT_INPUT: batch.astype(np.float32)})[0]
        got = quantised.run([HEATMAP], {faces.MODEL_INPUT: batch})[0]
        differences.append(np.abs(_logit(got) - _logit(expected)).mean())
    digest = hashlib.sha256(model.read_bytes()).hexdigest()
    print(f"heatmap: mean difference {np.mean(differences):.3f} in log-odds from the 32-bit model")
    print(f"{model}: {model.stat().st_size:,} bytes, SHA-256 {digest}")


def _every_fourth(batches: list[Batch]) -> Iterator[Batch]:
    yield from batches[::4]


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.asarray(np.log(p / (1 - p)))


if __name__ == "__main__":
    main()
