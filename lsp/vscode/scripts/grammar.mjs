// The TextMate grammar's keywords come from the one keyword table, src/syntax/keywords.rs: every
// `{{owner|parent}}` in scripts/pejl.tmLanguage.template.json becomes a group of every spelling
// the language accepts for those keywords (English, Swedish, Danish and the in-place spellings
// such as `senast`), `{{*}}` every keyword, `{{*other}}` every keyword that the template's other
// `keywords` patterns do not name. Writes syntaxes/pejl.tmLanguage.json:
//   node scripts/grammar.mjs          (tests/unit/grammar.test.mjs checks the file is current)
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const paths = {
  table: path.resolve(here, "../../../src/syntax/keywords.rs"),
  template: path.resolve(here, "pejl.tmLanguage.template.json"),
  grammar: path.resolve(here, "../syntaxes/pejl.tmLanguage.json"),
};

/** The table's rows: `{ en, sv, da, inPlace: [words] }`, in the table's order. */
export function readTable(source) {
  const table = source.slice(source.indexOf("pub const TABLE"), source.indexOf("];", source.indexOf("pub const TABLE")));
  const rows = [...table.matchAll(/kw\(\s*"([^"]*)"\s*,\s*"([^"]*)"\s*,\s*"([^"]*)"\s*\)/g)].map(
    ([, en, sv, da]) => ({ en, sv, da, inPlace: [] }),
  );
  const start = source.indexOf("pub const IN_PLACE");
  const inPlace = start < 0 ? "" : source.slice(start, source.indexOf("];", start));
  for (const [, en, , sv, da] of inPlace.matchAll(
    /InPlace\s*\{\s*en:\s*"([^"]*)",\s*statement:\s*"([^"]*)",\s*sv:\s*"([^"]*)",\s*da:\s*"([^"]*)",?\s*\}/g,
  )) {
    const row = rows.find((r) => r.en === en);
    if (!row) throw new Error(`IN_PLACE names ${en}, which is not in the table`);
    row.inPlace.push(sv, da);
  }
  if (rows.length === 0) throw new Error("no kw(…) rows found in the keyword table");
  return rows;
}

/** Every spelling of a row, once each. */
export function spellings(row) {
  return [...new Set([row.en, row.sv, row.da, ...row.inPlace])];
}

const escape = (word) => word.replace(/[-\\^$.*+?()[\]{}|\/]/g, "\\$&");

/** `(?:…)` of every spelling of the named keywords, longest first. */
function group(rows, names) {
  const words = new Set();
  for (const name of names) {
    const row = rows.find((r) => r.en === name);
    if (!row) throw new Error(`the grammar template names \`${name}\`, which is not in the keyword table`);
    spellings(row).forEach((w) => words.add(w));
  }
  const sorted = [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  return `(?:${sorted.map(escape).join("|")})`;
}

const PLACEHOLDER = /\{\{([^{}]+)\}\}/g;

/** The grammar (as text) from the template (as text) and the table's rows. */
export function generate(templateText, rows) {
  const template = JSON.parse(templateText);
  // The keywords the `keywords` patterns name by themselves; `*other` is the rest.
  const named = new Set();
  for (const p of template.repository.keywords.patterns) {
    for (const [, inner] of (p.match ?? "").matchAll(PLACEHOLDER)) {
      if (!inner.startsWith("*")) inner.split("|").forEach((n) => named.add(n));
    }
  }
  const expand = (regex) =>
    regex.replace(PLACEHOLDER, (_, inner) => {
      if (inner === "*") return group(rows, rows.map((r) => r.en));
      if (inner === "*other") return group(rows, rows.map((r) => r.en).filter((n) => !named.has(n)));
      return group(rows, inner.split("|"));
    });
  const walk = (node) => {
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === "object") {
      return Object.fromEntries(
        Object.entries(node).map(([k, v]) => [k, ["match", "begin", "end"].includes(k) && typeof v === "string" ? expand(v) : walk(v)]),
      );
    }
    return node;
  };
  return JSON.stringify(walk(template), null, 2) + "\n";
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = readTable(fs.readFileSync(paths.table, "utf8"));
  fs.writeFileSync(paths.grammar, generate(fs.readFileSync(paths.template, "utf8"), rows));
  console.log(`${path.relative(process.cwd(), paths.grammar)}: ${rows.length} keywords in three languages`);
}
