/** Facts the gcloud policies read beyond the command: IAM bindings (who gets which role) and firewall
 *  rules (which ports are opened to which ranges). Role names are normalised to `roles/...`; the policy
 *  holds the list of admin roles and public members. */
import { coversAdminPort, isWorldRange } from "../network-rules.js";
import { flagValue, hasFlag, listValues, type GcloudArgv } from "./grammar.js";

export interface IamFacts {
  /** The call changes an IAM policy or ACL. */
  readonly given: boolean;
  /** Every binding could be read (false for set-iam-policy FILE, gsutil iam set FILE). */
  readonly known: boolean;
  /** The call adds bindings (not a removal). */
  readonly grant: boolean;
  readonly roles: readonly string[];
  readonly members: readonly string[];
}

export const NO_IAM: IamFacts = { given: false, known: true, grant: false, roles: [], members: [] };

/** gsutil's short bucket roles (`objectViewer`, `admin`) and ACL letters are storage roles. */
export function normaliseRole(role: string): string {
  if (role.startsWith("roles/") || role.startsWith("projects/") || role.startsWith("organizations/")) return role;
  const short: Readonly<Record<string, string>> = { R: "roles/storage.objectViewer", READ: "roles/storage.objectViewer", W: "roles/storage.objectCreator", WRITE: "roles/storage.objectCreator", O: "roles/storage.admin", OWNER: "roles/storage.admin", FC: "roles/storage.admin", FULL_CONTROL: "roles/storage.admin" };
  const mapped = short[role.toUpperCase()];
  if (mapped) return mapped;
  if (role === "admin") return "roles/storage.admin";
  return /^(legacy|object)/.test(role) ? `roles/storage.${role}` : `roles/${role}`;
}

/** Members as IAM writes them: `allUsers`, `user:x`; gsutil ACL entities (`AllUsers`) included. */
export function normaliseMember(member: string): string {
  const lower = member.toLowerCase();
  if (lower === "allusers") return "allUsers";
  if (lower === "allauthenticatedusers") return "allAuthenticatedUsers";
  return member;
}

/** `add-iam-policy-binding --member M --role R`, `remove-iam-policy-binding`, `set-iam-policy FILE`. */
export function gcloudIamFacts(verb: string, a: GcloudArgv): IamFacts {
  if (verb === "set-iam-policy") return { given: true, known: false, grant: true, roles: [], members: [] };
  if (!verb.endsWith("-iam-policy-binding")) return NO_IAM;
  return {
    given: true,
    known: true,
    grant: verb.startsWith("add-"),
    roles: listValues(a, "role").map(normaliseRole),
    members: listValues(a, "member", "members").map(normaliseMember),
  };
}

export interface FirewallFacts {
  readonly given: boolean;
  readonly known: boolean;
  readonly worldOpen: boolean;
  readonly worldAdminPort: boolean;
}

export const NO_FIREWALL: FirewallFacts = { given: false, known: true, worldOpen: false, worldAdminPort: false };

/** `--allow tcp:22,udp`, `--rules all`: some entry opens an admin port (or every port of a protocol). */
function allowsAdminPort(entries: readonly string[]): boolean {
  return entries.some((e) => {
    const [proto = "", ports] = e.split(":");
    if (proto.toLowerCase() === "all") return true;
    if (ports === undefined) return /^(tcp|udp|sctp|\d+)$/i.test(proto);
    return coversAdminPort(ports);
  });
}

/** `gcloud compute firewall-rules create|update`. Without --source-ranges/--source-tags/--source-service-accounts,
 *  a created ingress rule applies to 0.0.0.0/0. */
export function firewallFacts(group: string, verb: string, a: GcloudArgv): FirewallFacts {
  // Cloud SQL authorized networks: a /0 network opens the database to the whole internet.
  if (group === "sql instances" && (verb === "create" || verb === "patch")) {
    const nets = listValues(a, "authorized-networks");
    return nets.length === 0 ? NO_FIREWALL : { given: true, known: true, worldOpen: nets.some(isWorldRange), worldAdminPort: false };
  }
  if (!group.endsWith("firewall-rules") || (verb !== "create" && verb !== "update")) return NO_FIREWALL;
  const direction = (flagValue(a, "direction") ?? "INGRESS").toUpperCase();
  const action = (flagValue(a, "action") ?? "ALLOW").toUpperCase();
  if (direction.startsWith("E") || action === "DENY") return { ...NO_FIREWALL, given: true };
  const ranges = listValues(a, "source-ranges");
  const defaultWorld = verb === "create" && !hasFlag(a, "source-ranges", "source-tags", "source-service-accounts");
  const worldOpen = defaultWorld || ranges.some(isWorldRange);
  const entries = listValues(a, "allow", "rules");
  return { given: true, known: true, worldOpen, worldAdminPort: worldOpen && allowsAdminPort(entries) };
}
