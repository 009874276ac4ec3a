// Runs in a worker thread: for each regex, find its slowest generated input at a small size, then run that
// input at full size. Posts {i} before each regex and {i, result} after, so the parent can time each one out.
import { parentPort, workerData } from "node:worker_threads";

const { regexes, start, screenSize, fullSize } = workerData;

/** Characters the pattern mentions, plus representatives of its classes. */
function alphabet(source) {
  const chars = new Set(["a", " ", "0", "/", "-", "_", ".", "=", ":", "'", '"', "\n", "\t", "x", "A", "@"]);
  const reps = { s: " ", d: "0", w: "a", S: "a", D: "a", W: " ", n: "\n", t: "\t", b: "a" };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      const e = source[++i];
      chars.add(reps[e] ?? e);
    } else if (!"()[]{}|^$*+?.".includes(c)) chars.add(c);
  }
  return [...chars].slice(0, 40);
}

/** The longest literal run after a leading ^ (so anchored patterns get past their prefix). */
function literalPrefix(source) {
  const m = /^\^?((?:[A-Za-z0-9_:@ ,=-]|\\[./\-*[\]()])*)/.exec(source);
  return (m?.[1] ?? "").replace(/\\(.)/g, "$1");
}

function run(re, input) {
  re.lastIndex = 0;
  const t = performance.now();
  input.search(re);
  if (re.global || re.sticky) {
    re.lastIndex = 0;
    input.replace(re, "");
  }
  return performance.now() - t;
}

function candidates(source, n, extra) {
  const abc = alphabet(source);
  const prefix = literalPrefix(source);
  const out = [...extra.map((e) => ({ head: e.head, unit: e.unit, tail: e.tail }))];
  for (const tail of ["\u0000", "\n!"]) {
    for (const c of abc) {
      out.push({ head: "", unit: c, tail });
      if (prefix) out.push({ head: prefix, unit: c, tail });
    }
  }
  for (const c1 of abc.slice(0, 12)) for (const c2 of abc.slice(0, 12)) if (c1 !== c2) out.push({ head: prefix, unit: c1 + c2, tail: "\n!" });
  return out.map((c) => ({ ...c, build: (size) => c.head + c.unit.repeat(Math.ceil(size / c.unit.length)) + c.tail }));
}

for (let i = start; i < regexes.length; i++) {
  const r = regexes[i];
  parentPort.postMessage({ i });
  const re = new RegExp(r.source, r.flags);
  let worst;
  let worstMs = -1;
  for (const c of candidates(r.source, screenSize, r.attacks ?? [])) {
    const ms = run(re, c.build(screenSize));
    if (ms > worstMs) {
      worstMs = ms;
      worst = c;
    }
  }
  parentPort.postMessage({ i, phase: "full", input: JSON.stringify({ head: worst.head, unit: worst.unit, tail: worst.tail }) });
  const ms = run(re, worst.build(fullSize));
  parentPort.postMessage({ i, result: { ms, input: JSON.stringify({ head: worst.head, unit: worst.unit, tail: worst.tail }) } });
}
parentPort.postMessage({ done: true });
