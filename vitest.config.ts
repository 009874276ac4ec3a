import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // One temp root per run, one TMPDIR per test file inside it; a file that leaves anything there fails,
    // and the root is removed at the end (test/support/temp-root.ts, temp-setup.ts, temp.ts).
    globalSetup: ["test/support/temp-root.ts"],
    setupFiles: ["test/support/temp-setup.ts"],
    // Hooks that find no decision service start one for next time; tests start theirs explicitly
    // (test/serve), so the rest of the suite leaves no background services behind.
    env: { INFRAGATE_SERVE_AUTOSTART: "0" },
  },
});
