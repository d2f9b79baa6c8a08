import type { Country } from "./expulsion-series.ts";

// Colours from Okabe and Ito's palette, chosen to be told apart by readers with any common
// colour-vision deficiency, and far apart in lightness so a greyscale print keeps them apart:
// Norway's blue is dark, Russia's orange light.
export const COUNTRY_COLOUR: Record<Country, string> = {
  Norway: "#0072B2",
  Russia: "#E69F00",
};

export const INK = "#1b1b1b";
export const MUTED = "#5c5c5c";
export const FONT = "Noto Sans";
