// The message renderer: the JavaScript twin of `src/messages/render.rs`.
// Both give the same text for the same template, params and terms (a Node
// test re-renders every golden finding with it). Templates use a small
// ICU MessageFormat subset: `{name}` and `{name, select, value {text} ...
// other {text}}`, nestable; no quoting, so `{` and `}` are never literal.
//
// - `{name}` is the param's value, or `terms[name][value]` when the
//   catalog has that term (a profession, a platform name, ...); a param
//   the finding lacks is left as `{name}`.
// - a select takes the branch named by the value, else `other` (a
//   missing param also takes `other`).
// - a template that does not parse renders as itself; nesting deeper than
//   MAX_DEPTH does not parse; output stops before the first piece (a run of
//   text or a value) that would take it past MAX_OUTPUT UTF-16 code units.
//
// This module holds no catalog: `messages.js` has the shipped ones (and
// `renderFinding(locale, code, params, override)`), `messages/<locale>.js`
// one locale each, for a page that loads only the locale it shows.

export const MAX_DEPTH = 8;
export const MAX_OUTPUT = 16384;

const NAME = /^[A-Za-z0-9_]+$/;
const SPACE = /^[ \t\n\r]+|[ \t\n\r]+$/g;

// Each template is parsed once, into nodes: a text run, a value (`{name}`)
// or a select (`{name, branches: [[key, nodes]]}`); a link check renders the
// same few templates on every keystroke. Bounded: catalogs and a host's
// overrides hold a few hundred templates.
const compiled = new Map();
const MAX_COMPILED = 1024;

function compile(t) {
  let entry = compiled.get(t);
  if (entry === undefined) {
    try {
      const [nodes, end] = parseBlock(t, 0, 0);
      entry = end === t.length ? { nodes } : { error: `unbalanced } at ${end}` };
      // Text only (most findings on a keystroke): rendered once, here.
      if (entry.nodes?.every((node) => typeof node === 'string')) entry.text = emitted(nodes, {}, {});
    } catch (error) {
      entry = { error: error.message };
    }
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(t, entry);
  }
  return entry;
}

/** Renders `template` with `params` (an object of strings) and `terms` ({group: {value: text}}). */
export function render(template, params = {}, terms = {}) {
  const t = String(template);
  const { nodes, text } = compile(t);
  if (text !== undefined) return text;
  if (!nodes) return t;
  return emitted(nodes, params ?? {}, terms ?? {});
}

function emitted(nodes, params, terms) {
  const out = { text: '', full: false };
  emit(nodes, params, terms, out);
  return out.text;
}

/** Why `template` does not parse, or null when it does. */
export function templateError(template) {
  return compile(String(template)).error ?? null;
}

// Parses text up to an unmatched `}` (or the end) from `at`: its nodes and where it stopped.
function parseBlock(t, at, depth) {
  if (depth > MAX_DEPTH) throw new SyntaxError('nested too deeply');
  const nodes = [];
  let i = at;
  while (i < t.length) {
    const c = t[i];
    if (c === '}') break;
    if (c !== '{') {
      const next = nextBrace(t, i);
      nodes.push(t.slice(i, next));
      i = next;
      continue;
    }
    i = parsePlaceholder(t, i + 1, depth, nodes);
  }
  return [nodes, i];
}

function emit(nodes, params, terms, out) {
  for (const node of nodes) {
    if (typeof node === 'string') push(out, node);
    else if (!node.branches) push(out, value(node.name, params, terms));
    else {
      // The value's branch, else `other`.
      const chosen = Object.hasOwn(params, node.name) ? String(params[node.name]) : undefined;
      const branch = node.branches.find(([key]) => key === chosen) ?? node.branches.find(([key]) => key === 'other');
      emit(branch[1], params, terms, out);
    }
  }
}

function nextBrace(t, from) {
  const a = t.indexOf('{', from);
  const b = t.indexOf('}', from);
  return Math.min(a < 0 ? t.length : a, b < 0 ? t.length : b);
}

// After `{`: a name, then `}` or `, select, branches }`; adds its node to
// `nodes` and returns the index after the closing `}`.
function parsePlaceholder(t, at, depth, nodes) {
  const close = t.indexOf('}', at);
  const comma = t.indexOf(',', at);
  const simple = close >= 0 && (comma < 0 || close < comma) && t.lastIndexOf('{', close) < at;
  if (simple) {
    const name = t.slice(at, close).replace(SPACE, '');
    if (!NAME.test(name)) throw new SyntaxError(`bad name at ${at}`);
    nodes.push({ name });
    return close + 1;
  }
  if (comma < 0) throw new SyntaxError(`unclosed { at ${at - 1}`);
  const name = t.slice(at, comma).replace(SPACE, '');
  const second = t.indexOf(',', comma + 1);
  if (!NAME.test(name) || second < 0 || t.slice(comma + 1, second).replace(SPACE, '') !== 'select') {
    throw new SyntaxError(`bad placeholder at ${at - 1}`);
  }
  const branches = [];
  let i = second + 1;
  for (;;) {
    i = skipSpace(t, i);
    if (i >= t.length) throw new SyntaxError('unclosed select');
    if (t[i] === '}') break;
    const open = t.indexOf('{', i);
    if (open < 0) throw new SyntaxError('select branch without text');
    const key = t.slice(i, open).replace(SPACE, '');
    if (!NAME.test(key)) throw new SyntaxError(`bad branch key at ${i}`);
    const [branch, end] = parseBlock(t, open + 1, depth + 1);
    if (t[end] !== '}') throw new SyntaxError('unclosed branch');
    branches.push([key, branch]);
    i = end + 1;
  }
  if (!branches.some(([key]) => key === 'other')) throw new SyntaxError(`select without other at ${at - 1}`);
  nodes.push({ name, branches });
  return i + 1;
}

function skipSpace(t, i) {
  while (i < t.length && (t[i] === ' ' || t[i] === '\n' || t[i] === '\t' || t[i] === '\r')) i++;
  return i;
}

function value(name, params, terms) {
  if (!Object.hasOwn(params, name)) return `{${name}}`;
  const v = String(params[name]);
  const group = Object.hasOwn(terms, name) ? terms[name] : undefined;
  return group && Object.hasOwn(group, v) ? group[v] : v;
}

function push(out, text) {
  if (!out.full && out.text.length + text.length <= MAX_OUTPUT) out.text += text;
  else out.full = true;
}

/**
 * The message of a finding `code` with its `params`, from `catalog` (one
 * locale's catalog, as `messages/<locale>.js` exports it). `override` is a
 * host application's own `{messages, terms}` (either optional): its template
 * for the code and its terms win.
 */
export function renderMessage(catalog, code, params, override) {
  const template = override?.messages?.[code] ?? catalog.messages[code];
  if (template === undefined) return '';
  const terms = override?.terms ? mergeTerms(catalog.terms, override.terms) : catalog.terms;
  return render(template, params ?? {}, terms);
}

/**
 * A platform's `{guidance, baa}` texts in `catalog`: by platform id for a
 * meeting platform, by class (`consumer`, `public`) for the others.
 */
export function platformTexts(catalog, id, platformClass) {
  return catalog.platforms[id] ?? catalog.platformClasses[platformClass] ?? null;
}

function mergeTerms(base, extra) {
  const merged = { ...base };
  for (const [group, values] of Object.entries(extra)) merged[group] = { ...(base[group] ?? {}), ...values };
  return merged;
}
