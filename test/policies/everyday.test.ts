/** Everyday commands and file actions that the whole pack must ALLOW: a false block on ordinary work is
 *  a bug (users uninstall noisy guards). Each runs through the full pipeline in a fresh workspace. */
import { describe, expect, it } from "vitest";
import { makeGate } from "../support/gate.js";
import { gitRepo } from "../support/git-repo.js";

const COMMANDS: readonly string[] = [
  "git status",
  "git diff HEAD~1",
  "git log --oneline -10",
  "git add -A",
  "git add src/x.ts main.tf",
  'git commit -m "fix terraform destroy handling"',
  'git commit -am "docs: explain --no-verify"',
  "git push",
  "git push -u origin feature/x",
  "git pull",
  "git fetch origin",
  "git switch main",
  "git checkout -b fix",
  "git stash && git stash pop",
  "psql -c 'select count(*) from users'",
  "psql \"$DATABASE_URL\" -At -c 'select version()'",
  "mysql -e 'SHOW TABLES' app",
  "sqlite3 dev.db .schema",
  "redis-cli ping",
  "pg_dump app > app.sql",
  "npx prisma generate",
  "npx prisma migrate status",
  "bin/rails routes",
  "python manage.py runserver",
  "python manage.py test",
  "docker compose up -d",
  "docker compose down",
  "git rm --cached .env",
  "npm test",
  "gh pr list",
  "gh pr view 12 --comments",
  'gh pr create --title "fix: x" --body "$(cat body.md)"',
  "gh run view 123 --log-failed",
  "gh api repos/o/r/pulls/12/comments",
  "fly status",
  "gcloud config list",
  "gcloud compute instances list --project p",
  "gcloud run services describe api --region europe-west1",
  "gcloud logging read 'severity>=ERROR' --limit 20",
  "gcloud container clusters get-credentials prod --region europe-west1",
  "gsutil ls gs://bucket/path",
  "bq query --use_legacy_sql=false 'SELECT 1'",
  "az account show",
  "az group list -o table",
  "az webapp log tail -n app -g rg",
  "az deployment group what-if -g rg -f main.bicep",
  "fly logs -a api",
  "heroku logs --tail -a api",
  "vercel ls",
  "sam build",
  "sam validate",
  "helmfile diff",
  "argocd app diff api",
  "mise exec -- terraform plan",
  "npm install",
  "npm ci",
  "npm run build",
  "npx vitest run",
  "ls -la",
  "pwd",
  "cat README.md",
  "head -n 20 src/index.ts",
  "grep -r destroy .",
  "rg -n 'terraform destroy' docs",
  'echo "terraform destroy"',
  "printf '%s\\n' done",
  "terraform plan",
  "terraform fmt -recursive",
  "terraform validate",
  "terraform init",
  "mkdir -p build",
  "rm -rf build/ node_modules/.cache",
  "rm -f dist/app.js",
  "cp src/a.ts src/b.ts",
  "mv src/old.ts src/new.ts",
  "tar czf out.tgz dist",
  "touch src/new.ts",
  "sed -i 's/foo/bar/' src/a.ts",
  "perl -pi -e 's/foo/bar/' src/a.ts",
  "chmod +x scripts/build.sh",
  "ln -s ../shared/variables.tf variables.tf",
  "find . -name '*.log' -delete",
  "cat main.tf | grep resource",
  "tee build/log.txt < /dev/null",
  "curl -fsSL https://example.com -o build/page.html",
  "node --version",
  "python3 -m pytest",
  "make test",
  "cd src && ls",
  "wc -l src/*.ts",
  "diff -u a.txt b.txt",
  "gzip -k build/log.txt",
  "cp .env.example .env.sample",
];

const FILES: readonly { tool: "Write" | "Edit" | "Read"; path: string }[] = [
  { tool: "Write", path: "src/x.ts" },
  { tool: "Edit", path: "main.tf" },
  { tool: "Edit", path: "infra/prod/backend.tf" },
  { tool: "Write", path: "modules/vpc/variables.tf" },
  { tool: "Read", path: "README.md" },
  { tool: "Read", path: "main.tf" },
  { tool: "Read", path: ".terraform.lock.hcl" },
  { tool: "Write", path: "docs/state.md" },
  { tool: "Write", path: ".gitignore" },
  { tool: "Write", path: "package.json" },
  { tool: "Write", path: ".env.example" },
];

/** Work-tree rewrites are decided on what git says they would overwrite: they run in a real repository. */
const IN_REPO = new Set(["git stash && git stash pop"]);

describe("everyday work stays allowed", () => {
  for (const command of COMMANDS) {
    it(command, async () => {
      const gate = makeGate();
      if (IN_REPO.has(command)) gitRepo({ "app.txt": "b\n" })(gate.root);
      const result = await gate.shell(command);
      expect(result.findings.flatMap((f) => f.errors), "Cedar errors").toEqual([]);
      expect(result.decision, `${result.reason} (${result.policies.join(", ")})`).toBe("allow");
    });
  }
  for (const f of FILES) {
    it(`${f.tool} ${f.path}`, async () => {
      const result = await makeGate().file(f.tool, f.path);
      expect(result.findings.flatMap((x) => x.errors), "Cedar errors").toEqual([]);
      expect(result.decision, `${result.reason} (${result.policies.join(", ")})`).toBe("allow");
    });
  }
});
