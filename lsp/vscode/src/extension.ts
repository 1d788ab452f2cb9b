// The pejl extension: starts the `pejl-lsp` language server for `.pejl` files.
// Everything the editor shows (errors, hover, completion, outline, formatting) comes from
// the server; this file only starts it (server.ts finds it: the one inside the .vsix unless
// the `pejl.server.path` setting names another). It tells the server which language to speak
// (the `pejl.language` setting; empty: VS Code's display language) and speaks it itself.

import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";
import { english, findServer, Translate } from "./server";

/** The `pejl.language` setting: "sv", "da", "en", or "" for VS Code's display language. */
function language(): string {
  const value = vscode.workspace.getConfiguration("pejl").get<string>("language", "");
  return ["sv", "da", "en"].includes(value) ? value : "";
}

/**
 * The extension's own notices in the language of `pejl.language`; without it, in VS Code's
 * display language (vscode.l10n, from l10n/bundle.l10n.<language>.json).
 */
function translator(context: vscode.ExtensionContext): Translate {
  const lang = language();
  if (!lang) {
    return (message, ...args) => vscode.l10n.t(message, ...args);
  }
  if (lang === "en") {
    return english;
  }
  let bundle: Record<string, string> = {};
  try {
    bundle = JSON.parse(fs.readFileSync(path.join(context.extensionPath, "l10n", `bundle.l10n.${lang}.json`), "utf8"));
  } catch {
    // no translation: English
  }
  return (message, ...args) => english(typeof bundle[message] === "string" ? bundle[message] : message, ...args);
}

let client: LanguageClient | undefined;

async function start(context: vscode.ExtensionContext): Promise<void> {
  const setting = vscode.workspace.getConfiguration("pejl").get<string>("server.path", "");
  const t = translator(context);
  const found = findServer(setting, context.extensionPath, t);
  if ("problem" in found) {
    const open = t("Open Settings");
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
    // The server speaks this language (diagnostics, hover, code actions); without it, the
    // client's locale, VS Code's display language.
    initializationOptions: { language: language() || undefined },
  };
  // The id `pejl` makes the client read the `pejl.trace.server` setting.
  client = new LanguageClient("pejl", "pejl language server", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    vscode.window.showErrorMessage(
      setting.trim()
        ? t(
            'The pejl language server ({0}) could not start: {1}. Check the setting "Pejl › Server: Path", ' +
              "or empty it to use the server that comes with the extension.",
            command,
            String(error),
          )
        : t(
            "The pejl language server ({0}) could not start: {1}. Uninstall the pejl extension and install it again.",
            command,
            String(error),
          ),
    );
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("pejl.server.path") || event.affectsConfiguration("pejl.language")) {
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
