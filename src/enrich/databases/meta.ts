/** Client meta-commands that are not SQL: psql backslash commands, sqlite3 dot-commands, mysql's client
 *  commands. They are taken out of the text (so the SQL parser sees SQL) and classified here. */
import { emptyClassified, type Classified } from "./classified.js";

export interface Split {
  readonly sql: string;
  readonly meta: Classified;
}

const PSQL_READ = /^\\(d\S*|l\+?|list|x|timing|pset|a|t|H|q|quit|echo|qecho|warn|conninfo|set|unset|encoding|c|connect|g|gx|gset|gdesc|p|print|r|reset|s|sf\S*|sv\S*|ef|ev|e|edit|h|help|\?|if|elif|else|endif|prompt|setenv|cd|o|out|w|write|T|f|C|z|bind|bind_named|close_prepared|parse|startpipeline|endpipeline|sendpipeline|syncpipeline|flushrequest|flush|getresults|restrict|unrestrict|crosstabview|watch|errverbose)$/;

/** psql: a line starting with a backslash is a meta-command (up to the end of the line). */
export function splitPsql(text: string): Split {
  const meta = emptyClassified();
  const keep: string[] = [];
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (!t.startsWith("\\")) {
      keep.push(line);
      continue;
    }
    keep.push("");
    const word = t.split(/\s+/)[0] ?? "";
    meta.statements.push(word);
    if (word === "\\copy") meta.effects.push(/\sfrom\s/i.test(t) ? "write" : "read");
    else if (word === "\\i" || word === "\\ir" || word === "\\include" || word === "\\include_relative") meta.unreadable.push(`meta-command ${word} (an included file)`);
    else if (word === "\\!" || word === "\\gexec" || word === "\\lo_import" || word === "\\lo_unlink") meta.unreadable.push(`meta-command ${word}`);
    else if (PSQL_READ.test(word)) meta.effects.push("read");
    else meta.unreadable.push(`meta-command ${word}`);
  }
  return { sql: keep.join("\n"), meta };
}

const SQLITE_READ = new Set([".tables", ".table", ".schema", ".fullschema", ".indexes", ".indices", ".dump", ".databases", ".headers", ".header", ".mode", ".show", ".help", ".quit", ".exit", ".width", ".timer", ".print", ".dbinfo", ".eqp", ".explain", ".stats", ".nullvalue", ".separator", ".echo", ".changes", ".bail", ".output", ".once", ".excel", ".backup", ".save", ".clone", ".lint", ".parameter", ".prompt", ".sha3sum", ".selftest", ".testcase", ".check", ".limit", ".log", ".scanstats", ".timeout", ".trace", ".version", ".vfsinfo", ".vfslist", ".vfsname", ".expert", ".crnl", ".binary", ".connection", ".filectrl", ".imposter", ".recover"]);

/** sqlite3: a line starting with a dot is a dot-command. */
export function splitSqlite(text: string): Split {
  const meta = emptyClassified();
  const keep: string[] = [];
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (!t.startsWith(".")) {
      keep.push(line);
      continue;
    }
    keep.push("");
    const word = (t.split(/\s+/)[0] ?? "").toLowerCase();
    meta.statements.push(word);
    if (word === ".import") meta.effects.push("write");
    else if (word === ".restore") {
      meta.effects.push("restore-clean");
      meta.objects.push("the whole database (.restore)");
    } else if (word === ".open") meta.effects.push("read");
    else if (SQLITE_READ.has(word)) meta.effects.push("read");
    else meta.unreadable.push(`dot-command ${word}`);
  }
  return { sql: keep.join("\n"), meta };
}

/** mysql / mariadb client commands: `source FILE`, `\. FILE`, `system CMD`, `\! CMD`; `\G` ends a statement. */
export function splitMysql(text: string): Split {
  const meta = emptyClassified();
  const keep: string[] = [];
  for (const line of text.split("\n")) {
    const t = line.trim();
    const word = (t.split(/\s+/)[0] ?? "").toLowerCase();
    if (word === "source" || word === "\\." || word === "system" || word === "\\!" || word === "delimiter") {
      keep.push("");
      meta.statements.push(word);
      meta.unreadable.push(`client command ${word}`);
    } else if (/^(quit|exit|\\q|status|\\s|help|\\h|\?|\\c|clear|ego|\\g|warnings|nowarning|\\W|\\w)\s*;?$/i.test(t)) {
      keep.push("");
      meta.effects.push("read");
    } else keep.push(line.replace(/\\G\s*$/, ";"));
  }
  return { sql: keep.join("\n"), meta };
}
