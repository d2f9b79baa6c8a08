// Writes each package a process loads to stderr as "PACKAGE <name>", so a test can see what a
// process loads without asking the process. Registered by
// `node --import ./test/support/package-trace.mjs`: a resolve hook for import, and a wrapper
// around Module._load for require() (createRequire included), which the hook does not see.
import Module, { register } from "node:module";

register("./package-trace-hooks.mjs", import.meta.url);

const packageOf = (path) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1];
const load = Module._load;
Module._load = function traced(request, parent, isMain) {
  try {
    const name = packageOf(Module._resolveFilename(request, parent, isMain));
    if (name) process.stderr.write(`PACKAGE ${name}\n`);
  } catch {
    // A built-in module, or one that does not resolve: load() says so itself.
  }
  return load.call(this, request, parent, isMain);
};
