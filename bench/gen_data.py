#!/usr/bin/env python3
"""Writes measured data for a generated policy: every indicator, several years of outcomes
(and a forecast for the last year), in the pejl CSV format that `pejl report --data` reads.
Values fit each indicator's unit; a few are missing, each with a motivation (the rules of
bench/gen_policy.py require one for grey). Deterministic for a given seed.

    python3 bench/gen_policy.py --goals 100000 -o bench/out/p100k.pejl
    python3 bench/gen_data.py bench/out/p100k.pejl --years 2016..2025 -o bench/out/d100k.csv
    pejl report bench/out/p100k.pejl --data bench/out/d100k.csv --year 2025 --report annual --format json -o /dev/null
"""

import argparse
import random
import re

INDICATOR = re.compile(r"^indicator\s+(\S+)\s")
UNIT = re.compile(r"^\s*unit\s+(\w+)")
BENCHMARK = re.compile(r"^\s*benchmark\s")


def indicators(path: str):
    """(id, unit, has benchmark) for every indicator declared in the policy file."""
    found = []
    current = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = INDICATOR.match(line)
            if m:
                current = [m.group(1), None, False]
                found.append(current)
                continue
            if current is None:
                continue
            if line.startswith("}"):
                current = None
            elif (u := UNIT.match(line)):
                current[1] = u.group(1)
            elif BENCHMARK.match(line):
                current[2] = True
    return found


def value(rnd: random.Random, unit: str, level: float) -> str:
    if unit == "percent":
        return f"{min(100.0, max(0.0, level + rnd.uniform(-6, 6))):.1f}"
    if unit in ("count", "rank"):
        return str(max(0, round(level + rnd.uniform(-20, 20))))
    return f"{max(0.0, level + rnd.uniform(-5, 5)):.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("policy")
    parser.add_argument("--years", default="2016..2025", help="first..last year")
    parser.add_argument("--missing", type=float, default=0.01, help="share of missing values")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    first, last = (int(y) for y in args.years.split(".."))
    rnd = random.Random(args.seed)
    rows = 0
    with open(args.output, "w", encoding="utf-8", newline="") as out:
        out.write("indicator,period,value,benchmark,kind,motivation\n")
        for ident, unit, has_benchmark in indicators(args.policy):
            unit = unit or "index"
            level = {"percent": 50.0, "count": 250.0}.get(unit, 60.0)
            kinds = [(y, "actual") for y in range(first, last + 1)] + [(last, "forecast")]
            for year, kind in kinds:
                bench = value(rnd, unit, level) if has_benchmark else ""
                if unit in ("count", "rank") and bench:
                    bench = f"{float(bench) + 0.5:.1f}"  # an average need not be whole
                if rnd.random() < args.missing:
                    out.write(f'{ident},{year},,{bench},{kind},"Uppgiften saknas för {year}."\n')
                else:
                    out.write(f"{ident},{year},{value(rnd, unit, level)},{bench},{kind},\n")
                rows += 1
    print(f"{rows} rows for {args.output}")


if __name__ == "__main__":
    main()
