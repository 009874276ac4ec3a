import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Hooks that find no decision service start one for next time; tests start theirs explicitly
    // (test/serve), so the rest of the suite leaves no background services behind.
    env: { INFRAGATE_SERVE_AUTOSTART: "0" },
  },
});
