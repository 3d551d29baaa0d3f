// Screenshots of a rendered page in the system's headless Chromium, for docs/ and for review:
//   node screenshot.mjs PAGE.html OUT.png [WIDTH] [full|top:HEIGHT|SELECTOR]
// docs/render-example.png and docs/render-structure.png are made with
//   node screenshot.mjs northmoor.html render-example.png 1100 top:1700
//   node screenshot.mjs northmoor.html render-structure.png 1100 'section:has(#structure)'
// from `masa render arrangements/example/northmoor.toml --today 2026-12-01`.
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const [file, out, width = "1100", what = "full"] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: Number(width), height: 900 });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  if (what.startsWith("top:")) {
    await page.setViewport({ width: Number(width), height: Number(what.slice(4)) });
    await page.screenshot({ path: out });
  } else if (what === "full") {
    await page.screenshot({ path: out, fullPage: true });
  } else {
    const element = await page.$(what);
    await element.screenshot({ path: out });
  }
} finally {
  await browser.close();
}
