// End-to-end test of the pejl extension in a real VS Code: code-server (VS Code for the web)
// driven by headless Chromium. Installs the platform .vsix (the language server inside) as a
// policy officer would, with no pejl-lsp on PATH and no pejl.server.path setting; opens a
// policy with an error, checks that the error is in the Problems panel with its code and that
// the server running is the one from the .vsix, fixes the error by typing, and checks that it
// disappears; then sets pejl.server.path to a missing program and checks the notice (plain
// words, no Rust). Then, in the same VS Code, the second scenario: `pejl.language` set to `sv`
// in the user settings.json, a policy with Swedish keywords (dorotea.pejl) whose owner does not
// exist, and the Problems panel shows the server's Swedish message. Screenshots go to ARTIFACTS.
//
//   CODE_SERVER=…/bin/code-server VSIX=…/pejl-linux-x64.vsix ARTIFACTS=dir node run.mjs

import { chromium } from "playwright-core";
import { spawn, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const need = (name) => {
  const value = process.env[name];
  if (!value) {
    console.error(`run.mjs: set ${name}`);
    process.exit(2);
  }
  return path.resolve(value);
};
const codeServer = need("CODE_SERVER");
const vsix = need("VSIX");
const artifacts = need("ARTIFACTS");
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const fixture = path.resolve(here, "../../test-fixtures/e2e");

const work = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-vscode-e2e-"));
const folder = path.join(work, "policy");
const userData = path.join(work, "user-data");
const extensions = path.join(work, "extensions");
fs.mkdirSync(artifacts, { recursive: true });
fs.cpSync(fixture, folder, { recursive: true });
fs.mkdirSync(path.join(userData, "User"), { recursive: true });
const userSettings = {
  "pejl.trace.server": "messages",
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "chat.disableAIFeatures": true,
  "editor.minimap.enabled": false,
  // The second scenario types settings.json in the editor: no brackets or quotes added to it.
  "editor.autoClosingBrackets": "never",
  "editor.autoClosingQuotes": "never",
  "editor.autoIndent": "none",
  "editor.formatOnType": false,
};
fs.writeFileSync(path.join(userData, "User", "settings.json"), JSON.stringify(userSettings, null, 2));

// The test stands for a machine without Rust: nothing called pejl-lsp on PATH.
for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter((d) => d)) {
  if (fs.existsSync(path.join(dir, "pejl-lsp"))) {
    console.error(`run.mjs: PATH has ${path.join(dir, "pejl-lsp")}; the test needs a PATH without pejl-lsp`);
    process.exit(2);
  }
}

/** The programs called pejl-lsp now running (Linux: /proc/PID/exe). */
function runningServers() {
  const found = [];
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const exe = fs.readlinkSync(`/proc/${pid}/exe`);
      if (path.basename(exe) === "pejl-lsp") {
        found.push(exe);
      }
    } catch {
      // gone, or not ours
    }
  }
  return found;
}

const env = {
  ...process.env,
  XDG_CONFIG_HOME: path.join(work, "config"),
  XDG_DATA_HOME: path.join(work, "data"),
  XDG_CACHE_HOME: path.join(work, "cache"),
};

