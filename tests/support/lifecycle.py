"""What the lifecycle checks run and measure: the run to start and stop, the download read timeout, threads and memory.

Shared by tests/test_lifecycle.py, the reliability tests and benchmarks/soak.py,
so the tests and the soak check the same thing. The measures read ``/proc``
(Linux only).
"""

from __future__ import annotations

import os
from pathlib import Path

from digitpad.training.settings import RunSettings

RUN = RunSettings(dataset="digits8x8", hidden="32", epochs=50, batch_size=8, validation=0.0)
DOWNLOAD_TIMEOUT_S = 1.0  # a stalled read fails after this; the app's own is 30 s


def os_threads() -> int:
    """Threads of this process as the kernel sees them."""
    return len(os.listdir("/proc/self/task"))


def rss_mb() -> float:
    """Resident set size of this process, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def live_jobs() -> int:
    """Background jobs whose thread has not ended yet (the job registry; every thread digitpad starts is a job's)."""
    from digitpad.ui.jobs.job import Job
    return len(Job.running_jobs())
