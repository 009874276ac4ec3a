/** Budget facts: how many instances a creating call may start, and of which types. One `aws.provision`
 *  request per requested instance type (Cedar has no "for every type"), compared by policies with the
 *  limits that src/policy/request.ts puts on the AwsService entity from .infragate/config.json. */
import { isIndirect } from "./documents.js";
import { paramValue, paramValues, type AwsParams } from "./grammar.js";

export interface ProvisionFacts {
  readonly instances: number;
  /** false when sizes may hide in --cli-input-json file:// or an unparsable value. */
  readonly instancesKnown: boolean;
  /** Lower-cased instance or DB classes; empty when the call names none. */
  readonly types: readonly string[];
}

/** `t3.micro` -> ["t3.micro", "*", "t*", "t3*", "t3.*", "t3.m*", ...]: every `<prefix>*` glob that matches it.
 *  Config globs are limited to exact names and one trailing `*` (src/config/schema.ts), so a glob allows
 *  the type exactly when it is in this set. */
export function typeCandidates(type: string): string[] {
  const t = type.toLowerCase();
  const out = [t];
  for (let i = 0; i <= t.length; i++) out.push(`${t.slice(0, i)}*`);
  return out;
}

function int(v: string | undefined): number | undefined {
  return v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : undefined;
}

/** `minSize=1,maxSize=5,desiredSize=2` or `{"minSize":1,"maxSize":5}`. */
function scalingMax(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const sizes = [...value.matchAll(/"?(?:maxSize|desiredSize)"?\s*[=:]\s*(\d+)/g)].map((m) => Number(m[1]));
  return sizes.length > 0 ? Math.max(...sizes) : undefined;
}

const maxOf = (...ns: (number | undefined)[]): number | undefined => {
  const known = ns.filter((n): n is number => n !== undefined);
  return known.length > 0 ? Math.max(...known) : undefined;
};

/** Facts for the operations that start capacity; undefined for every other operation. */
export function provisionFacts(service: string, operation: string, p: AwsParams, inputFile: boolean): ProvisionFacts | undefined {
  const key = `${service} ${operation}`;
  let instances: number | undefined;
  let types: string[] = [];
  let sized = true;
  switch (key) {
    case "ec2 run-instances": {
      const count = paramValue(p, "count");
      const m = count !== undefined ? /^(\d+)(?::(\d+))?$/.exec(count.trim()) : null;
      if (count !== undefined && !m) sized = false;
      instances = maxOf(m ? Number(m[2] ?? m[1]) : undefined, int(paramValue(p, "min-count")), int(paramValue(p, "max-count"))) ?? 1;
      types = paramValues(p, "instance-type");
      break;
    }
    case "ec2 request-spot-instances":
      instances = int(paramValue(p, "instance-count")) ?? 1;
      break;
    case "rds create-db-instance":
    case "rds create-db-instance-read-replica":
    case "rds modify-db-instance":
    case "rds create-db-cluster":
    case "rds modify-db-cluster":
      instances = operation.startsWith("modify") ? 0 : 1;
      types = paramValues(p, "db-instance-class", "db-cluster-instance-class");
      break;
    case "autoscaling create-auto-scaling-group":
    case "autoscaling update-auto-scaling-group":
    case "autoscaling set-desired-capacity":
      instances = maxOf(int(paramValue(p, "max-size")), int(paramValue(p, "desired-capacity"))) ?? 0;
      break;
    case "autoscaling create-launch-configuration":
      instances = 0;
      types = paramValues(p, "instance-type");
      break;
    case "eks create-nodegroup":
    case "eks update-nodegroup-config": {
      const scaling = paramValue(p, "scaling-config");
      if (scaling !== undefined && isIndirect(scaling)) sized = false;
      instances = scalingMax(scaling) ?? (operation === "create-nodegroup" ? 2 : 0);
      types = paramValues(p, "instance-types");
      break;
    }
    default:
      return undefined;
  }
  return {
    instances: instances ?? 0,
    instancesKnown: sized && !inputFile,
    types: [...new Set(types.flatMap((t) => t.split(",")).map((t) => t.trim().toLowerCase()).filter((t) => t !== "" && !isIndirect(t)))],
  };
}
