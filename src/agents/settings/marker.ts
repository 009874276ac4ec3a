/** How install, uninstall and doctor recognise infragate's own hook entries. */
/** The launcher installed commands run: CommonJS, so a hook call does not start Node's ES module loader. */
export const LAUNCHER = "hooks/infragate-hook.cjs";
/** Every command installed now contains this. */
export const MARKER = "infragate-hook.cjs";
/** Commands installed by earlier versions name the ES module launcher (still shipped: it runs the .cjs one). */
const LEGACY_MARKER = "infragate-hook.mjs";

/** Does this command, script or plugin text name infragate's launcher (this version's or an earlier one's)? */
export function namesLauncher(text: string): boolean {
  return text.includes(MARKER) || text.includes(LEGACY_MARKER);
}

/** The service starter run at session start by an --http install (`.../bin/infragate.cjs serve --detach`). */
const SERVE_START = /infragate\.cjs'? serve --detach/;
/** The path of infragate's HTTP hook URLs. */
export const HTTP_HOOK_PATH = "/infragate/hook/";

export function isServiceStarter(command: string): boolean {
  return SERVE_START.test(command);
}

export function isOurCommand(command: unknown): boolean {
  return typeof command === "string" && (namesLauncher(command) || SERVE_START.test(command));
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
