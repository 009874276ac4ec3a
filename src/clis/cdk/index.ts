export { interpretCdk } from "./cdk.js";
export { interpretCdktf } from "./cdktf.js";
