// The hook package-trace.mjs registers: runs on Node's loader thread.
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  const name = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(resolved.url)?.[1];
  if (name) process.stderr.write(`PACKAGE ${name}\n`);
  return resolved;
}
