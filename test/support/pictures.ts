import { PNG } from "pngjs";
import { type Command, defineCommand } from "../../src/command/declaration.ts";
import { type ReplyImage, reply } from "../../src/reply/reply.ts";

// Commands that answer with a picture, for the transports' tests: real PNGs of a chosen size,
// drawn here in microseconds, so a test need not wait for a chart to be rendered.

/** A real PNG, `width` × `height`; noisy pixels barely compress, for a file of a chosen size. */
export function testPng(width: number, height: number, noisy = false): Uint8Array {
  const png = new PNG({ width, height });
  let seed = 17;
  for (let i = 0; i < png.data.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    png.data[i] = noisy ? seed >> 16 : i % 4 === 3 ? 255 : 200;
  }
  return new Uint8Array(PNG.sync.write(png));
}

/** A picture as a command attaches it, with alt text. */
export function testImage(width: number, height: number, noisy = false): ReplyImage {
  return {
    png: testPng(width, height, noisy),
    fileName: `test-${width}x${height}.png`,
    alt: `A test picture, ${width} by ${height} pixels.`,
    width,
    height,
  };
}

/** `/name`, answering with a one-line summary and `image`. */
export function pictureCommand(name: string, image: ReplyImage): Command {
  return defineCommand({
    name,
    description: "An answer with a picture",
    options: [],
    examples: [`/${name}`],
    handle: () => reply("answer", `Picture ${name}`, { body: ["A summary."], image }),
  });
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The width and height of PNG bytes, after checking their signature; throws if not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const buffer = Buffer.from(bytes);
  if (!buffer.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG signature");
  const { width, height } = PNG.sync.read(buffer);
  return { width, height };
}
