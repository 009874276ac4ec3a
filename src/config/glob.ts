import { trimTrailingSlashes } from "../util/text.js";

/** A small glob matcher for config paths: `**` any depth, `*` one segment part, `?` one char. */

// Linear-time translation; the produced regex has no nested quantifiers.
export function globToRegExp(glob: string): RegExp {
  let out = "^";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === "*") {
      if (glob[i + 1] === "*") {
        i++;
        if (glob[i + 1] === "/") {
          i++;
          out += "(?:[^/]*/)*";
        } else {
          out += ".*";
        }
      } else {
        out += "[^/]*";
      }
    } else if (c === "?") {
      out += "[^/]";
    } else {
      out += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    }
  }
  return new RegExp(`${out}$`);
}

/** Does a workspace-relative path (with `/` separators) match the glob, or lie below a match? `dir/**`
 *  also matches `dir`. */
export function matchesGlob(relPath: string, glob: string): boolean {
  const trimmed = trimTrailingSlashes(glob);
  const re = globToRegExp(trimmed);
  if (re.test(relPath)) return true;
  // `dir/**` covers `dir` itself: a stack labelled "infra/prod/**" is the root infra/prod as well.
  if (trimmed.endsWith("/**") && globToRegExp(trimmed.slice(0, -3)).test(relPath)) return true;
  const parts = relPath.split("/");
  for (let n = parts.length - 1; n > 0; n--) {
    if (re.test(parts.slice(0, n).join("/"))) return true;
  }
  return false;
}
