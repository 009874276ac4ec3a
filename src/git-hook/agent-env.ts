/** The environment an agent's shell shows: each agent CLI sets a variable in the shell it runs commands in.
 *  The git pre-commit check reads it, so that a commit made from an agent's shell is told from a human's
 *  (the Agent principal's `shell` attribute; policies/self-protection.cedar decides). */

export interface AgentEnvMarker {
  readonly agent: string;
  readonly name: string;
  /** The value it must have; absent: any non-empty value. */
  readonly value?: string;
  /** How the marker is known: verified with the real CLI here (test/e2e/agent-env-markers.test.ts), or from
   *  the agent's documentation or source only. */
  readonly verified: "e2e" | "docs";
}

export const AGENT_ENV_MARKERS: readonly AgentEnvMarker[] = [
  { agent: "claude-code", name: "CLAUDECODE", value: "1", verified: "e2e" },
  // Codex 0.169 sets CODEX_THREAD_ID, CODEX_SESSION_ID, CODEX_TOOL_CALL_ID and CODEX_CI=1 for each command.
  { agent: "codex", name: "CODEX_THREAD_ID", verified: "e2e" },
  { agent: "codex", name: "CODEX_CI", value: "1", verified: "e2e" },
  { agent: "copilot", name: "COPILOT_CLI", value: "1", verified: "e2e" },
  // Gemini CLI's shell execution service spawns commands with GEMINI_CLI=1 (its source; not run here).
  { agent: "gemini", name: "GEMINI_CLI", value: "1", verified: "docs" },
  // Cursor's agent shells: CURSOR_AGENT=1 (reported by Cursor users; no Cursor binary here to check).
  { agent: "cursor", name: "CURSOR_AGENT", value: "1", verified: "docs" },
];

/** The marker this environment shows (the agent whose shell it is), or undefined when none shows. */
export function agentShellOf(env: Readonly<Record<string, string | undefined>>): AgentEnvMarker | undefined {
  return AGENT_ENV_MARKERS.find((m) => {
    const v = env[m.name];
    return v !== undefined && v !== "" && (m.value === undefined || v === m.value);
  });
}
