#!/usr/bin/env python3
"""Times `pejl check` (or another subcommand) on generated policies of several sizes:
median and best wall time over several runs, peak memory, and how time grows with size.

    cargo build --release && python3 bench/run.py [--runs 5] [--sizes 1000,10000,100000]
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run_once(cmd):
    """Wall time in seconds and peak resident memory in bytes of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed with exit code {code}")
    return elapsed, usage.ru_maxrss * 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pejl", default=os.path.join(ROOT, "target", "release", "pejl"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--cmd", default="check", help='subcommand and flags, e.g. "fmt --check"')
    args = parser.parse_args()
    if not os.path.exists(args.pejl):
        sys.exit(f"{args.pejl} not found: run `cargo build --release` first")
    out = os.path.join(HERE, "out")
    os.makedirs(out, exist_ok=True)
    rows = []
    for goals in (int(s) for s in args.sizes.split(",")):
        path = os.path.join(out, f"p{goals}.pejl")
        if not os.path.exists(path):
            subprocess.run([sys.executable, os.path.join(HERE, "gen_policy.py"),
                            "--goals", str(goals), "-o", path], check=True)
        size = os.path.getsize(path)
        cmd = [args.pejl, *args.cmd.split(), path]
        run_once(cmd)  # warm the page cache
        times, peaks = [], []
        for _ in range(args.runs):
            t, peak = run_once(cmd)
            times.append(t)
            peaks.append(peak)
        rows.append((goals, size, statistics.median(times), min(times), max(peaks)))
    print(f"`pejl {args.cmd}`, {args.runs} runs each, on {os.cpu_count()} cores\n")
    print("| goals | source | median | best | peak memory | memory / source |")
    print("|---:|---:|---:|---:|---:|---:|")
    for goals, size, median, best, peak in rows:
        print(f"| {goals:,} | {size / 1e6:.1f} MB | {median:.3f} s | {best:.3f} s "
              f"| {peak / 1e6:.0f} MB | {peak / size:.1f}× |")
    for (g1, _, t1, _, _), (g2, _, t2, _, _) in zip(rows, rows[1:]):
        print(f"\n{g1:,} → {g2:,} goals ({g2 / g1:.0f}×): time × {t2 / t1:.1f}")


if __name__ == "__main__":
    main()
