// The TextMate grammar against the one keyword table (src/syntax/keywords.rs):
//   npm run test:unit        (after a change to the table or the template: npm run grammar)

import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { generate, paths, readTable, spellings } from "../../scripts/grammar.mjs";

const rows = readTable(fs.readFileSync(paths.table, "utf8"));
const grammarText = fs.readFileSync(paths.grammar, "utf8");
const grammar = JSON.parse(grammarText);

test("the keyword table is read: every row, in three languages", () => {
  assert.ok(rows.length >= 90, `${rows.length} rows`);
  const owner = rows.find((r) => r.en === "owner");
  assert.deepEqual(owner && [owner.en, owner.sv, owner.da], ["owner", "ansvarig", "ansvarlig"]);
  const by = rows.find((r) => r.en === "by");
  assert.deepEqual(by && spellings(by), ["by", "av", "af", "senast", "senest"]);
});

test("syntaxes/pejl.tmLanguage.json is generated from the table (run `npm run grammar`)", () => {
  const expected = generate(fs.readFileSync(paths.template, "utf8"), rows);
  assert.ok(grammarText === expected, "the grammar is out of date with src/syntax/keywords.rs or the template: run `npm run grammar`");
});

test("the generic keyword patterns colour every spelling of every keyword, and nothing else", () => {
  const words = new Set();
  for (const p of grammar.repository.keywords.patterns) {
    const group = /^\(\?<!\[[^\]]*\]\)\(\?:([^()]*)\)\(\?!/.exec(p.match);
    if (!group) continue; // the comparison operators
    for (const w of group[1].split("|")) words.add(w.replace(/\\(.)/g, "$1"));
  }
  const table = new Set(rows.flatMap(spellings));
  const missing = [...table].filter((w) => !words.has(w));
  const extra = [...words].filter((w) => !table.has(w));
  assert.deepEqual(missing, [], "spellings of the table that the grammar does not highlight");
  assert.deepEqual(extra, [], "words the grammar highlights as keywords that the table does not have");
  for (const w of ["målkedja", "följs", "upp", "senast", "opfølgning", "sammenligningsgrundlag", "år", "præcis"]) {
    assert.ok(words.has(w), w);
  }
});

test("a goal's level is never a keyword of any language", () => {
  const header = new RegExp(grammar.repository["goal-header"].match.replace("\\x{FEFF}", "\\uFEFF").replaceAll("\\-", "-"), "u");
  assert.ok(header.test('operational nki "Nöjdhet"'));
  for (const w of rows.flatMap(spellings)) assert.ok(!header.test(`${w} x "title"`), w);
});
