import * as L from "./src/core/library"; console.log(L);
