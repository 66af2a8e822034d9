// The screens after the link screen, which app.js imports in one piece once
// the link screen is set up: one `import()` for the four, so that the page's
// build (scripts/build-www.mjs) makes them one chunk, fetched after the first
// check's files, rather than a chunk for each screen and one for each set of
// modules two screens share.

export { renderPreview } from './preview.js';
export { setupLocations } from './locations.js';
export { setupProfile } from './profile.js';
export { setupSession } from './session.js';
