/** How install, uninstall and doctor recognise infragate's own hook entries. */
export const LAUNCHER = "hooks/infragate-hook.mjs";
/** Every installed command contains this. */
export const MARKER = "infragate-hook.mjs";

export function isOurCommand(command: unknown): boolean {
  return typeof command === "string" && command.includes(MARKER);
}

/** `<command> || exit 2`: for agents without a fail-closed switch, a hook that cannot start (a removed
 *  installation, a missing node) still answers with the agent's blocking exit code. */
export function failClosedCommand(command: string): string {
  return `${command} || exit 2`;
}

const FAIL_CLOSED = /\|\|\s*exit\s+2\s*$/;

export function isFailClosedCommand(command: string): boolean {
  return FAIL_CLOSED.test(command);
}
