"""Measuring helpers shared by the benchmarks."""

from __future__ import annotations

import resource
from pathlib import Path


def peak_memory_mb() -> float:
    """This process's peak resident memory. Linux's VmHWM belongs to the running program;
    ru_maxrss would also count the parent's size at the moment it started this process."""
    status = Path("/proc/self/status")
    if status.exists():
        for text in status.read_text().splitlines():
            if text.startswith("VmHWM:"):
                return int(text.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

Box = tuple[int, int, int, int]
