/**
 * End to end with the REAL OpenCode CLI (opencode-ai, native binary), offline against a scripted Chat Completions
 * API on loopback (a custom provider in opencode.json), after `infragate install opencode` (a plugin). The model
 * sees a block as the plugin's error. Skipped, with the reason in its name, where the binary is not installed.
 */
import { chatAgentSuite } from "./support/chat-agent-suite.js";
import { opencodeBinary, runOpencode } from "./support/opencode.js";

const BIN = opencodeBinary();

chatAgentSuite({
  agent: "opencode",
  title: "OpenCode (real CLI), opencode run",
  ...(BIN ? {} : { skip: "the OpenCode native binary is not installed for this platform" }),
  run: (project, url, prompt, env) => runOpencode(BIN as string, project, url, prompt, env),
  shellTool: "bash",
  writeFile: (file, content) => ({ name: "write", args: { filePath: file, content } }),
  guardFile: ".opencode/plugins/other.js",
  hookFile: ".opencode/plugins/infragate.js",
  blocked: (reason) => new RegExp(`^infragate blocked this action[\\s\\S]*${reason}`),
  removed: /infragate's hook failed \(exit 1\), so infragate blocks this call/,
});
