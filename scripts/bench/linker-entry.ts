// What scripts/bench/linker.ts bundles and times: the linker's public entry points, as the extension ships them.
export { createLinker } from '../../src/core/linker';
export { buildAliasIndex, matchText } from '../../src/core/matcher';
export { unpackAliasIndex } from '../../src/core/matcher-pack';
