// The extension's own texts in English, Swedish and Danish: package.nls*.json (the manifest's
// %key%s) and l10n/bundle.l10n.*.json (the notices of src/*.ts, keyed by their English text).
//   npm run compile && npm run test:unit

import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { english, findServer } from "../../out/server.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const json = (file) => JSON.parse(fs.readFileSync(path.join(root, file), "utf8"));
const placeholders = (text) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

test("every %key% of package.json is in package.nls.json, .sv and .da, and no other key", () => {
  const manifest = fs.readFileSync(path.join(root, "package.json"), "utf8");
  const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
  assert.ok(used.has("configuration.language") && used.has("description"));
  for (const file of ["package.nls.json", "package.nls.sv.json", "package.nls.da.json"]) {
    const nls = json(file);
    assert.deepEqual(Object.keys(nls).sort(), [...used].sort(), file);
    for (const [key, text] of Object.entries(nls)) assert.ok(text.trim(), `${file}: ${key}`);
  }
  assert.equal(json("package.json").l10n, "./l10n");
  const language = json("package.json").contributes.configuration.properties["pejl.language"];
  assert.deepEqual(language.enum, ["", "sv", "da", "en"]);
  assert.equal(language.default, "");
});

test("the Swedish and Danish bundles translate the same messages, with the same {0}, {1}…", () => {
  const sv = json("l10n/bundle.l10n.sv.json");
  const da = json("l10n/bundle.l10n.da.json");
  assert.deepEqual(Object.keys(sv).sort(), Object.keys(da).sort());
  for (const [bundle, name] of [[sv, "sv"], [da, "da"]]) {
    for (const [key, text] of Object.entries(bundle)) {
      assert.deepEqual([...new Set(placeholders(text))], [...new Set(placeholders(key))], `${name}: ${key}`);
      assert.notEqual(text, key, `${name}: not translated: ${key}`);
    }
  }
});

test("every notice findServer gives is in the bundles, and English stays as it was", () => {
  const sv = json("l10n/bundle.l10n.sv.json");
  const asked = [];
  const record = (message, ...args) => {
    asked.push(message);
    return english(message, ...args);
  };
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-l10n-"));
  const other = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-l10n-"));
  fs.mkdirSync(path.join(other, "server", "plan9-mips"), { recursive: true });
  fs.writeFileSync(path.join(other, "server", "plan9-mips", "pejl-lsp"), "");
  const saved = process.env.PATH;
  process.env.PATH = "";
  try {
    const a = findServer(path.join(empty, "nowhere", "pejl-lsp"), empty, record);
    const b = findServer("", empty, record);
    const c = findServer("", other, record);
    assert.equal(asked.length, 3);
    for (const found of [a, b, c]) assert.ok("problem" in found);
    assert.deepEqual([a, b, c], [
      findServer(path.join(empty, "nowhere", "pejl-lsp"), empty),
      findServer("", empty),
      findServer("", other),
    ]);
    assert.match(b.problem, /^This copy of the pejl extension has no language server inside, so pejl files/);
    assert.match(c.problem, /^This copy of the pejl extension is made for plan9-mips, but this computer is /);
  } finally {
    process.env.PATH = saved;
    fs.rmSync(empty, { recursive: true, force: true });
    fs.rmSync(other, { recursive: true, force: true });
  }
  for (const message of asked) assert.ok(message in sv, `not in the bundles: ${message}`);
  const swedish = findServer("/nowhere/pejl-lsp", "/nowhere", (m, ...args) => english(sv[m] ?? m, ...args));
  assert.match(swedish.problem, /^pejls språkserver i inställningen "Pejl › Server: Path" \(\/nowhere\/pejl-lsp\) hittades inte/);
});

test("the notices of extension.ts are in the bundles", () => {
  const sv = json("l10n/bundle.l10n.sv.json");
  const source = fs.readFileSync(path.join(root, "src", "extension.ts"), "utf8");
  // t("…" + "…", …): the literal pieces of each call, joined.
  const calls = [...source.matchAll(/\bt\(\s*((?:(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\s*\+?\s*)+)/g)];
  assert.ok(calls.length >= 3, `${calls.length} calls`);
  for (const [, pieces] of calls) {
    const message = [...pieces.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g)]
      .map((m) => (m[1] ?? m[2]).replace(/\\(.)/g, "$1"))
      .join("");
    assert.ok(message in sv, `not in the bundles: ${message}`);
  }
});
