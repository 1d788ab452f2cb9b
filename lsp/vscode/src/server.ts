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
 * The server program. An empty `pejl.server.path` means the server that comes with the
 * extension (or, in a copy built without one, a `pejl-lsp` found on PATH); anything else is
 * a command found on PATH or the full path of a program.
 */
export function findServer(setting: string, extensionPath: string): Found {
  const chosen = setting.trim();
  if (chosen) {
    const isPath = chosen.includes("/") || chosen.includes("\\");
    const found = isPath ? (isExecutable(chosen) ? chosen : undefined) : onPath(chosen);
    return found
      ? { command: found }
      : {
          problem:
            `The pejl language server set in the setting "Pejl › Server: Path" (${chosen}) was not found, ` +
            "so pejl files get no error checking. Correct that setting, or empty it to use the server " +
            "that comes with the pejl extension.",
        };
  }
  const bundled = bundledServer(extensionPath);
  if (fs.existsSync(bundled)) {
    return makeExecutable(bundled)
      ? { command: bundled }
      : {
          problem:
            `The pejl language server that came with the extension (${bundled}) cannot be started, ` +
            "so pejl files get no error checking. Uninstall the pejl extension and install it again.",
        };
  }
  const fallback = onPath("pejl-lsp");
  if (fallback) {
    return { command: fallback };
  }
  const others = bundledPlatforms(extensionPath);
  const why =
    others.length > 0
      ? `This copy of the pejl extension is made for ${others.join(", ")}, but this computer is ${platformName()}`
      : "This copy of the pejl extension has no language server inside";
  return {
    problem:
      `${why}, so pejl files get no error checking. ` +
      `Install the pejl extension made for ${platformName()} (the file pejl-${platformName()}.vsix: ` +
      "Extensions view, … menu, Install from VSIX…), or set \"Pejl › Server: Path\" to a pejl-lsp program.",
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
