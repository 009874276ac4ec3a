/** Facts from the JSON and shorthand that aws parameters carry: IAM policy documents and security-group
 *  rules. A document given as file:// (or fileb://, http://) is not read here: it is "not known". */

/** A parameter value that points at a file or URL instead of holding the document. */
export function isIndirect(value: string): boolean {
  return /^(file|fileb|https?):\/\//i.test(value.trim());
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export interface PolicyDocFacts {
  readonly given: boolean;
  readonly known: boolean;
  /** An Allow statement grants "*", "*:*", "iam:*" or NotAction on Resource "*" (or NotResource). */
  readonly adminWildcard: boolean;
  /** An Allow statement's Principal is "*" or {"AWS": "*"}. */
  readonly principalAnyone: boolean;
}

const ADMIN_ACTIONS = new Set(["*", "*:*", "iam:*"]);

function statementFacts(s: Record<string, unknown>): { admin: boolean; anyone: boolean } {
  if (String(s.Effect ?? "").toLowerCase() !== "allow") return { admin: false, anyone: false };
  const actions = asArray(s.Action).map((a) => String(a).toLowerCase());
  const broadAction = actions.some((a) => ADMIN_ACTIONS.has(a)) || s.NotAction !== undefined;
  const broadResource = asArray(s.Resource).some((r) => String(r) === "*") || s.NotResource !== undefined;
  const p = s.Principal;
  let anyone = p === "*";
  if (p && typeof p === "object" && !Array.isArray(p)) {
    anyone = asArray((p as Record<string, unknown>).AWS).some((x) => String(x) === "*");
  }
  return { admin: broadAction && broadResource, anyone };
}

/** Facts of the policy documents given (several parameters may carry one). */
export function policyDocFacts(values: readonly string[]): PolicyDocFacts {
  if (values.length === 0) return { given: false, known: true, adminWildcard: false, principalAnyone: false };
  let known = true;
  let admin = false;
  let anyone = false;
  for (const v of values) {
    const doc = isIndirect(v) ? undefined : parseJson(v);
    if (!doc || typeof doc !== "object") {
      known = false;
      continue;
    }
    for (const s of asArray((doc as Record<string, unknown>).Statement)) {
      if (!s || typeof s !== "object") continue;
      const f = statementFacts(s as Record<string, unknown>);
      admin ||= f.admin;
      anyone ||= f.anyone;
    }
  }
  return { given: true, known, adminWildcard: admin, principalAnyone: anyone };
}

export interface IngressFacts {
  readonly given: boolean;
  readonly known: boolean;
  /** Some rule opens to 0.0.0.0/0 or ::/0 (any /0 range). */
  readonly worldOpen: boolean;
  /** Some world-open rule covers port 22, 3389, or every port (protocol -1 / all). */
  readonly worldAdminPort: boolean;
}

interface Rule {
  readonly protocol: string;
  readonly from: number | undefined;
  readonly to: number | undefined;
  readonly cidrs: readonly string[];
}

const ADMIN_PORTS = [22, 3389];

function isWorld(cidr: string): boolean {
  return /\/0$/.test(cidr.trim());
}

function coversAdmin(r: Rule): boolean {
  const proto = r.protocol.toLowerCase();
  if (proto === "-1" || proto === "all") return true;
  if (proto === "icmp" || proto === "icmpv6" || proto === "1" || proto === "58") return false;
  if (r.from === undefined || r.to === undefined || r.from < 0 || r.to < 0) return true;
  return ADMIN_PORTS.some((p) => (r.from as number) <= p && p <= (r.to as number));
}

function num(v: unknown): number | undefined {
  const n = typeof v === "number" ? v : typeof v === "string" && /^-?\d+$/.test(v.trim()) ? Number(v) : undefined;
  return n;
}

function rulesFromJson(doc: unknown): Rule[] {
  return asArray(doc).flatMap((p) => {
    if (!p || typeof p !== "object") return [];
    const o = p as Record<string, unknown>;
    const cidrs = [
      ...asArray(o.IpRanges).map((r) => String((r as Record<string, unknown>)?.CidrIp ?? "")),
      ...asArray(o.Ipv6Ranges).map((r) => String((r as Record<string, unknown>)?.CidrIpv6 ?? "")),
    ];
    return [{ protocol: String(o.IpProtocol ?? "-1"), from: num(o.FromPort), to: num(o.ToPort), cidrs }];
  });
}

/** `IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}]`: one permission per word. */
function ruleFromShorthand(word: string): Rule | undefined {
  const field = (name: string): string | undefined => new RegExp(`(?:^|[,{\\s])${name}=([^,}\\]\\s]+)`).exec(word)?.[1];
  const protocol = field("IpProtocol");
  if (protocol === undefined) return undefined;
  const cidrs = [...word.matchAll(/CidrIp(?:v6)?=([^,}\]\s]+)/g)].map((m) => m[1] as string);
  return { protocol, from: num(field("FromPort")), to: num(field("ToPort")), cidrs };
}

function portRange(port: string | undefined): { from: number | undefined; to: number | undefined } {
  if (port === undefined) return { from: undefined, to: undefined };
  const m = /^(-?\d+)(?:-(\d+))?$/.exec(port.trim());
  if (!m) return { from: undefined, to: undefined };
  const from = Number(m[1]);
  return { from, to: m[2] !== undefined ? Number(m[2]) : from };
}

export interface IngressInput {
  readonly cidr: readonly string[];
  readonly port: string | undefined;
  readonly protocol: string | undefined;
  readonly ipPermissions: readonly string[];
}

export function ingressFacts(input: IngressInput): IngressFacts {
  const rules: Rule[] = [];
  let known = true;
  if (input.cidr.length > 0) rules.push({ protocol: input.protocol ?? "tcp", ...portRange(input.port), cidrs: input.cidr });
  if (input.ipPermissions.length > 0) {
    const first = input.ipPermissions[0] as string;
    if (isIndirect(first)) known = false;
    else if (/^\s*[[{]/.test(first)) {
      const doc = parseJson(input.ipPermissions.join(" "));
      if (doc === undefined) known = false;
      else rules.push(...rulesFromJson(doc));
    } else {
      for (const w of input.ipPermissions) {
        const r = ruleFromShorthand(w);
        if (r) rules.push(r);
        else known = false;
      }
    }
  }
  const given = input.cidr.length > 0 || input.ipPermissions.length > 0;
  const world = rules.filter((r) => r.cidrs.some(isWorld));
  return { given, known, worldOpen: world.length > 0, worldAdminPort: world.some(coversAdmin) };
}
