/** Facts the azure policies read beyond the command: the deployment mode, deployment-stack deletes, role
 *  assignments, network security rules opened to the internet, public blob access. */
import { coversAdminPort, isWorldRange } from "../network-rules.js";
import { hasOpt, optValue, optValues, type AzArgv } from "./grammar.js";

export interface NsgFacts {
  readonly given: boolean;
  readonly worldOpen: boolean;
  readonly worldAdminPort: boolean;
}

/** `network nsg rule create|update` (defaults on create: --access Allow, --direction Inbound,
 *  --source-address-prefixes *, --destination-port-ranges 80), `vm open-port` (source any). */
export function nsgFacts(path: string, a: AzArgv): NsgFacts {
  // Database server firewall rules (sql server, postgres/mysql flexible-server): 0.0.0.0-255.255.255.255 is
  // the whole internet (0.0.0.0-0.0.0.0 is Azure's "allow Azure services", not world).
  if (/ firewall-rule (create|update)$/.test(path)) {
    const start = optValue(a, "start-ip-address") ?? "";
    const end = optValue(a, "end-ip-address") ?? "";
    return { given: true, worldOpen: start === "0.0.0.0" && end === "255.255.255.255", worldAdminPort: false };
  }
  if (path === "vm open-port") {
    const port = optValue(a, "port") ?? "";
    return { given: true, worldOpen: true, worldAdminPort: coversAdminPort(port) };
  }
  if (path !== "network nsg rule create" && path !== "network nsg rule update") return { given: false, worldOpen: false, worldAdminPort: false };
  const create = path.endsWith("create");
  const access = (optValue(a, "access") ?? (create ? "Allow" : "")).toLowerCase();
  const direction = (optValue(a, "direction") ?? (create ? "Inbound" : "")).toLowerCase();
  const sources = optValues(a, "source-address-prefixes", "source-address-prefix");
  const world = sources.length === 0 ? create : sources.some(isWorldRange);
  const worldOpen = world && access !== "deny" && direction !== "outbound";
  const ports = optValues(a, "destination-port-ranges", "destination-port-range");
  const portsAdmin = ports.length === 0 ? false : ports.some(coversAdminPort);
  return { given: true, worldOpen, worldAdminPort: worldOpen && portsAdmin };
}

/** ARM/Bicep deployment mode, lower-cased ("" when not given: Incremental). */
export function deploymentMode(a: AzArgv): string {
  return (optValue(a, "mode") ?? "").toLowerCase();
}

/** Deployment stacks: --action-on-unmanage deleteAll|deleteResources deletes what leaves the stack. */
export function unmanageAction(a: AzArgv): string {
  return (optValue(a, "action-on-unmanage") ?? "").toLowerCase();
}

/** `role assignment create --role R` (names lower-cased; built-in role ids as written). */
export function roleFacts(path: string, a: AzArgv): string[] {
  if (path !== "role assignment create") return [];
  return optValues(a, "role").map((r) => r.toLowerCase());
}

/** Public blob access: `storage container create|set-permission --public-access blob|container`,
 *  `storage account create|update --allow-blob-public-access true`. */
export function publicAccess(a: AzArgv): boolean {
  const level = (optValue(a, "public-access") ?? "off").toLowerCase();
  const allow = (optValue(a, "allow-blob-public-access") ?? "false").toLowerCase();
  return level === "blob" || level === "container" || allow === "true" || (hasOpt(a, "allow-blob-public-access") && optValues(a, "allow-blob-public-access").length === 0);
}
