/** Small string helpers written as loops: the regex forms (`/\/+$/`) backtrack quadratically on long runs. */

/** `a/b///` -> `a/b`. */
export function trimTrailingSlashes(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 47) end--;
  return s.slice(0, end);
}

/** `///a/b` -> `a/b`. */
export function trimLeadingSlashes(s: string): string {
  let start = 0;
  while (start < s.length && s.charCodeAt(start) === 47) start++;
  return s.slice(start);
}
