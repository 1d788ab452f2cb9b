#!/usr/bin/env python3
"""Times `pejl check` on small policies whose one rollup has 10, 100 or 1000 bands, or huge
counts: the rollup analysis (checks/rollups.rs) is almost all of the time. Median and best wall
time, peak memory, and the diagnostics each policy gets.

    cargo build --release && python3 bench/rollups.py [--runs 5] [--bands 10,100,1000]
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

HEAD = """policy p "P" { period 2024..2027  default rule r }
body KF "KF"
chain {
  level area "Område"
  level strategic "Strategiskt" under area assessed by m
  level goal "Mål" under strategic measured
}
report annual "Å" { uses actual  due 12-31  to KF }
area a "A" { owner KF }
strategic s "S" { under a  owner KF }
indicator ind "I" { unit percent  higher is better }
rule r "R" {
  green when value >= 50
  red otherwise
  grey when missing
}
goal g "G" { under s  owner KF  measure ind  follow-up annual  baseline 40 in 2022  target 60 by 2026 }
"""

STATUSES = ["green", "yellow", "red", "grey"]
SHARES = ["25%", "33.3%", "50%", "66.7%", "100%"]
OPS = [">=", ">", "<=", "<", "==", "!="]


def count_ladder(n):
    """`green when count green >= 1`, `>= 2`, …: one status, n thresholds."""
    return [f"green when count green >= {i}" for i in range(n, 0, -1)] + ["yellow otherwise"]


def share_ladder(n):
    """Shares of each status in steps: n thresholds spread over four statuses."""
    bands = []
    for i in range(n):
        s = STATUSES[i % 4]
        pct = 100 - (i // 4) * 100 / (n // 4 + 1)
        bands.append(f"{s} when share {s} >= {pct:.4f}%")
    return bands + ["yellow otherwise"]


def atom(rng):
    s = rng.choice(STATUSES)
    if rng.random() < 0.5:
        return f"count {s} {rng.choice(OPS)} {rng.randrange(13)}"
    return f"share {s} {rng.choice(OPS)} {rng.choice(SHARES)}"


def random_bands(n, seed=7):
    """Random bands of two or three atoms over four statuses (and, or, not)."""
    rng = random.Random(seed)
    bands = []
    for _ in range(n):
        parts = [atom(rng) for _ in range(rng.choice([1, 2, 3]))]
        cond = f" {rng.choice(['and', 'or'])} ".join(parts)
        if rng.random() < 0.2:
            cond = f"not ({cond})"
        bands.append(f"{rng.choice(STATUSES)} when {cond}")
    return bands + ["yellow otherwise"]


def huge():
    return [
        "green when count green >= 100000000",
        "red when count red >= 100000000 and share red < 1%",
        "grey when count grey > 99999999 and count grey < 100000001",
        "yellow otherwise",
    ]


def majority():
    return ["grey when all grey", "green when share green >= 50%",
            "red when share red > 50%", "yellow otherwise"]


def run_once(cmd, limit):
    """Wall time and output of one run; `None` when it takes longer than `limit` seconds."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        out, _ = proc.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return None, ""
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed with exit code {proc.returncode}")
    return elapsed, out.decode()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pejl", default=os.path.join(ROOT, "target", "release", "pejl"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bands", default="10,100,1000")
    parser.add_argument("--limit", type=float, default=60, help="seconds before a run is stopped")
    args = parser.parse_args()
    if not os.path.exists(args.pejl):
        sys.exit(f"{args.pejl} not found: run `cargo build --release` first")
    out = os.path.join(HERE, "out")
    os.makedirs(out, exist_ok=True)
    cases = [("majority (Dorotea)", majority())]
    for n in (int(s) for s in args.bands.split(",")):
        cases += [(f"count ladder, {n} bands", count_ladder(n)),
                  (f"share ladder, {n} bands", share_ladder(n)),
                  (f"random, {n} bands", random_bands(n))]
    cases.append(("huge counts (10^8)", huge()))
    print(f"`pejl check`, {args.runs} runs each, on {os.cpu_count()} cores\n")
    print("| rollup | median | best | diagnostics |")
    print("|---|---:|---:|---|")
    for name, bands in cases:
        path = os.path.join(out, "rollup_" + "".join(c if c.isalnum() else "_" for c in name) + ".pejl")
        with open(path, "w") as f:
            f.write(HEAD + 'rollup m "M" {\n' + "".join(f"  {b}\n" for b in bands) + "}\n")
        cmd = [args.pejl, "check", "--format", "json", path]
        first, text = run_once(cmd, args.limit)
        if first is None:
            print(f"| {name} | > {args.limit:.0f} s | | (stopped) |", flush=True)
            continue
        times = [run_once(cmd, args.limit)[0] for _ in range(args.runs)]
        codes = {}
        for code in ("P0308", "P0309", "P0311"):
            if text.count(code):
                codes[code] = text.count(f'"{code}"')
        summary = ", ".join(f"{c} ×{n}" for c, n in codes.items()) or "none"
        print(f"| {name} | {statistics.median(times) * 1000:.1f} ms | {min(times) * 1000:.1f} ms"
              f" | {summary} |", flush=True)


if __name__ == "__main__":
    main()
