/** Object effects of `az storage blob` uploads, copies, syncs and deletes (object.write / object.delete,
 *  remote Terraform state) and the local file a download writes. The account comes from --account-name,
 *  --connection-string (AccountName=), a --blob-url, or AZURE_STORAGE_ACCOUNT. */
import path from "node:path";
import type { FileEffect, SimpleCommand } from "../../shell/types.js";
import { effectOf } from "../file-tools/args.js";
import { parseObjectUrl, type ObjectAccess, type ObjectRef } from "../remote-objects.js";
import { optValue, type AzArgv } from "./grammar.js";

function account(a: AzArgv, env: Readonly<Record<string, string>>): string {
  const conn = optValue(a, "connection-string") ?? env.AZURE_STORAGE_CONNECTION_STRING ?? "";
  const fromConn = /AccountName=([^;]+)/i.exec(conn)?.[1];
  return optValue(a, "account-name") ?? fromConn ?? env.AZURE_STORAGE_ACCOUNT ?? "";
}

function ref(acct: string, container: string, key: string): ObjectRef {
  return { store: "azure", bucket: `${acct}/${container}`, key };
}

export interface AzStorageEffects {
  readonly objects: readonly ObjectAccess[];
  readonly files: readonly FileEffect[];
}

export function azStorageEffects(cmd: SimpleCommand, path2: string, a: AzArgv): AzStorageEffects {
  const acct = account(a, cmd.env);
  const container = optValue(a, "container-name", "c") ?? "";
  const name = optValue(a, "name", "n");
  const url = optValue(a, "blob-url");
  const fromUrl = url ? parseObjectUrl(url) : undefined;
  const file = optValue(a, "file", "f");
  const objects: ObjectAccess[] = [];
  const files: FileEffect[] = [];
  const single = (): ObjectRef | undefined => {
    if (fromUrl) return fromUrl;
    const key = name ?? (file ? path.basename(file) : undefined);
    return key === undefined ? undefined : ref(acct, container, key);
  };
  switch (path2) {
    case "storage blob upload": {
      const r = single();
      if (r) objects.push({ op: "write", ref: r, recursive: false });
      break;
    }
    case "storage blob copy start": {
      const dest = ref(acct, optValue(a, "destination-container", "c") ?? container, optValue(a, "destination-blob", "b") ?? name ?? "");
      objects.push({ op: "write", ref: dest, recursive: false });
      break;
    }
    case "storage blob upload-batch":
    case "storage blob sync": {
      const target = path2.endsWith("sync") ? container : (optValue(a, "destination", "d") ?? "");
      const prefix = optValue(a, "destination-path") ?? "";
      objects.push({ op: "write", ref: ref(acct, target, prefix), recursive: true });
      if (path2.endsWith("sync") && (optValue(a, "delete-destination") ?? "true").toLowerCase() === "true") {
        objects.push({ op: "delete", ref: ref(acct, target, prefix), recursive: true });
      }
      break;
    }
    case "storage blob delete": {
      const r = single();
      if (r) objects.push({ op: "delete", ref: r, recursive: false });
      break;
    }
    case "storage blob delete-batch":
      objects.push({ op: "delete", ref: ref(acct, optValue(a, "source", "s") ?? "", optValue(a, "pattern") ?? ""), recursive: true });
      break;
    case "storage container delete":
      objects.push({ op: "delete", ref: ref(acct, name ?? "", ""), recursive: true });
      break;
    case "storage blob download":
      if (file && file !== "-") files.push(effectOf(cmd, "write", path.resolve(cmd.cwd, file), `az ${path2}`));
      break;
  }
  return { objects, files };
}
