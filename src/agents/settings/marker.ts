/** How install, uninstall and doctor recognise infragate's own hook entries. */
export const LAUNCHER = "hooks/infragate-hook.mjs";
/** Every installed command contains this. */
export const MARKER = "infragate-hook.mjs";

/** The service starter run at session start by an --http install (`.../bin/infragate.cjs serve --detach`). */
const SERVE_START = /infragate\.cjs'? serve --detach/;
/** The path of infragate's HTTP hook URLs. */
export const HTTP_HOOK_PATH = "/infragate/hook/";

export function isServiceStarter(command: string): boolean {
  return SERVE_START.test(command);
}

export function isOurCommand(command: unknown): boolean {
  return typeof command === "string" && (command.includes(MARKER) || SERVE_START.test(command));
}

/** A hook handler of ours: a command one, or an HTTP one to the decision service. */
export function isOurHandler(handler: Readonly<Record<string, unknown>>): boolean {
  return isOurCommand(handler.command) || (typeof handler.url === "string" && handler.url.includes(HTTP_HOOK_PATH));
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
