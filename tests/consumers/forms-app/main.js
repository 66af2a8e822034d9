// The browser page: the keystroke-only entry and the validators' entry
// (without locationSchema, so no records glue), bundled by esbuild with
// --platform=browser; the .wasm file copied into the output as the package
// README's esbuild section says, and its URL given to initKeystroke().
import { initKeystroke } from 'telehealth-rules/keystroke';
import { instructionsSchema, linkSchema, objectSchema } from 'telehealth-rules/schema';
import { forms } from './forms.js';

const loading = initKeystroke('/static/keystroke_bg.wasm');
// A validator used before the module is loaded answers through a promise
// (joining the load under way).
const early = linkSchema()['~standard'].validate('doxy.me/drsmith');
const pending = early instanceof Promise;
await loading;
const out = await forms({ linkSchema, instructionsSchema, objectSchema });
out.earlyWasPromise = pending;
out.earlyIssue = (await early).issues?.[0]?.code;
document.getElementById('out').textContent = JSON.stringify(out);
document.body.dataset.ready = '1';
