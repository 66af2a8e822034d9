// `telehealth-rules/keystroke`: the link and instructions functions alone
// (the keystroke module), for pages that check links as the provider types.
// The same declarations as the package's main entry.
export type * from './index.js';
export {
  checkLink,
  checkInstructions,
  initKeystroke,
  initSync,
  isReady,
  loadLocale,
  setMessages,
  ruleset,
} from './index.js';
