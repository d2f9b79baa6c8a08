// A module hook that writes each package a process resolves to stderr as "PACKAGE <name>", so a
// test can see what a process loads without asking the process. Registered by
// `node --import ./test/support/package-trace.mjs`.
import { register } from "node:module";

register("./package-trace-hooks.mjs", import.meta.url);
