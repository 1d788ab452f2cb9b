// The pejl extension: starts the `pejl-lsp` language server for `.pejl` files.
// Everything the editor shows (errors, hover, completion, outline, formatting) comes from
// the server; this file only finds and starts it.

import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

const INSTALL_HELP =
  "Install it with `cargo install --path lsp` in the pejl repository (it needs Rust from https://rustup.rs), " +
  "or set `pejl.server.path` to the full path of the `pejl-lsp` program.";

/** The server program: a path that exists, or a command found on PATH. */
export function findServer(setting: string): string | undefined {
  const command = setting.trim() || "pejl-lsp";
  if (command.includes("/") || command.includes("\\")) {
    return isExecutable(command) ? command : undefined;
  }
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

async function start(context: vscode.ExtensionContext): Promise<void> {
  const setting = vscode.workspace.getConfiguration("pejl").get<string>("server.path", "pejl-lsp");
  const command = findServer(setting);
  if (!command) {
    const open = "Open Settings";
    const choice = await vscode.window.showErrorMessage(
      `The pejl language server \`${setting || "pejl-lsp"}\` was not found, so pejl files get no error checking. ${INSTALL_HELP}`,
      open,
    );
    if (choice === open) {
      await vscode.commands.executeCommand("workbench.action.openSettings", "pejl.server.path");
    }
    return;
  }
  const serverOptions: ServerOptions = {
    run: { command, transport: TransportKind.stdio },
    debug: { command, transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "pejl" },
      { scheme: "untitled", language: "pejl" },
    ],
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.pejl"),
    },
    outputChannelName: "pejl",
  };
  // The id `pejl` makes the client read the `pejl.trace.server` setting.
  client = new LanguageClient("pejl", "pejl language server", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    vscode.window.showErrorMessage(`The pejl language server could not start: ${error}. ${INSTALL_HELP}`);
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("pejl.server.path")) {
        await stop();
        await start(context);
      }
    }),
    vscode.commands.registerCommand("pejl.restartServer", async () => {
      await stop();
      await start(context);
    }),
  );
  await start(context);
}

async function stop(): Promise<void> {
  if (client) {
    const running = client;
    client = undefined;
    await running.stop().catch(() => undefined);
  }
}

export function deactivate(): Thenable<void> | undefined {
  return stop();
}
