// Finding the server (out/server.js, compiled from src/server.ts) under plain Node:
//   npm run compile && npm run test:unit

import { after, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { bundledServer, findServer, platformName } from "../../out/server.js";

const unix = process.platform !== "win32";
const exe = unix ? "pejl-lsp" : "pejl-lsp.exe";

const made = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** An unpacked extension with the given platforms' servers, and an empty PATH. */
function extension(platforms, mode = 0o755) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-extension-"));
  made.push(root);
  for (const platform of platforms) {
    const file = path.join(root, "server", platform, exe);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "#!/bin/sh\n");
    fs.chmodSync(file, mode);
  }
  return root;
}

function withPath(dirs, body) {
  const saved = process.env.PATH;
  process.env.PATH = dirs.join(path.delimiter);
  try {
    return body();
  } finally {
    process.env.PATH = saved;
  }
}

test("an empty setting starts the server inside the extension", () => {
  const root = extension([platformName()]);
  const found = withPath([], () => findServer("", root));
  assert.deepEqual(found, { command: bundledServer(root) });
  assert.equal(bundledServer(root), path.join(root, "server", platformName(), exe));
});

test("a bundled server that lost its executable bit is made executable", { skip: !unix }, () => {
  const root = extension([platformName()], 0o644);
  const found = withPath([], () => findServer("  ", root));
  assert.deepEqual(found, { command: bundledServer(root) });
  assert.ok(fs.statSync(bundledServer(root)).mode & 0o100);
});

test("the setting wins over the bundled server, and a missing one says what to do", () => {
  const root = extension([platformName()]);
  const other = extension([platformName()]);
  const chosen = bundledServer(other);
  assert.deepEqual(findServer(chosen, root), { command: chosen });
  const missing = path.join(other, "nowhere", exe);
  const found = findServer(missing, root);
  assert.ok("problem" in found);
  assert.match(found.problem, /Pejl › Server: Path/);
  assert.ok(found.problem.includes(missing));
  assert.match(found.problem, /empty it to use the server that comes with the pejl extension/);
  assert.doesNotMatch(found.problem, /rust|cargo/i);
});

test("an extension made for another platform says which one to install", () => {
  const root = extension(["plan9-mips"]);
  const found = withPath([], () => findServer("", root));
  assert.ok("problem" in found);
  assert.match(found.problem, /made for plan9-mips/);
  assert.ok(found.problem.includes(`pejl-${platformName()}.vsix`));
  assert.match(found.problem, /Install from VSIX/);
  assert.doesNotMatch(found.problem, /rust|cargo/i);
});

test("a copy without a server inside uses pejl-lsp from PATH, or says there is none", () => {
  const root = extension([]);
  const bin = extension([platformName()]);
  const dir = path.dirname(bundledServer(bin));
  assert.deepEqual(withPath([dir], () => findServer("", root)), { command: path.join(dir, exe) });
  const found = withPath([], () => findServer("", root));
  assert.ok("problem" in found);
  assert.match(found.problem, /no language server inside/);
});
