// ESLint over the project's JavaScript (`npm run lint`, from tests/e2e where
// the tools are installed): the recommended rules, and each folder's globals.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import globals from "globals";

export default defineConfig([
  {
    // Paths are from the repository's root: `npm run lint` runs ESLint there with this file.
    ignores: ["dist/", "target/", "fuzz/", "**/node_modules/", "tests/e2e/artifacts/"],
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
  },
  {
    // The extension (background, content scripts, sidebar, options) and the demo page.
    files: ["extension/**/*.js", "www/*.js", "tests/e2e/fixtures/**/*.js"],
    languageOptions: { globals: { ...globals.browser, ...globals.webextensions } },
  },
  {
    // Node scripts, whose page.evaluate / worker.evaluate callbacks run in
    // pages and in the extension.
    files: ["tests/e2e/*.mjs", "bench/*.mjs"],
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.webextensions } },
  },
  {
    files: ["www/serve.mjs", "extension/manifest.mjs"],
    languageOptions: { globals: globals.node },
  },
]);
