// Runs axe-core on each HTML file given, in the system's headless Chromium (no browser
// download), at WCAG 2.2 A and AA. Prints each violation and exits 1 if there is any.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const files = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
let total = 0;
try {
  for (const file of files) {
    const page = await browser.newPage();
    // The pages forbid scripts with their Content-Security-Policy; axe is injected through
    // the DevTools protocol, which the policy does not govern once bypassed for the test.
    await page.setBypassCSP(true);
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await page.evaluate(axeSource);
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      await axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      }),
    );
    const count = result.violations.reduce((n, v) => n + v.nodes.length, 0);
    total += count;
    console.log(`${file}: ${result.violations.length} violation(s), ${count} element(s); ${result.passes.length} rules passed`);
    for (const v of result.violations) {
      console.log(`  ${v.id} (${v.impact}): ${v.help}`);
      for (const n of v.nodes.slice(0, 5)) console.log(`    ${n.target.join(" ")}: ${n.failureSummary.replace(/\n/g, " ")}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`axe-core: ${total} violating element(s) in ${files.length} page(s)`);
process.exit(total === 0 ? 0 : 1);
