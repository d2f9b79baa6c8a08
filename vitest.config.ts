import { configDefaults, defineConfig } from "vitest/config";

// Two groups, chosen by file name so that a new test lands in one without a list to keep:
// - slow: `*.slow.test.ts`, the tests that start whole processes (the bot, the CLIs, the
//   build, shards) or run long simulations (days and a year on a fake clock, real send
//   timeouts, fuzzing by the thousand). test/suite-split.test.ts keeps process-starting tests
//   out of unit.
// - unit: everything else, in-process; `npm run test:unit` is the loop to run on every change.
// `npm test` (and CI) runs both, unit first.
const SLOW = "test/**/*.slow.test.ts";

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, SLOW],
          // Unit files share one module graph per worker: importing every module afresh for
          // each file (discord.js and Bolt among them) was most of their run time. None stubs
          // globals or mocks modules, and each restores the real timers it faked; shuffled file
          // orders pass too (--sequence.shuffle.files).
          isolate: false,
          // In-process and CPU-bound, so every core; vitest's default leaves one idle.
          maxWorkers: "100%",
          // vitest's 5 s default is a wall-clock bet: on a two-core machine shared with other
          // work, a file that drives hundreds of lines through the commands lost it (CI, under
          // load). A hang still fails, just later.
          testTimeout: 20_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        // Isolated and at vitest's default parallelism: these start processes of their own,
        // which need the spare core, and some hold deadlines a starved child would miss.
        // A child process's start-up alone can take seconds on a loaded machine, so 5 s per
        // test failed spawn-and-answer tests that were only slow (CI with other work running).
        test: { name: "slow", include: [SLOW], testTimeout: 60_000, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
