// Nothing for telehealth-rules: the dev server (with dependency pre-bundling)
// and production builds need no configuration for it. No import of 'vite'
// here: the test runs the repository's vite on a scratch copy where only
// telehealth-rules is installed.
export default {
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true },
};
