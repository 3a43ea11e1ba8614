#!/usr/bin/env node
// The `jixiao` command: the bundled reviewer built by scripts/build-cli.mjs (run on `npm ci`).
require("../lib/jixiao.js");
