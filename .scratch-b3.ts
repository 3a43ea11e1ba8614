import { syntheticLibrary } from "./src/core/library/bench";
import { createSearchIndex } from "./src/core/library/search";
const lib = syntheticLibrary(5000);
for (let r = 0; r < 6; r++) createSearchIndex(lib);
