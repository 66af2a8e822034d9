// The language clients read (the preview's reminder, confirmation and
// calendar event) and the rules' messages come back in: English or Spanish,
// kept in this browser like the other settings. The page's own texts for the
// provider stay English (marked lang="en"); <html lang> is the chosen language.

import { announce, byId } from './dom.js';
import * as rules from './rules.js';
import * as store from './store.js';
import { CLIENT_TEXTS } from './wording.js';

/** Applies the saved language before anything renders; `onChange(locale)` hears a new choice. */
export function setupLanguage({ onChange }) {
  const select = byId('language');
  const chosen = store.load('language', (v) => rules.LOCALES.includes(v), 'en');
  select.value = chosen;
  apply(chosen);
  select.addEventListener('change', () => {
    const locale = select.value;
    store.save('language', locale);
    // The checks run again once the rules can answer in the new language.
    apply(locale).then(() => {
      onChange(locale);
      announce(`Clients' messages and the rules' messages are now in ${CLIENT_TEXTS[locale].name}.`, { again: true });
    });
  });
}

function apply(locale) {
  document.documentElement.lang = locale;
  return rules.setLocale(locale);
}
