/** `aws` (CLI v2): research/iac-semantics.md section 6. One `aws.<class>` request per call, plus one
 *  `aws.provision` request per instance type for calls that start capacity (budget guardrails). */
import type { SimpleCommand } from "../../shell/types.js";
import type { CliDescriptor } from "../descriptor.js";
import { objectOperation } from "../remote-objects.js";
import type { Interpretation, Interpreter, Operation } from "../types.js";
import { provisionFacts, typeCandidates } from "./budget.js";
import { ingressFacts, policyDocFacts } from "./documents.js";
import { isOn, paramValue, paramValues, splitAwsArgv, type AwsParams } from "./grammar.js";
import { s3Objects, localWrites } from "./objects.js";
import { readParams } from "./params.js";
import { CREDENTIAL_KEYS, actionFor, verbClass } from "./verbs.js";
import { feedsSecretSink } from "../secrets/sinks.js";

const DOC_PARAMS = ["policy-document", "assume-role-policy-document", "inline-policy", "policy", "policy-text", "resource-policy"];

/** Names that are on: a `--no-x` given after the last `--x` wins, and the other way round. */
function paramNames(p: AwsParams): string[] {
  const out = new Set<string>();
  for (const n of new Set(p.order)) {
    const base = n.startsWith("no-") ? n.slice(3) : n;
    if (p.order.includes(base) && p.order.includes(`no-${base}`)) {
      out.add(isOn(p, base) ? base : `no-${base}`);
    } else out.add(n);
  }
  return [...out];
}

function cut(v: string): string {
  return v.length > 200 ? v.slice(0, 200) : v;
}

function isLocalEndpoint(url: string): boolean {
  return /^(https?:\/\/)?(localhost|127\.\d+\.\d+\.\d+|\[::1\]|localstack)(:\d+)?(\/|$)/i.test(url);
}

export function interpretAwsArgv(cmd: SimpleCommand): Interpretation {
  const { globals, service, operation, rest } = splitAwsArgv(cmd.argv.slice(1));
  const { params, inputFile } = readParams(service, operation, rest);
  const positionals = params.positionals;
  const names = paramNames(params);
  const env = cmd.env;
  const profile = globals.get("profile") ?? env.AWS_PROFILE ?? env.AWS_DEFAULT_PROFILE ?? "";
  const region = globals.get("region") ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "";
  const endpointUrl = globals.get("endpoint-url") ?? env.AWS_ENDPOINT_URL ?? "";
  const configureKey = service === "configure" && operation === "get" ? (positionals[0] ?? "").split(".").pop() ?? "" : "";
  const s3Download =
    service === "s3" && (positionals[0] ?? "").startsWith("s3://") && !(positionals[1] ?? "s3://").startsWith("s3://") && !names.includes("delete");
  const help = service === "" || service === "help" || operation === "help" || positionals[0] === "help" || globals.has("version");
  const cls = help
    ? "read"
    : verbClass({
        service,
        operation,
        withDecryption: isOn(params, "with-decryption"),
        configureKey,
        s3Download,
        includeValue: isOn(params, "include-value") || isOn(params, "include-values"),
      });
  const dryRun = !help && (isOn(params, "dry-run") || isOn(params, "dryrun") || params.values.has("generate-cli-skeleton"));
  const targets = [...positionals];
  if (configureKey !== "" && CREDENTIAL_KEYS.has(configureKey)) targets.push(configureKey);
  const options = [...params.values].flatMap(([n, vs]) => vs.map((v) => `${n}=${cut(v)}`));
  const document = policyDocFacts(paramValues(params, ...DOC_PARAMS));
  const ingress = ingressFacts({
    cidr: paramValues(params, "cidr"),
    port: paramValue(params, "port"),
    protocol: paramValue(params, "protocol"),
    ipPermissions: paramValues(params, "ip-permissions"),
  });
  const managedPolicies = paramValues(params, "policy-arn", "managed-policy-arn").map((a) => a.slice(a.lastIndexOf("/") + 1));
  const where = [profile && `profile ${profile}`, region && `region ${region}`, endpointUrl && `endpoint ${endpointUrl}`].filter(Boolean).join(", ");
  const label = `aws ${service}${operation ? ` ${operation}` : ""}${dryRun ? " (dry run)" : ""}${where ? ` (${where})` : ""}`;
  const common = { command: cmd.text, profile, region };
  const operations: Operation[] = [
    {
      action: actionFor(cls, dryRun),
      resource: { type: "AwsService", name: service || "aws" },
      context: {
        ...common,
        service,
        operation,
        verbClass: cls,
        cwd: cmd.cwd,
        params: names,
        options,
        targets,
        endpointUrl,
        localEndpoint: endpointUrl !== "" && isLocalEndpoint(endpointUrl),
        inputFile,
        dryRun,
        document: { ...document },
        managedPolicies,
        ingress: { ...ingress },
        wrappers: [...cmd.wrappers],
        depth: cmd.depth,
        intoLogin: feedsSecretSink(cmd),
      },
      summary: label,
    },
  ];
  const budget = help || dryRun ? undefined : provisionFacts(service, operation, params, inputFile !== "");
  if (budget) {
    for (const type of budget.types.length > 0 ? budget.types : [""]) {
      operations.push({
        action: "aws.provision",
        resource: { type: "AwsService", name: service },
        context: {
          ...common,
          service,
          operation,
          instances: budget.instances,
          instancesKnown: budget.instancesKnown,
          instanceType: type,
          typeCandidates: type === "" ? [] : typeCandidates(type),
        },
        summary: `${label}: ${budget.instances} instance(s)${type ? ` of ${type}` : ""}`,
      });
    }
  }
  if (help || dryRun) return { operations, files: [] };
  const via = `aws ${service} ${operation}`;
  for (const o of s3Objects(service, operation, params, names)) operations.push(objectOperation(cmd, via, o));
  return { operations, files: localWrites(cmd, service, operation, positionals) };
}

export const interpretAws: Interpreter = interpretAwsArgv;

export const awsCli: CliDescriptor = {
  name: "aws",
  names: {
    programs: ["aws"],
    versioned: true,
    packages: { awscli: "aws" },
    images: { "amazon/aws-cli": "aws", "public.ecr.aws/aws-cli/aws-cli": "aws" },
  },
  guarded: true,
  interpret: interpretAws,
};
