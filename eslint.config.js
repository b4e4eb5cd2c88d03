// The linter: recommended JavaScript and TypeScript rules, the hooks rules for the Preact components, and the import
// boundaries the architecture depends on. tests/unit/structure.test.ts checks the same boundaries transitively, from
// each entry point of the page side.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Code that runs in web pages: the content script, the engine chunk and the card UI chunk. */
const PAGE_SIDE = [
  'entrypoints/content/**',
  'entrypoints/card-ui.ts',
  'entrypoints/engine.ts',
  'utils/page/**',
  'utils/card/**',
  'utils/identifiers/**',
  'components/card/**',
  'components/company/**',
];

/** What page-side code must not import at runtime (types are fine): zod, and the background's registry code. */
const PAGE_SIDE_FORBIDDEN = [
  { group: ['zod', 'zod/*'], message: 'zod stays out of code that runs in pages (~100 KB on every page).' },
  {
    group: ['**/registry/*', '!**/registry/domain', '!**/registry/errors', '!**/registry/responses'],
    message: 'Registry clients and the lookup service run in the background only; ask it with sendMessage.',
  },
  {
    group: ['**/registry/domain', '**/registry/errors', '**/registry/responses'],
    allowTypeImports: true,
    message: 'Only types from the registry on the page side (its values pull in zod).',
  },
  {
    group: ['**/messaging/background-messages', '**/messaging/router', '**/settings/schema', '**/settings/items'],
    allowTypeImports: true,
    message: 'zod schemas stay in the background and the extension pages: import their types only.',
  },
];

/** utils/ holds the logic; views live in components/ and are passed in where logic needs one. */
const NO_COMPONENTS = {
  group: ['**/components/*', '**/components'],
  message: 'utils/ never imports components/: pass the view in.',
};

const PAGE_SIDE_FILES = PAGE_SIDE.map((p) => (p.endsWith('**') ? `${p}/*.{ts,tsx}` : p));

/** A config entry forbidding these import patterns in these files. */
const restrictImports = (files, patterns) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/e2e/pages/**', 'tests/screenshots/*.png'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // In the identifier engine's regexes an escaped "-" or "[" inside a class says "this one is literal".
      'no-useless-escape': 'off',
    },
  },
  {
    // Tests evaluate code in browser worlds whose globals (chrome, the content script's hook) have no types here.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
  },
  // Later entries replace the rule's options of earlier ones, so each file set gets its whole list.
  restrictImports(['utils/**/*.{ts,tsx}'], [NO_COMPONENTS]),
  restrictImports(PAGE_SIDE_FILES, PAGE_SIDE_FORBIDDEN),
  restrictImports(
    PAGE_SIDE_FILES.filter((f) => f.startsWith('utils/')),
    [...PAGE_SIDE_FORBIDDEN, NO_COMPONENTS],
  ),
);
