/** Bundled by scripts/build-action.mjs into dist/index.js, which action.yml runs. */
import { main } from './main.js';

await main();
