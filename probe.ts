import { COMMANDS } from "./commands/index.ts";
import { renderText } from "./src/render/text.ts";
import { ask, bundledContext } from "./test/support/context.ts";

const ctx = bundledContext();
for (const l of process.argv.slice(2)) {
  const r = ask(ctx, l);
  console.log(renderText(r, COMMANDS));
  console.log("-----");
}
