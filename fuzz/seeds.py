#!/usr/bin/env python3
"""Writes the generated seed inputs of the fuzz targets (run by run.sh; not committed):
two policies above 256 KiB (the two-thread parse), one whose middle byte lies inside `ö`;
for `reparse`, the examples with an edit; for `lsp_session`, the examples with operations;
for `lsp_framing`, a short session, a huge Content-Length and a JSON-RPC 1.0 message."""

import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
rnd = random.Random(3)


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


seeds = os.path.join(HERE, "seeds")
os.makedirs(seeds, exist_ok=True)
large = os.path.join(seeds, "large-1800.pejl")
subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_policy.py"), "--goals", "1800",
                "-o", large], check=True)
src = open(large, "rb").read()
k = src.find("ö".encode(), len(src) // 2)
pad = 2 * (k + 1) - len(src)  # the middle byte becomes the second byte of that ö
write(os.path.join(seeds, "large-middle-in-o.pejl"), src + b"\n//" + b"x" * max(pad - 3, 0))

inserts = [b"", b"\n", b"under ", b"  owner KS\n", "ö".encode(), "😀".encode(), b"}", b"{", b'"', b"\r"]
examples = sorted(f for f in os.listdir(os.path.join(ROOT, "examples")) if f.endswith(".pejl"))
for name in examples:
    old = open(os.path.join(ROOT, "examples", name), "rb").read()
    for j in range(3):
        edit = rnd.randrange(65536).to_bytes(2, "big") + bytes([rnd.randrange(16)]) + rnd.choice(inserts)
        write(os.path.join(HERE, "corpus", "reparse", f"{name}-{j}"), old + b"\0" + edit)
        ops = bytes(rnd.randrange(256) for _ in range(4 * rnd.randrange(3, 20)))
        write(os.path.join(HERE, "corpus", "lsp_session", f"{name}-{j}"), old + b"\0" + ops)


def frame(body):
    b = body.encode()
    return b"Content-Length: %d\r\n\r\n" % len(b) + b


init = '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
opened = ('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":'
          '"file:///k.pejl","languageId":"pejl","version":1,"text":"policy p \\"P\\" {}"}}}')
framing = os.path.join(HERE, "corpus", "lsp_framing")
write(os.path.join(framing, "session"), frame(init) + frame(opened) + frame('{"jsonrpc":"2.0","method":"exit"}'))
write(os.path.join(framing, "bad-length"), b"Content-Length: 99999999999\r\n\r\n{}" + frame(init))
write(os.path.join(framing, "old-version"), frame(init.replace("2.0", "1.0")))
