// Stand-in for zod's locales/index.js in the hook bundle (see scripts/bundle.mjs): English only.
export { default as en } from "zod/v4/locales/en.js";
