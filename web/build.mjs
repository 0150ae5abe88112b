// Builds the web UI into src/dateline/web/static/ (the folder `dateline serve` serves at /static):
//
//   app.js, app.css     the UI's modules and style sheets with Leaflet, leaflet.markercluster and
//                       uPlot, bundled and minified by esbuild (their licences in app.js.LEGAL.txt)
//   index.html          the page, copied as is
//   basemap/            the offline basemap (basemap.mjs): borders, first-level boundaries, labels
//   docs/               the API's docs page (served at /docs): Swagger UI from swagger-ui-dist (it reads
//                       OpenAPI 3.1), our page, style and the script that starts it on /openapi.json
//   build.json          what was built from what (the Python side checks it is there)
//
// Run by `make install` (npm ci, then npm run build). Nothing here touches the network: every
// input is in node_modules or src/. The output folder is emptied first and is never committed.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { writeBasemap } from "./basemap.mjs";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const OUT = process.env.DATELINE_WEB_OUT || here("../src/dateline/web/static/");

// Swagger UI's prebuilt bundle and style sheet (and its licence) beside our page and start script.
const SWAGGER_FILES = ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE", "NOTICE"];

async function writeDocs(out) {
  await mkdir(out, { recursive: true });
  for (const name of SWAGGER_FILES) await copyFile(here(`node_modules/swagger-ui-dist/${name}`), `${out}/${name}`);
  for (const name of ["index.html", "docs.js", "docs.css"]) await copyFile(here(`src/docs/${name}`), `${out}/${name}`);
}

async function main() {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  await build({
    entryPoints: { app: here("src/app.js"), "app-style": here("src/app.css") },
    outdir: OUT,
    bundle: true,
    format: "esm",
    target: ["es2020"],
    minify: true,
    sourcemap: true,
    legalComments: "linked",
    loader: { ".png": "file", ".svg": "file" },
    logLevel: "warning",
  });
  await copyFile(here("src/index.html"), `${OUT}/index.html`);
  const basemap = await writeBasemap(`${OUT}/basemap`);
  await writeDocs(`${OUT}/docs`);
  const lock = await readFile(here("package-lock.json"));
  const info = {
    built: new Date().toISOString(),
    package_lock_sha256: createHash("sha256").update(lock).digest("hex"),
    basemap,
  };
  await writeFile(`${OUT}/build.json`, JSON.stringify(info, null, 1) + "\n");
  console.log(`web UI built into ${OUT}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
