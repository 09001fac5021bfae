// Who may import whom in src/: the pipeline of docs/architecture.md, enforced by `npm run lint`.
// Each folder may import only the folders listed for it (and itself); everything else is refused
// with a message naming the rule. `cli/` is the top and may import anything; nothing imports it.

/** Folder → the folders it may import. Keep in step with the picture in docs/architecture.md. */
export const LAYERS = {
  text: [],
  model: ['text'],
  parse: ['model', 'text'],
  check: ['parse', 'model', 'text'],
  view: ['check', 'parse', 'model', 'text'],
  run: ['view', 'check', 'parse', 'model', 'text'],
  report: ['check', 'model', 'text'],
  cheatsheet: ['view', 'report', 'model', 'text'],
  oncall: ['view', 'report', 'check', 'parse', 'model', 'text'],
  due: ['cheatsheet', 'view', 'report', 'model', 'text'],
  site: ['due', 'cheatsheet', 'view', 'report', 'check', 'parse', 'model', 'text'],
  io: ['parse', 'model', 'text'],
  adopt: ['io', 'parse', 'model', 'text'],
  cli: ['run', 'view', 'report', 'cheatsheet', 'due', 'oncall', 'site', 'io', 'adopt', 'check', 'parse', 'model', 'text'],
};

const FOLDERS = Object.keys(LAYERS);

/**
 * ESLint config blocks: for each folder, `no-restricted-imports` refusing relative imports that
 * reach another folder not in its list. Files one and two levels deep are matched separately so
 * that `../` and `../../` are read as what they are (src/<folder>/ and src/<folder>/<sub>/).
 */
export function layerBlocks() {
  return FOLDERS.flatMap((folder) => {
    const refused = FOLDERS.filter((other) => other !== folder && !LAYERS[folder].includes(other));
    if (refused.length === 0) return [];
    const message = `src/${folder}/ may import only ${LAYERS[folder].map((name) => `${name}/`).join(', ') || 'itself'} (docs/architecture.md, eslint.layers.js)`;
    const rule = (up) => ['error', { patterns: [{ regex: `^${up}(${refused.join('|')})/`, message }] }];
    return [
      { files: [`src/${folder}/*.ts`], rules: { 'no-restricted-imports': rule('\\.\\./') } },
      { files: [`src/${folder}/*/*.ts`], rules: { 'no-restricted-imports': rule('\\.\\./\\.\\./') } },
    ];
  });
}
