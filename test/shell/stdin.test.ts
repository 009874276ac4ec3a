import { describe, expect, it } from "vitest";
import { analyze, t } from "./helpers.js";

describe("where stdin comes from", () => {
  t("terraform destroy", { program: "terraform", stdin: "terminal" });
  t("echo yes | terraform destroy", { program: "terraform", stdin: "pipe" });
  t("yes | terraform destroy", { program: "terraform", stdin: "pipe" });
  t("yes yes | terraform apply", { program: "terraform", stdin: "pipe" });
  t("printf 'yes\\n' | terraform destroy", { program: "terraform", stdin: "pipe" });
  t("terraform destroy <<< yes", { program: "terraform", stdin: "here-string" });
  t("terraform destroy <<EOF\nyes\nEOF", { program: "terraform", stdin: "heredoc" });
  t("terraform destroy < answers.txt", { program: "terraform", stdin: "file" });
  t("terraform destroy 0< answers.txt", { program: "terraform", stdin: "file" });
  t("terraform destroy 3< answers.txt", { program: "terraform", stdin: "terminal" });
  t("echo yes | sudo terraform destroy", { program: "terraform", stdin: "pipe", wrappers: ["sudo"] });
  t("echo yes | bash -c 'terraform destroy'", { program: "terraform", stdin: "pipe" });
  t("echo yes | { terraform destroy; }", { program: "terraform", stdin: "pipe" });
  t("echo yes | (terraform destroy)", { program: "terraform", stdin: "pipe" });
  t("{ terraform destroy; } <<< yes", { program: "terraform", stdin: "here-string" });
  t("while read l; do terraform destroy; done < dirs.txt", { program: "terraform", stdin: "file" });
  t("echo yes | terraform destroy 2>&1 | tee log", { program: "terraform", stdin: "pipe" });
  t("terraform destroy |& tee log", { program: "terraform", stdin: "terminal" });
  t("bash -c 'terraform destroy' <<< yes", { program: "terraform", stdin: "here-string" });
  t("echo yes | terraform destroy < /dev/tty", { program: "terraform", stdin: "file" });
});

describe("the stdin text and file, when known", () => {
  t("psql <<'SQL'\nDROP TABLE users;\nSQL", { program: "psql", stdin: "heredoc", stdinText: "DROP TABLE users;\n" });
  t("psql <<< 'select 1'", { program: "psql", stdin: "here-string", stdinText: "select 1\n" });
  t("echo 'DROP DATABASE app' | psql", { program: "psql", stdin: "pipe", stdinText: "DROP DATABASE app\n" });
  t("psql < dump.sql", { program: "psql", stdin: "file", stdinPath: "/work/repo/dump.sql" });
  t("cd db && mysql app < ../seed.sql", { program: "mysql", stdin: "file", stdinPath: "/work/repo/seed.sql" });
  t("cat dump.sql | psql app", { program: "psql", stdin: "pipe", stdinPath: "/work/repo/dump.sql" });
  t("cd db && cat ../seed.sql | mysql", { program: "mysql", stdin: "pipe", stdinPath: "/work/repo/seed.sql" });
  for (const src of ["cat $F | psql", "psql < $DUMP", "cat a.sql b.sql | psql", "cat *.sql | psql"]) {
    it(`${src}: not known`, () => {
      const cmd = analyze(src).commands.find((c) => c.program === "psql");
      expect(cmd?.stdinText).toBeUndefined();
      expect(cmd?.stdinPath).toBeUndefined();
    });
  }
});
