// Packages the extension for one platform with the language server inside:
// server/<target>/pejl-lsp (pejl-lsp.exe on Windows), then `vsce package --target <target>`.
// A policy officer installs the result and needs nothing else (no Rust, no PATH).
//
//   node scripts/package-platform.mjs --target linux-x64 --server ../../target/release/pejl-lsp [--out FILE]
//
// --target defaults to this machine's platform and --out to pejl-<target>.vsix. The server's
// file format and processor are checked against the target, so a linux-x64 server cannot end
// up in the darwin-arm64 package. The server/ folder is removed again afterwards.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// VS Code's platform names (process.platform-process.arch), with what the server must be.
const TARGETS = {
  "linux-x64": { format: "elf", machine: 0x3e },
  "linux-arm64": { format: "elf", machine: 0xb7 },
  "win32-x64": { format: "pe", machine: 0x8664 },
  "win32-arm64": { format: "pe", machine: 0xaa64 },
  "darwin-x64": { format: "macho", machine: 0x01000007 },
  "darwin-arm64": { format: "macho", machine: 0x0100000c },
};

function fail(message) {
  console.error(`package-platform: ${message}`);
  process.exit(2);
}

function parseArgs(argv) {
  const args = { target: `${process.platform}-${process.arch}` };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (!["--target", "--server", "--out"].includes(flag) || value === undefined) {
      fail(`usage: package-platform.mjs --target TARGET --server PEJL_LSP [--out FILE] (got ${flag})`);
    }
    args[flag.slice(2)] = value;
    i++;
  }
  if (!args.server) {
    fail("--server PEJL_LSP is required (for this machine: cargo build --release -p pejl-lsp)");
  }
  if (!TARGETS[args.target]) {
    fail(`unknown target ${args.target}; one of ${Object.keys(TARGETS).join(", ")}`);
  }
  args.out ??= `pejl-${args.target}.vsix`;
  return args;
}

/** The executable's format and processor, read from its header. */
function describe(file) {
  const head = Buffer.alloc(4096);
  const fd = fs.openSync(file, "r");
  const length = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  const bytes = head.subarray(0, length);
  if (bytes.length >= 20 && bytes.readUInt32BE(0) === 0x7f454c46) {
    const little = bytes[5] === 1;
    return { format: "elf", machine: little ? bytes.readUInt16LE(18) : bytes.readUInt16BE(18) };
  }
  if (bytes.length >= 8 && bytes.readUInt32LE(0) === 0xfeedfacf) {
    return { format: "macho", machine: bytes.readUInt32LE(4) };
  }
  if (bytes.length >= 0x40 && bytes.toString("latin1", 0, 2) === "MZ") {
    const pe = bytes.readUInt32LE(0x3c);
    if (pe + 6 <= bytes.length && bytes.toString("latin1", pe, pe + 4) === "PE\0\0") {
      return { format: "pe", machine: bytes.readUInt16LE(pe + 4) };
    }
  }
  return { format: "unknown", machine: 0 };
}

const args = parseArgs(process.argv.slice(2));
const server = path.resolve(args.server);
if (!fs.existsSync(server)) {
  fail(`no server at ${server}`);
}
const want = TARGETS[args.target];
const got = describe(server);
if (got.format !== want.format || got.machine !== want.machine) {
  fail(
    `${server} is not a ${args.target} program (${got.format}, machine 0x${got.machine.toString(16)}; ` +
      `expected ${want.format}, machine 0x${want.machine.toString(16)})`,
  );
}

const serverDir = path.join(root, "server");
fs.rmSync(serverDir, { recursive: true, force: true });
const bundled = path.join(serverDir, args.target, args.target.startsWith("win32-") ? "pejl-lsp.exe" : "pejl-lsp");
fs.mkdirSync(path.dirname(bundled), { recursive: true });
fs.copyFileSync(server, bundled);
fs.chmodSync(bundled, 0o755);

const require = createRequire(import.meta.url);
const vsce = path.join(path.dirname(require.resolve("@vscode/vsce/package.json")), "vsce");
let status = 1;
try {
  const run = spawnSync(
    process.execPath,
    [vsce, "package", "--target", args.target, "--allow-missing-repository", "--skip-license", "--out", args.out],
    { cwd: root, stdio: "inherit" },
  );
  status = run.status ?? 1;
} finally {
  fs.rmSync(serverDir, { recursive: true, force: true });
}
if (status === 0) {
  console.log(`package-platform: ${path.resolve(root, args.out)} (${args.target}, server ${server})`);
}
process.exit(status);
