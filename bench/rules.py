#!/usr/bin/env python3
"""Times `pejl check` on small policies whose one rule has 10 … 5000 bands of each kind: plain
thresholds, `within p% of benchmark`, `within p% of target`, a mix of the three, and a mix over
two benchmark kinds; each once used by a goal and once used by none (then the analysis assumes
every order of a target and a baseline). The rule analysis (checks/rules.rs) is almost all of
the time; past its budget it stops with P0311. Median wall time, peak memory, diagnostics.

    cargo build --release && python3 bench/rules.py [--runs 3] [--bands 10,100,1000,5000]
"""

import argparse
import os
import statistics
import subprocess
import sys

from rollups import run_once

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

HEAD = """policy p "P" { period 2024..2027 }
body KF "KF"
chain {
  level area "Område"
  level goal "Mål" under area measured
}
report annual "Å" { uses actual  due 12-31  to KF }
area a "A" { owner KF }
indicator ind "I" { unit percent  higher is better  benchmark county "Länet"  benchmark national "Riket" }
"""

GOAL = 'goal g "G" { under a  owner KF  measure ind  follow-up annual  baseline 40 in 2022  target 60 by 2026  rule r }\n'


def band(kind, i):
    plain = f"green when value >= {100 - i * 0.01:.2f}"
    bench = f"yellow when within {1 + i % 7}% of benchmark"
    target = f"red when within {1 + i % 5}% of target"
    if kind == "plain":
        return plain
    if kind == "benchmark":
        return bench
    if kind == "target":
        return target
    if kind == "mixed":
        return [plain, bench, target][i % 3]
    return [plain, bench, f"yellow when within {1 + i % 4}% of benchmark national"][i % 3]


def peak_kib(cmd):
    out = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], capture_output=True, text=True)
    return int(out.stderr.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pejl", default=os.path.join(ROOT, "target", "release", "pejl"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--bands", default="10,100,1000,5000")
    parser.add_argument("--limit", type=float, default=60)
    args = parser.parse_args()
    if not os.path.exists(args.pejl):
        sys.exit(f"{args.pejl} not found: run `cargo build --release` first")
    out = os.path.join(HERE, "out")
    os.makedirs(out, exist_ok=True)
    print(f"`pejl check`, median of {args.runs} runs, on {os.cpu_count()} cores\n")
    print("| bands | kind | used by | median | peak memory | P0311 |")
    print("|---:|---|---|---:|---:|---|")
    for n in (int(s) for s in args.bands.split(",")):
        for kind in ("plain", "benchmark", "target", "mixed", "two kinds"):
            for used in (True, False):
                rule = 'rule r "R" {\n' + "".join(f"  {band(kind, i)}\n" for i in range(n))
                rule += "  grey when missing\n}\n"
                path = os.path.join(out, f"rule_{n}_{kind.replace(' ', '_')}_{used}.pejl")
                with open(path, "w") as f:
                    f.write(HEAD + rule + (GOAL if used else ""))
                cmd = [args.pejl, "check", "--format", "json", path]
                runs = [run_once(cmd, args.limit) for _ in range(args.runs)]
                if any(r[0] is None for r in runs):
                    print(f"| {n} | {kind} | {'a goal' if used else 'none'} | > {args.limit:.0f} s | | |")
                    continue
                median = statistics.median(r[0] for r in runs)
                incomplete = "P0311" in runs[0][1]
                print(f"| {n} | {kind} | {'a goal' if used else 'none'} | {median:.3f} s "
                      f"| {peak_kib(cmd) / 1024:.0f} MB | {'yes' if incomplete else 'no'} |", flush=True)


if __name__ == "__main__":
    main()
