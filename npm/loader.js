// Loading one wasm module, written once for every module the package ships
// (today one; the keystroke and records modules later each get their own
// loader). A module is described by:
//
// - `file`: its .wasm file name, for messages;
// - `glue`: its wasm-bindgen glue (`--target web --omit-default-module-path`),
//   which is the module's functions plus `default` (async init) and `initSync`;
// - `locate()`: where the browser entry fetches it by default. The entry
//   writes `() => new URL('./x_bg.wasm', import.meta.url)` literally: that
//   pattern is what bundlers recognise to copy the file and rewrite the URL;
// - or `embedded()`: its bytes, built into the server entry (no file system,
//   no URL, nothing a server bundler can move away);
// - `warm(glue)`: optional, run once after loading.
//
// The loader gives `init(source?)`, `initSync(source?)`, `isReady()` and
// `use(name)`, which returns the glue once the module is loaded (loading it
// synchronously first when the bytes are embedded) or throws an Error that
// says to call init().

import { notReady } from './api.js';

const MAGIC = [0x00, 0x61, 0x73, 0x6d];

export function createLoader({ file, glue, locate, embedded, warm }) {
  let ready = false;
  let loading = null;

  function finish() {
    if (!ready) {
      ready = true;
      warm?.(glue);
    }
  }

  /** Loads synchronously from bytes or a compiled module (the embedded bytes when none is given). */
  function initSync(source) {
    if (ready) return;
    if (source === undefined) {
      if (!embedded) {
        throw new Error(
          `telehealth-rules: initSync() needs the module's bytes or a compiled WebAssembly.Module in the browser (it cannot fetch ${file}): ` +
            '`initSync(await (await fetch(url)).arrayBuffer())`, or `await init()` instead.',
        );
      }
      source = embedded();
    }
    if (!(source instanceof WebAssembly.Module)) {
      if (!isBytes(source)) throw new TypeError(`telehealth-rules: initSync() takes the bytes of ${file} (ArrayBuffer or a typed array) or a WebAssembly.Module, not ${describe(source)}.`);
      expectWasm(source, () => `the bytes given to initSync() are not a wasm module`);
    }
    glue.initSync({ module: source });
    finish();
  }

  /** Loads asynchronously from a URL, a Request, a Response (or a promise of one), bytes or a compiled module; one load for every caller. */
  function init(source) {
    if (ready) return Promise.resolve();
    if (source === undefined && embedded) {
      try {
        initSync();
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(error);
      }
    }
    loading ??= compile(source ?? locate()).then(
      async (module) => {
        if (!ready) {
          await glue.default({ module_or_path: module });
          finish();
        }
        loading = null;
      },
      (error) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  }

  async function compile(source) {
    if (source instanceof WebAssembly.Module) return source;
    if (isBytes(source)) {
      expectWasm(source, () => 'the bytes given to init() are not a wasm module');
      return WebAssembly.compile(source);
    }
    let url = source;
    let response = source;
    if (typeof source === 'string' || source instanceof URL || (typeof Request === 'function' && source instanceof Request)) {
      url = typeof source === 'string' ? source : source.url ?? source.href;
      try {
        response = await fetch(source);
      } catch (error) {
        throw new Error(`telehealth-rules: init() could not fetch ${file} from ${url}: ${error?.message ?? error}. ${HINT}`, { cause: error });
      }
    } else {
      response = await source;
      url = response?.url || '(a Response without a URL)';
    }
    if (typeof Response !== 'function' || !(response instanceof Response)) {
      throw new TypeError(`telehealth-rules: init() takes a URL, a Request, a Response, the bytes of ${file} or a WebAssembly.Module, not ${describe(source)}.`);
    }
    const type = response.headers.get('content-type') || 'no content type';
    const got = `${response.status}${response.statusText ? ` ${response.statusText}` : ''} (${type})`;
    if (!response.ok) throw new Error(`telehealth-rules: init() fetched ${url} and got ${got}, not ${file}. ${hintFor(url)}`);
    if (/^application\/wasm\b/i.test(type) && typeof WebAssembly.compileStreaming === 'function') {
      const copy = response.clone();
      try {
        return await WebAssembly.compileStreaming(response);
      } catch {
        // Read it whole below, for an error that says what it is.
        response = copy;
      }
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    expectWasm(bytes, () => `init() fetched ${url} and got ${got}, which is not ${file}${looksLikeHtml(bytes) ? ' but an HTML page' : ''}`, hintFor(url));
    return WebAssembly.compile(bytes);
  }

  return {
    init,
    initSync,
    isReady: () => ready,
    /** The glue, once loaded; `name` is the API function asking, for the message. */
    use(name) {
      if (!ready) {
        if (!embedded) throw notReady(name);
        initSync();
      }
      return glue;
    },
  };
}

/**
 * Where the browser entry's `.wasm` file is, given where the entry thinks it
 * is (`new URL('./x.wasm', import.meta.url)`). Vite's dev server
 * pre-bundles dependencies into node_modules/.vite/deps/, away from their
 * files; the package's own copy is then at node_modules/telehealth-rules/
 * (Vite serves it). Everywhere else the URL is right as it is.
 */
export function besidePackage(url) {
  const moved = url.pathname.match(/^(.*\/node_modules\/)\.vite\/deps(?:_temp_[^/]*)?\/([^/]+)$/);
  return moved ? new URL(`${moved[1]}telehealth-rules/${moved[2]}`, url) : url;
}

/** Bytes from the base64 text the server entry embeds, decoded once. */
export function fromBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  if (typeof globalThis.Buffer === 'function') {
    const buffer = globalThis.Buffer.from(text, 'base64');
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const HINT =
  'Bundlers copy the .wasm file when they see `new URL(..., import.meta.url)` (Vite, webpack 5, Rollup with an asset plugin, Next.js, Parcel): ' +
  'if yours did not, serve node_modules/telehealth-rules/telehealth_rules_bg.wasm yourself and pass its URL, `await init(url)`, ' +
  "or pass the bytes (`init(bytes)`, `initSync(bytes)`). Vite: `import url from 'telehealth-rules/telehealth_rules_bg.wasm?url'; await init(url)`.";

function hintFor(url) {
  if (/\/\.vite\/deps\//.test(url)) {
    return `Vite's dependency pre-bundling moved the package's JavaScript away from its .wasm file: add \`optimizeDeps: { exclude: ['telehealth-rules'] }\` to vite.config, or ${HINT.slice(HINT.indexOf('pass its URL'))}`;
  }
  return HINT;
}

function isBytes(value) {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

function view(bytes) {
  return bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function expectWasm(bytes, what, hint = '') {
  const head = view(bytes).subarray(0, 4);
  if (head.length === 4 && MAGIC.every((b, i) => head[i] === b)) return;
  const hex = [...head].map((b) => b.toString(16).padStart(2, '0')).join(' ') || 'nothing';
  throw new Error(`telehealth-rules: ${what()} (it starts with ${hex}; a wasm module starts with 00 61 73 6d).${hint ? ` ${hint}` : ''}`);
}

function looksLikeHtml(bytes) {
  const text = new TextDecoder().decode(view(bytes).subarray(0, 64)).trimStart().toLowerCase();
  return text.startsWith('<!doctype') || text.startsWith('<html') || text.startsWith('<');
}

const describe = (value) =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : value === undefined ? 'undefined' : `${typeof value === 'object' ? `an object (${value.constructor?.name ?? 'Object'})` : `a ${typeof value}`}`;
