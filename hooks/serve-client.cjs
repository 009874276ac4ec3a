// The thin client of the decision service (src/serve): hands a hook payload to the warm service over its Unix
// socket and returns its answer. Deliberately tiny: node built-ins only (no bundle, no zod, no crypto), so a
// hook call costs little more than starting node. Any failure (no service, another build, a slow or garbled
// answer) returns { ok: false } and the caller decides in its own process: this never yields an allow itself.
"use strict";
const fs = require("node:fs");
const net = require("node:net");
const path = require("node:path");

/** $INFRAGATE_HOME, else $XDG_STATE_HOME/infragate, else ~/.local/state/infragate (as src/config/home.ts). */
function infragateHome(env) {
  if (env.INFRAGATE_HOME) return path.resolve(env.INFRAGATE_HOME);
  if (env.XDG_STATE_HOME) return path.join(path.resolve(env.XDG_STATE_HOME), "infragate");
  return path.join(env.HOME || require("node:os").homedir(), ".local", "state", "infragate");
}

function socketPath(env) {
  return path.join(infragateHome(env), "serve", "sock");
}

function buildId(root) {
  try {
    return fs.readFileSync(path.join(root, "dist", "build-id.txt"), "utf8").trim();
  } catch {
    return "";
  }
}

function isAnswer(v) {
  return (
    v !== null && typeof v === "object" && v.ok === true &&
    typeof v.stdout === "string" && typeof v.stderr === "string" && Number.isInteger(v.exitCode)
  );
}

/**
 * Ask the service. Resolves { ok: true, stdout, stderr, exitCode } or { ok: false, reason, absent } where absent
 * says no service listens (so the caller may start one for next time).
 */
function ask({ root, args, payload, env, cwd, timeoutMs }) {
  return new Promise((resolve) => {
    const build = buildId(root);
    if (build === "") return resolve({ ok: false, reason: "not built", absent: false });
    const cleanEnv = {};
    for (const k of Object.keys(env)) if (typeof env[k] === "string") cleanEnv[k] = env[k];
    let settled = false;
    let buf = "";
    const c = net.connect(socketPath(env));
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      c.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: `no answer within ${timeoutMs} ms`, absent: false }), timeoutMs);
    c.setEncoding("utf8");
    c.on("connect", () => c.write(`${JSON.stringify({ kind: "hook", build, args, payload, env: cleanEnv, cwd })}\n`));
    // The answer is one line: read it as soon as its newline arrives, without waiting for the end of the stream.
    const answer = () => {
      let v;
      try {
        v = JSON.parse(buf);
      } catch {
        return finish({ ok: false, reason: "garbled answer", absent: false });
      }
      if (isAnswer(v) && v.build === build) return finish({ ok: true, stdout: v.stdout, stderr: v.stderr, exitCode: v.exitCode });
      finish({ ok: false, reason: v && typeof v.error === "string" ? v.error : "not a service answer", absent: false });
    };
    c.on("data", (d) => {
      buf += d;
      if (buf.endsWith("\n")) answer();
    });
    c.on("error", (err) => finish({ ok: false, reason: err.message, absent: err.code === "ENOENT" || err.code === "ECONNREFUSED" }));
    c.on("end", answer);
  });
}

/** Start the service in the background for the next call (never waited for; its failure only costs speed). */
function startInBackground(root, env) {
  try {
    const { spawn } = require("node:child_process");
    const child = spawn(process.execPath, [path.join(root, "bin", "infragate.cjs"), "serve", "--detach"], {
      detached: true,
      stdio: "ignore",
      env,
    });
    child.on("error", () => {});
    child.unref();
  } catch {
    // next time, then
  }
}

module.exports = { ask, startInBackground, infragateHome, socketPath, buildId };
