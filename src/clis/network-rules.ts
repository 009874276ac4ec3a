/** Network facts shared by the cloud interpreters: world-open source ranges and admin ports (22, 3389). */

export const ADMIN_PORTS: readonly number[] = [22, 3389];

/** A source that is the whole internet: a /0 range, `*`, or Azure's `Internet` / `Any` tags. */
export function isWorldRange(range: string): boolean {
  const r = range.trim();
  return /^(0\.0\.0\.0|::|0:0:0:0:0:0:0:0)\/0$/.test(r) || r === "*" || /^(internet|any)$/i.test(r);
}

/** A port spec (`22`, `20-30`, `22,80`, `*`, `""` for every port) covers an admin port. */
export function coversAdminPort(spec: string): boolean {
  const s = spec.trim();
  if (s === "" || s === "*") return true;
  return s.split(",").some((part) => {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) return false;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    return ADMIN_PORTS.some((p) => p >= lo && p <= hi);
  });
}