const log = (...args) => console.log(`[e2e ${new Date().toISOString().slice(11, 19)}]`, ...args);

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, deadline) {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) {
        return;
      }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer ${url}`);
}

let codeServerProcess;
let browser;
let failed = false;
let passed = 0;
try {
  log("installing", vsix);
  execFileSync(codeServer, ["--extensions-dir", extensions, "--user-data-dir", userData, "--install-extension", vsix], {
    env,
    stdio: "inherit",
  });
  const port = await freePort();
  log("starting code-server on port", port);
  codeServerProcess = spawn(
    codeServer,
    [
      "--bind-addr", `127.0.0.1:${port}`,
      "--auth", "none",
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--user-data-dir", userData,
      "--extensions-dir", extensions,
      folder,
    ],
    { env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  const serverLog = fs.createWriteStream(path.join(artifacts, "code-server.log"));
  codeServerProcess.stdout.pipe(serverLog);
  codeServerProcess.stderr.pipe(serverLog);
  await waitForHealth(`http://127.0.0.1:${port}/healthz`, Date.now() + 60_000);

  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector(".monaco-workbench");
  log("workbench loaded");

  // Open the policy from the explorer.
  const item = page.locator(".explorer-folders-view .monaco-list-row", { hasText: "kommun.pejl" });
  await item.first().click();
  await page.waitForSelector(".monaco-editor .view-lines");
  log("policy opened; waiting for the error squiggle");
  await page.waitForSelector(".monaco-editor .squiggly-error", { timeout: 90_000 });

  // The Problems panel: the error with its code.
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+Shift+M");
  const row = page.locator(".markers-panel .monaco-list-row");
  await row.first().waitFor();
  const labels = await row.evaluateAll((rows) => rows.map((r) => r.getAttribute("aria-label") ?? r.textContent ?? ""));
  const texts = await row.evaluateAll((rows) => rows.map((r) => r.textContent ?? ""));
  log("problems:", JSON.stringify(labels), JSON.stringify(texts));
  const all = labels.join("\n") + "\n" + texts.join("\n");
  if (!all.includes("the owner `BUM` does not exist")) {
    throw new Error(`the Problems panel does not show the error: ${all}`);
  }
  if (!all.includes("P0101")) {
    throw new Error(`the Problems panel does not show the code P0101: ${all}`);
  }
  await page.screenshot({ path: path.join(artifacts, "vscode-e2e-error.png") });
  const servers = runningServers();
  log("pejl-lsp running:", JSON.stringify(servers));
  const bundled = servers.filter((exe) => exe.startsWith(fs.realpathSync(extensions) + path.sep) &&
    exe.endsWith(path.join("server", "linux-x64", "pejl-lsp")));
  if (bundled.length === 0) {
    throw new Error(`the running pejl-lsp is not the one inside the .vsix: ${JSON.stringify(servers)}`);
  }
  log("error shown with its code, from the bundled server; fixing it by typing");

  // Fix it: go to the misspelt owner, select it, type the right one.
  const source = fs.readFileSync(path.join(folder, "kommun.pejl"), "utf8").split("\n");
  const line = source.findIndex((l) => l.includes("owner BUM")) + 1;
  const column = source[line - 1].indexOf("BUM") + 1;
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+G");
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Shift+End");
  await page.keyboard.type("BUN");

  await page.waitForFunction(() => document.querySelectorAll(".monaco-editor .squiggly-error").length === 0, null, {
    timeout: 60_000,
  });
  await page.waitForFunction(
    () => !Array.from(document.querySelectorAll(".markers-panel .monaco-list-row")).some((r) =>
      (r.getAttribute("aria-label") ?? "").includes("BUM")),
    null,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(artifacts, "vscode-e2e-fixed.png") });
  log("the error disappeared after the fix");

  // A setting that names a missing server: the notice says what to do, in plain words.
  // Set it as a person would, in the Settings editor.
  await page.keyboard.press("Escape");
  await page.keyboard.press("F1");
  await page.keyboard.type("Preferences: Open User Settings");
  await page.locator(".quick-input-list .monaco-list-row", { hasText: /^Preferences: Open User Settings$/ }).first().click();
  await page.waitForSelector(".settings-editor");
  await page.keyboard.type("pejl.server.path");
  const missing = path.join(work, "nowhere", "pejl-lsp");
  const input = page.locator(".settings-editor .setting-item-contents", { hasText: "Server: Path" }).locator("input").first();
  await input.fill(missing);
  await input.press("Tab");
  const toast = page.locator(".notifications-toasts .notification-toast", { hasText: "pejl language server" });
  await toast.first().waitFor({ timeout: 60_000 });
  const notice = (await toast.first().locator(".notification-list-item-message").innerText()) ?? "";
  log("notice:", JSON.stringify(notice));
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(artifacts, "vscode-e2e-server-missing.png") });
  if (!notice.includes("Server: Path") || !notice.includes(missing) || !notice.includes("comes with the pejl extension")) {
    throw new Error(`the notice does not say what to do: ${notice}`);
  }
  if (/rust|cargo/i.test(notice)) {
    throw new Error(`the notice tells a policy officer to install Rust: ${notice}`);
  }
  passed += 1;
  log("scenario 1 (English) passed");

  // Scenario 2: Swedish. The user settings.json, edited as a person would (Preferences: Open
  // User Settings (JSON)): pejl.language "sv", and the server path emptied again (the bundled
  // server). The extension restarts the server.
  const settingsFile = path.join(userData, "User", "settings.json");
  const settings = { ...userSettings, "pejl.language": "sv" };
  await page.keyboard.press("Escape");
  await page.keyboard.press("F1");
  await page.keyboard.type("Preferences: Open User Settings (JSON)");
  await page.locator(".quick-input-list .monaco-list-row", { hasText: "Preferences: Open User Settings (JSON)" }).first().waitFor();
  await page.keyboard.press("Enter");
  await page.locator(".monaco-editor.focused").first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1000);
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(JSON.stringify(settings));
  await page.keyboard.press("Control+S");
  const parsed = () => {
    try {
      return JSON.parse(fs.readFileSync(settingsFile, "utf8"))["pejl.language"] === "sv";
    } catch {
      return false;
    }
  };
  const saved = Date.now() + 30_000;
  while (!parsed()) {
    if (Date.now() > saved) {
      throw new Error(`settings.json was not saved with pejl.language: ${fs.readFileSync(settingsFile, "utf8")}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  log("settings.json saved with pejl.language sv; opening dorotea.pejl");
  await page.keyboard.press("Control+W");
  await page.waitForTimeout(500);
  const swedishItem = page.locator(".explorer-folders-view .monaco-list-row", { hasText: "dorotea.pejl" });
  await swedishItem.first().click();
  await page.waitForSelector(".monaco-editor .squiggly-error", { timeout: 90_000 });
  if (!(await page.locator(".markers-panel").first().isVisible().catch(() => false))) {
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+Shift+M");
  }
  const swedish = "den ansvariga nämnden `KSS` finns inte";
  try {
    await page.waitForFunction(
      (text) => Array.from(document.querySelectorAll(".markers-panel .monaco-list-row")).some((r) =>
        ((r.getAttribute("aria-label") ?? "") + "\n" + (r.textContent ?? "")).includes(text)),
      swedish,
      { timeout: 90_000 },
    );
  } finally {
    const rows = await page.locator(".markers-panel .monaco-list-row").evaluateAll((rs) =>
      rs.map((r) => r.getAttribute("aria-label") ?? r.textContent ?? ""));
    log("problems (sv):", JSON.stringify(rows));
  }
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(artifacts, "vscode-e2e-swedish.png") });
  passed += 1;
  log("scenario 2 (Swedish) passed: the Problems panel shows", JSON.stringify(swedish));
  console.log(`${passed} passed, 0 failed`);
} catch (error) {
  failed = true;
  console.error("E2E FAILED:", error);
  try {
    const pages = browser?.contexts().flatMap((c) => c.pages()) ?? [];
    if (pages[0]) {
      await pages[0].screenshot({ path: path.join(artifacts, "vscode-e2e-failure.png") });
    }
  } catch {
    // no screenshot
  }
  console.log(`${passed} passed, 1 failed`);
} finally {
  await browser?.close().catch(() => undefined);
  if (codeServerProcess?.pid) {
    try {
      process.kill(-codeServerProcess.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  fs.rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
