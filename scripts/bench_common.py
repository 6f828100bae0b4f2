"""The harness bench_numpy.py and bench_torch.py share: the MoG-40 target file, the timing loop, the
command line and the one JSON line per workload that src/cli/bench.ts parses
({"workload","n","median_ms","min_ms","max_ms","rate"}, then whatever fields the script adds).
Only the workloads themselves are written per library.
"""
import argparse
import json
import os
import time

WORKLOADS = ("langevin-mog40", "ddpm-mog40", "dsm-train", "grid")
# n per workload: particles (langevin, ddpm), batch (dsm-train), grid side (grid)
QUICK_N = {"langevin-mog40": 1000, "ddpm-mog40": 500, "dsm-train": 128, "grid": 32}
FULL_N = {"langevin-mog40": 10000, "ddpm-mog40": 10000, "dsm-train": 1024, "grid": 128}


def load_mog40():
    """src/core/targets/mog40.json: {"means": [[x, y], ...], "std": s}, the mixture the app's bench uses"""
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "src", "core", "targets", "mog40.json")) as f:
        return json.load(f)


def time_it(fn, repeats, warmup=1):
    """sorted wall times of `repeats` calls of fn in ms, after `warmup` untimed ones"""
    for _ in range(warmup):
        fn()
    ts = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        ts.append((time.perf_counter() - t0) * 1000)
    return sorted(ts)


def parse_args(add_args=None):
    """the options both scripts take; add_args(ap) adds a script's own (listed before --quick in --help)"""
    ap = argparse.ArgumentParser()
    ap.add_argument("--workload", action="append")
    ap.add_argument("--n", type=int)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--inner", type=int, default=10)
    if add_args:
        add_args(ap)
    ap.add_argument("--quick", action="store_true")
    return ap.parse_args()


def run_workloads(a, runners, extra=dict):
    """Runs each workload a asks for (all of WORKLOADS by default) and prints its JSON line.

    runners[w](n, repeats, inner) returns (sorted times in ms, calls per timed repeat, work per call);
    extra() gives the script's own fields, asked after each workload has run."""
    repeats = 2 if a.quick else a.repeats
    inner = 2 if a.quick else a.inner
    for w in a.workload or WORKLOADS:
        n = a.n or (QUICK_N if a.quick else FULL_N)[w]
        ts, per, work = runners[w](n, repeats, inner)
        med = ts[len(ts) // 2] / per
        print(json.dumps({
            "workload": w, "n": n, "median_ms": med, "min_ms": ts[0] / per, "max_ms": ts[-1] / per,
            "rate": work / med * 1000, **extra(),
        }))
