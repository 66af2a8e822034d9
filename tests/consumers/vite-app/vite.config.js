// As the package README advises: no pre-bundling of telehealth-rules in the
// dev server (pre-bundling moves the JavaScript away from its .wasm file);
// production builds need nothing. No import of 'vite' here: the test runs
// the repository's vite on a scratch copy where only telehealth-rules is
// installed.
export default {
  logLevel: 'warn',
  optimizeDeps: { exclude: ['telehealth-rules'] },
  build: { outDir: 'dist', emptyOutDir: true },
};
