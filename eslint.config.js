// Lint rules, including the layer boundaries of ARCHITECTURE.md as no-restricted-imports per folder.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const TF = { group: ['@tensorflow/*'], message: 'Import tfjs only in core/tf.ts, worker/ and cli/.' };
const DOM_LIBS = { group: ['react', 'react-dom', 'react-dom/*', 'd3', 'd3-*', 'zustand', 'zustand/*'], message: 'No UI libraries below the UI layers.' };
const layer = (name) => ({ group: [`**/${name}/*`, `../${name}`, `../../${name}`], message: `This layer may not import from ${name}/ (ARCHITECTURE.md).` });
const typesOnly = (name) => ({ group: [`**/${name}/*`, `../${name}/*`, `../../${name}/*`], allowTypeImports: true, message: `Only types from ${name}/ here.` });
const rule = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/core/**/*.ts'], ignores: ['src/core/tf.ts', 'src/core/**/*.test.ts'], rules: rule(TF, DOM_LIBS, layer('labs'), layer('engine'), layer('worker'), layer('state'), layer('plots'), layer('ui')) },
  { files: ['src/labs/**/*.ts'], ignores: ['src/labs/**/*.test.ts'], rules: rule(TF, DOM_LIBS, layer('worker'), layer('state'), layer('plots'), layer('ui')) },
  { files: ['src/engine/**/*.ts'], ignores: ['src/engine/**/*.test.ts'], rules: rule(TF, DOM_LIBS, layer('worker'), layer('state'), layer('plots'), layer('ui')) },
  { files: ['src/protocol/**/*.ts'], rules: rule(TF, DOM_LIBS, typesOnly('core'), layer('labs'), layer('engine'), layer('worker'), layer('state'), layer('plots'), layer('ui')) },
  { files: ['src/state/**/*.ts'], ignores: ['src/state/**/*.test.ts'], rules: rule(TF, typesOnly('core'), layer('engine'), layer('plots'), layer('ui')) },
  { files: ['src/plots/**/*.ts'], rules: rule(TF, { group: ['react', 'react-dom'], message: 'plots/ is plain TS + D3; React wrappers live in ui/plots.' }, typesOnly('core'), layer('engine'), layer('worker'), layer('ui')) },
  { files: ['src/ui/**/*.{ts,tsx}'], rules: rule(TF, typesOnly('core'), layer('engine'), layer('worker')) },
);
