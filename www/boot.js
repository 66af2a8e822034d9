// Starts the keystroke rules as soon as the page's HTML is read, before the
// rest of the page's modules have run: the HTML preloads their files, and a
// link pasted at once is judged as soon as they answer. A failure here is
// reported by app.js, which asks for them again.

import { load } from './rules.js';

load('keystroke').catch(() => {});
