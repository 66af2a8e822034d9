// What the provider saved, kept in this browser's localStorage so it survives
// a reload. An entry is checked on the way back in: a damaged or older entry
// is ignored rather than trusted, and every value is run through the rules
// again once it is on screen.

const PREFIX = 'telehealth-rules/v1/';

/** The saved value under `name` when `isValid(value)` holds, else `fallback`. */
export function load(name, isValid, fallback = null) {
  try {
    const value = JSON.parse(localStorage.getItem(PREFIX + name));
    return value !== null && isValid(value) ? value : fallback;
  } catch {
    return fallback; // unreadable JSON, or storage blocked by the browser
  }
}

/** Saves `value` under `name`; false when the browser refuses (private mode, quota). */
export function save(name, value) {
  try {
    localStorage.setItem(PREFIX + name, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export const isString = (value) => typeof value === 'string';
export const isStringArray = (value) => Array.isArray(value) && value.every(isString);
