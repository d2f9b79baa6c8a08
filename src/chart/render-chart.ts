import { createRequire } from "node:module";
import type { TopLevelSpec } from "vega-lite";
import { FONT } from "./palette.ts";

// A chart specification to an SVG (vega, headless) and a PNG (resvg). The libraries are loaded
// on the first chart, not at start-up: most processes never draw one, and vega with vega-lite
// would cost every bot their memory.
//
// The font travels with the project (Noto Sans, SIL Open Font License, from the npm package
// @expo-google-fonts/noto-sans, whose LICENSE_FONT holds the licence), and resvg is told to use
// it alone: a machine without system fonts draws the same picture as one with them.

export interface RenderedChart {
  svg: string;
  png: Uint8Array;
  width: number;
  height: number;
}

/**
 * Pixels per SVG unit in the PNG: about 1000 pixels wide, sharp where Discord and Slack show it
 * (a few hundred pixels in the message, full size when opened). Twice took a third longer to
 * draw and encode (resvg's text layout, rasterising and PNG encoding, measured), for no gain a
 * reader would see at those sizes.
 */
const SCALE = 1.5;

const require = createRequire(import.meta.url);
const FONT_FILES = ["400Regular/NotoSans_400Regular.ttf", "700Bold/NotoSans_700Bold.ttf"].map(
  (file) => require.resolve(`@expo-google-fonts/noto-sans/${file}`),
);

// vega-lite, as it loads, gives every Set a toJSON (its own stringify, for hashing while it
// compiles). Left in place it changes JSON.stringify of any Set in the process, and discord.js,
// imported after it, fails to load ("string "Set()" is not iterable"). So it is taken off again
// and put back only for the synchronous compile, where vega-lite needs it.
let setToJson: PropertyDescriptor | undefined;

async function loadVegaLite(): Promise<typeof import("vega-lite")> {
  const had = Object.getOwnPropertyDescriptor(Set.prototype, "toJSON");
  const vegaLite = await import("vega-lite");
  const added = Object.getOwnPropertyDescriptor(Set.prototype, "toJSON");
  if (!had && added) {
    setToJson = added;
    Reflect.deleteProperty(Set.prototype, "toJSON");
  }
  return vegaLite;
}

function compileSpec(vegaLite: typeof import("vega-lite"), spec: TopLevelSpec) {
  if (!setToJson) return vegaLite.compile(spec).spec;
  Object.defineProperty(Set.prototype, "toJSON", setToJson);
  try {
    return vegaLite.compile(spec).spec;
  } finally {
    Reflect.deleteProperty(Set.prototype, "toJSON");
  }
}

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import("vega"), loadVegaLite()]);
  const compiled = compileSpec(vegaLite, spec);
  // renderer "none": no canvas or DOM; the scene graph is drawn straight to SVG text.
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export async function rasterise(svg: string): Promise<Omit<RenderedChart, "svg">> {
  const { Resvg } = await import("@resvg/resvg-js");
  const image = new Resvg(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT },
    fitTo: { mode: "zoom", value: SCALE },
  }).render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

export async function renderChart(spec: TopLevelSpec): Promise<RenderedChart> {
  const svg = await renderSvg(spec);
  return { svg, ...(await rasterise(svg)) };
}
