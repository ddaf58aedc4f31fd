// ESLint (flat config): the recommended JavaScript and typescript-eslint rules on src/,
// __tests__/, bench/ and scripts/; dist/ is generated and left out. Formatting is Prettier's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'build-tmp/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        URL: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        AbortController: 'readonly',
        structuredClone: 'readonly',
        performance: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Tests and adapters cast through `unknown` at the edges on purpose.
      '@typescript-eslint/no-explicit-any': 'error',
      // Variables initialised before a try whose catch always throws read as "useless"
      // assignments; the initialisers keep TypeScript's definite-assignment analysis simple.
      'no-useless-assignment': 'off',
    },
  },
);
