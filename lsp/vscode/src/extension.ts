// The pejl extension: starts the `pejl-lsp` language server for `.pejl` files.
// Everything the editor shows (errors, hover, completion, outline, formatting) comes from
// the server; this file only starts it (server.ts finds it: the one inside the .vsix unless
// the `pejl.server.path` setting names another).

import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";
import { findServer } from "./server";

let client: LanguageClient | undefined;

async function start(context: vscode.ExtensionContext): Promise<void> {
  const setting = vscode.workspace.getConfiguration("pejl").get<string>("server.path", "");
  const found = findServer(setting, context.extensionPath);
  if ("problem" in found) {
    const open = "Open Settings";
    const choice = await vscode.window.showErrorMessage(found.problem, open);
    if (choice === open) {
      await vscode.commands.executeCommand("workbench.action.openSettings", "pejl.server.path");
    }
    return;
  }
  const command = found.command;
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
    vscode.window.showErrorMessage(
      `The pejl language server (${command}) could not start: ${error}. ` +
        (setting.trim()
          ? 'Check the setting "Pejl › Server: Path", or empty it to use the server that comes with the extension.'
          : "Uninstall the pejl extension and install it again."),
    );
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
