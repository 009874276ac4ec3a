/** Dotenv files by name: `.env`, `.env.production`, `prod.env`, `.envrc`; not the templates
 *  (`.env.example`, `.sample`, `.template`, `.dist`, `.defaults`). Shared by the path classes and the shell
 *  stage (values a sourced dotenv file sets are secrets). */
export function isEnvFileName(base: string): boolean {
  const lower = base.toLowerCase();
  if (/\.(example|sample|template|dist|defaults)$/.test(lower)) return false;
  return lower === ".env" || lower.startsWith(".env.") || lower === ".envrc" || (lower.endsWith(".env") && lower.length > 4);
}
