#!/usr/bin/env python3
"""Latency of the language server on a large policy: opens the policy (default: the
10,000-goal benchmark policy), sends single-character edits and times each `didChange`
until the `publishDiagnostics` for that version, then times hover, completion and
definition requests. A benchmark, not a test: it prints figures and never fails on them.

    cargo build --release -p pejl-lsp && python3 bench/lsp_latency.py [--goals 10000] [--edits 100]

Edits are typed the way a person types: ten places in the file (in titles, IDs and
statements), ten characters typed at each, one `didChange` per character (a ranged change, as
VS Code sends with the incremental sync the server advertises; `--full` sends the whole text),
each waiting for its diagnostics. Then a burst: `--burst` characters sent without waiting (faster
than anyone types), timed until the diagnostics of the last one, counting how many versions were
published (the server analyses a burst once it has applied every edit that arrived).
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import queue
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


class Client:
    def __init__(self, server, log=None):
        stderr = open(log, "w") if log else subprocess.DEVNULL
        self.proc = subprocess.Popen([server], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr)
        self.messages = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = out.read(length)
            self.messages.put((time.perf_counter(), json.loads(body)))

    def send_bytes(self, body):
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    @staticmethod
    def encode(message):
        return json.dumps(message, ensure_ascii=False).encode()

    def notify(self, method, params):
        self.send_bytes(self.encode({"jsonrpc": "2.0", "method": method, "params": params}))

    def request(self, method, params):
        """Sends a request; returns (seconds until the response, result)."""
        rid = self.next_id
        self.next_id += 1
        body = self.encode({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        start = time.perf_counter()
        self.send_bytes(body)
        while True:
            at, message = self.messages.get(timeout=60)
            if message.get("id") == rid and "method" not in message:
                return at - start, message.get("result")

    def wait_diagnostics(self, uri, version, start):
        while True:
            at, message = self.messages.get(timeout=120)
            if message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                if params["uri"] == uri and params.get("version") == version:
                    return at - start, params["diagnostics"]


def percentile(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def report(name, seconds):
    ms = [s * 1000 for s in seconds]
    print(f"{name:<28} n={len(ms):<4} p50 {percentile(ms, 50):7.2f} ms   p95 {percentile(ms, 95):7.2f} ms   "
          f"max {max(ms):7.2f} ms")
    return percentile(ms, 50), percentile(ms, 95)


def change(text, offset, inserted, full):
    """The `didChange` content change that inserted `inserted` at `offset` of the old text."""
    if full:
        return {"text": text}
    position = utf16_position(text, offset)
    return {"range": {"start": position, "end": position}, "text": inserted}


def utf16_position(text, offset):
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    column = sum(2 if ord(c) > 0xFFFF else 1 for c in text[start:offset])
    return {"line": line, "character": column}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default=os.path.join(ROOT, "target", "release", "pejl-lsp"))
    parser.add_argument("--policy", help="a policy file (default: generated with bench/gen_policy.py)")
    parser.add_argument("--goals", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--full", action="store_true", help="send the whole text with each change (full sync)")
    parser.add_argument("--burst", type=int, default=50)
    parser.add_argument("--server-log", help="write the server's log here (with PEJL_LSP_TIMING=1: time per analysis)")
    args = parser.parse_args()
    if not os.path.exists(args.server):
        sys.exit(f"{args.server} not found: run `cargo build --release -p pejl-lsp` first")
    policy = args.policy
    if not policy:
        policy = os.path.join(HERE, "out", f"p{args.goals}.pejl")
        if not os.path.exists(policy):
            os.makedirs(os.path.dirname(policy), exist_ok=True)
            subprocess.run([sys.executable, os.path.join(HERE, "gen_policy.py"), "--goals", str(args.goals), "-o", policy],
                           check=True)
    policy = os.path.abspath(policy)
    text = open(policy, encoding="utf-8").read()
    uri = "file://" + policy
    rnd = random.Random(args.seed)
    print(f"policy: {policy} ({len(text) / 1e6:.1f} MB, {text.count(chr(10))} lines)")
    print(f"machine: {os.cpu_count()} cores, load average before {os.getloadavg()[0]:.2f}")

    client = Client(args.server, args.server_log)
    client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    client.notify("initialized", {})
    start = time.perf_counter()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "pejl", "version": 0, "text": text}})
    took, diags = client.wait_diagnostics(uri, 0, start)
    print(f"didOpen → diagnostics: {took * 1000:.0f} ms ({len(diags)} diagnostics)")

    # Typing: ten places, ten characters each.
    latencies = []
    counts = []
    version = 0
    while len(latencies) < args.edits:
        line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        line = rnd.randrange(len(line_starts) - 1)
        cursor = rnd.randint(line_starts[line], line_starts[line + 1] - 1)
        for ch in "abcdefghij"[: min(10, args.edits - len(latencies))]:
            text = text[:cursor] + ch + text[cursor:]
            cursor += 1
            version += 1
            body = client.encode({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [change(text, cursor - 1, ch, args.full)]}})
            start = time.perf_counter()
            client.send_bytes(body)
            took, diags = client.wait_diagnostics(uri, version, start)
            latencies.append(took)
            counts.append(len(diags))
    print(f"edits: {len(latencies)} single characters at {len(latencies) // 10} places; "
          f"diagnostics per publish: min {min(counts)}, max {max(counts)}")
    diag_p50, diag_p95 = report("didChange → diagnostics", latencies)

    # A burst: characters sent without waiting.
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    line = rnd.randrange(len(line_starts) - 1)
    cursor = rnd.randint(line_starts[line], line_starts[line + 1] - 1)
    first = version + 1
    start = time.perf_counter()
    for i in range(args.burst):
        ch = "abcdefghij"[i % 10]
        text = text[:cursor] + ch + text[cursor:]
        cursor += 1
        version += 1
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                 "contentChanges": [change(text, cursor - 1, ch, args.full)]})
    published = 0
    while True:
        at, message = client.messages.get(timeout=120)
        if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
            published += 1
            if message["params"].get("version") == version:
                break
    print(f"burst of {args.burst} edits (versions {first}–{version}) → diagnostics of the last: "
          f"{(at - start) * 1000:.0f} ms, {published} versions published")

    # Requests on the final text: positions of goal references (`under X`).
    refs = [m.end() for m in re.finditer(r"(?m)^[ \t]+under (?=\S)", text)]
    refs = [r for r in refs if r < len(text)]
    rnd.shuffle(refs)
    refs = refs[: args.requests]
    hover, definition, completion = [], [], []
    for offset in refs:
        position = utf16_position(text, offset + 1)
        took, result = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": position})
        hover.append(took)
        took, result = client.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": position})
        definition.append(took)
        took, result = client.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": utf16_position(text, offset)})
        completion.append(took)
    hover_p = report("hover", hover)
    definition_p = report("definition", definition)
    completion_p = report("completion (after `under`)", completion)
    print(f"load average after {os.getloadavg()[0]:.2f}")
    client.request("shutdown", None)
    client.notify("exit", None)
    client.proc.wait(timeout=10)
    targets = [("diagnostics p95 < 50 ms", diag_p95 < 50), ("hover p95 < 10 ms", hover_p[1] < 10),
               ("definition p95 < 10 ms", definition_p[1] < 10), ("completion p95 < 10 ms", completion_p[1] < 10)]
    for name, met in targets:
        print(f"target {name}: {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
