// The hedgehog renderer loads its sprite sheet and atlas by URL: serve the installed package's own
// copies from public/hedgehog, so they always match the code that reads them.
import { cpSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "node_modules/@posthog/hedgehog-mode/assets");
const target = join(root, "public/hedgehog");

if (!existsSync(source)) {
  console.error(`copy-hedgehog-assets: ${source} is missing; run npm install first`);
  process.exit(1);
}
mkdirSync(target, { recursive: true });
cpSync(source, target, { recursive: true });
