// Finding the pejl-lsp program: the one a platform-specific .vsix carries
// (server/<platform>/pejl-lsp), unless the `pejl.server.path` setting names another.
// No `vscode` import here, so tests/unit can run it under plain Node.

import * as fs from "node:fs";
import * as path from "node:path";

/** The platform names of VS Code's platform-specific extensions: linux-x64, win32-x64, darwin-arm64, … */
export function platformName(): string {
  return `${process.platform}-${process.arch}`;
}

const exe = (name: string) => (process.platform === "win32" ? `${name}.exe` : name);

/** Where a platform-specific `.vsix` keeps its server: `server/linux-x64/pejl-lsp`. */
export function bundledServer(extensionPath: string): string {
  return path.join(extensionPath, "server", platformName(), exe("pejl-lsp"));
}

/** The platforms whose server this copy of the extension carries (normally one). */
function bundledPlatforms(extensionPath: string): string[] {
  try {
    return fs.readdirSync(path.join(extensionPath, "server"));
  } catch {
    return [];
  }
}

/** The server to start, or why there is none (a message for the person at the screen). */
export type Found = { command: string } | { problem: string };

/**
 * Puts a message into the reader's language: the English text with `{0}`, `{1}`… for its
 * arguments, as `vscode.l10n.t` takes it (the keys of l10n/bundle.l10n.*.json).
 */
export type Translate = (message: string, ...args: string[]) => string;

/** The English text itself, its `{0}`, `{1}`… filled in. */
export const english: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, i: string) => args[Number(i)] ?? whole);

/**
 * The server program. An empty `pejl.server.path` means the server that comes with the
 * extension (or, in a copy built without one, a `pejl-lsp` found on PATH); anything else is
 * a command found on PATH or the full path of a program.
 */
export function findServer(setting: string, extensionPath: string, t: Translate = english): Found {
  const chosen = setting.trim();
  if (chosen) {
    const isPath = chosen.includes("/") || chosen.includes("\\");
    const found = isPath ? (isExecutable(chosen) ? chosen : undefined) : onPath(chosen);
    return found
      ? { command: found }
      : {
          problem: t(
            'The pejl language server set in the setting "Pejl › Server: Path" ({0}) was not found, ' +
              "so pejl files get no error checking. Correct that setting, or empty it to use the server " +
              "that comes with the pejl extension.",
            chosen,
          ),
        };
  }
  const bundled = bundledServer(extensionPath);
  if (fs.existsSync(bundled)) {
    return makeExecutable(bundled)
      ? { command: bundled }
      : {
          problem: t(
            "The pejl language server that came with the extension ({0}) cannot be started, " +
              "so pejl files get no error checking. Uninstall the pejl extension and install it again.",
            bundled,
          ),
        };
  }
  const fallback = onPath("pejl-lsp");
  if (fallback) {
    return { command: fallback };
  }
  const others = bundledPlatforms(extensionPath);
  const install =
    "Install the pejl extension made for {1} (the file pejl-{1}.vsix: " +
    'Extensions view, … menu, Install from VSIX…), or set "Pejl › Server: Path" to a pejl-lsp program.';
  return {
    problem:
      others.length > 0
        ? t(
            "This copy of the pejl extension is made for {0}, but this computer is {1}, " +
              "so pejl files get no error checking. " +
              install,
            others.join(", "),
            platformName(),
          )
        : t(
            "This copy of the pejl extension has no language server inside, " +
              "so pejl files get no error checking. " +
              install,
            "",
            platformName(),
          ),
  };
}

function onPath(command: string): string | undefined {
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter((d) => d);
  const names = process.platform === "win32" ? [command, `${command}.exe`] : [command];
  for (const dir of dirs) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) {
      return false;
    }
    if (process.platform !== "win32") {
      fs.accessSync(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

/** The bundled server made executable if unpacking lost its mode (a .vsix is a zip file). */
function makeExecutable(file: string): boolean {
  if (isExecutable(file)) {
    return true;
  }
  try {
    fs.chmodSync(file, 0o755);
  } catch {
    return false;
  }
  return isExecutable(file);
}
