/** The files a unified or git diff changes: its `---` / `+++` lines and `rename to` / `copy to` lines,
 *  without the `a/` `b/` prefixes and /dev/null. */
export function diffNames(text: string): string[] {
  const names = new Set<string>();
  for (const line of text.split("\n")) {
    let name: string | undefined;
    if (line.startsWith("+++ ") || line.startsWith("--- ")) name = line.slice(4).split("\t")[0]?.trim();
    else if (line.startsWith("rename to ") || line.startsWith("copy to ")) name = line.replace(/^(rename|copy) to /, "").trim();
    if (!name || name === "/dev/null") continue;
    names.add(name.replace(/^"|"$/g, "").replace(/^[ab]\//, ""));
  }
  return [...names];
}
