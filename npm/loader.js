// Loads one wasm module; written once for every module the package ships
// (each entry makes one loader per module). createLoader({file, glue,
// locate | embedded, calls, warm}): `glue` is the module's wasm-bindgen glue,
// `locate()` the browser's default URL (written literally in the entry, for
// bundlers), `embedded()` the bytes built into the server entry, `calls(exports)`
// what `use()` gives in place of the glue, made from the module's exports.
import { notReady } from './api.js';

export function createLoader({ file, module, glue, locate, embedded, calls, warm }) {
  let ready = false;
  let api = glue;
  // The module's one promise: the same object on every init() while a load
  // is under way and forever once loaded (so React's `use()` sees one
  // thenable); a failed load drops it, so the next init() starts afresh.
  let current = null;
  // Loads under way for `current` (a default one and any explicit sources).
  let pending = 0;
  const finish = (exports) => {
    if (!ready) {
      ready = true;
      if (calls) api = calls(exports);
      warm?.(api);
    }
  };

  function initSync(source = embedded?.()) {
    if (ready) return;
    if (source === undefined) {
      throw new Error(`telehealth-rules: initSync() needs the bytes of ${file} or a WebAssembly.Module in the browser; or await init().`);
    }
    if (!(source instanceof WebAssembly.Module)) {
      if (!isBytes(source)) throw new TypeError(`telehealth-rules: initSync() takes the bytes of ${file} or a WebAssembly.Module.`);
      expectWasm(source, 'the bytes given to initSync() are not a wasm module');
    }
    finish(glue.initSync({ module: source }));
    settle(null);
  }

  // Fulfils (error null) or rejects the current promise, made first if
  // there is none; marks it the way React reads a thenable it has seen.
  function settle(error) {
    current ??= deferred();
    const { promise, resolve, reject } = current;
    if (error === null) {
      Object.assign(promise, { status: 'fulfilled', value: undefined });
      resolve();
    } else {
      Object.assign(promise, { status: 'rejected', reason: error });
      current = null;
      reject(error);
    }
  }

  function init(source) {
    if (ready) {
      if (!current) settle(null);
      return current.promise;
    }
    if (source === undefined && embedded) {
      try {
        initSync();
        return current.promise;
      } catch (error) {
        return Promise.reject(error);
      }
    }
    current ??= deferred();
    // A call without a source joins any load under way; an explicit source
    // always starts its own (even while the default load is pending), and
    // whichever load succeeds first fulfils the one promise.
    if (source === undefined && pending > 0) return current.promise;
    const attempt = current;
    pending++;
    const done = () => {
      pending--;
    };
    (async () => {
      try {
        const compiled = await compile(source ?? locate());
        if (!ready) finish(await glue.default({ module_or_path: compiled }));
      } catch (error) {
        done();
        // Rejects only when no other load for this promise is still going.
        if (!ready && current === attempt && pending === 0) settle(error);
        return;
      }
      done();
      if (current === attempt) settle(null);
    })();
    return attempt.promise;
  }

  async function compile(source) {
    if (source instanceof WebAssembly.Module) return source;
    if (isBytes(source)) {
      expectWasm(source, 'the bytes given to init() are not a wasm module');
      return WebAssembly.compile(source);
    }
    let url = String(source?.url ?? source);
    let response = source;
    if (typeof source === 'string' || source instanceof URL || (typeof Request === 'function' && source instanceof Request)) {
      try {
        response = await fetch(source);
      } catch (error) {
        throw new Error(`telehealth-rules: init() could not fetch ${url}: ${error?.message ?? error}`, { cause: error });
      }
    }
    response = await response;
    if (typeof Response !== 'function' || !(response instanceof Response)) {
      throw new TypeError(`telehealth-rules: init() takes a URL, a Request, a Response, the bytes of ${file} or a WebAssembly.Module.`);
    }
    url = response.url || url;
    const type = response.headers.get('content-type') || 'no content type';
    const got = `init() fetched ${url} and got ${response.status}${response.statusText ? ` ${response.statusText}` : ''} (${type})`;
    if (!response.ok) throw new Error(`telehealth-rules: ${got}, not ${file}. ${hint(file)}`);
    if (/^application\/wasm/i.test(type) && WebAssembly.compileStreaming) {
      try {
        return await WebAssembly.compileStreaming(response.clone());
      } catch {
        // read it whole below, for an error that says what it is
      }
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const html = /^\s*</.test(String.fromCharCode(...bytes.subarray(0, 64)));
    expectWasm(bytes, `${got}, which is not ${file}${html ? ' but an HTML page' : ''}`, ` ${hint(file)}`);
    return WebAssembly.compile(bytes);
  }

  return {
    init,
    initSync,
    isReady: () => ready,
    /** The glue (or its `calls`), once loaded (loading the embedded bytes first); `name` is the caller, for the error. */
    use(name) {
      if (!ready) {
        if (!embedded) throw notReady(name, module);
        initSync();
      }
      return api;
    },
  };
}

/** A promise with its resolve and reject: `{promise, resolve, reject}`. */
function deferred() {
  const d = {};
  d.promise = new Promise((resolve, reject) => {
    d.resolve = resolve;
    d.reject = reject;
  });
  return d;
}

/** The URL of the `.wasm` file; corrects Vite's dev server, which pre-bundles the package into node_modules/.vite/deps/ and leaves the file behind. */
export function besidePackage(url) {
  const moved = url.pathname.match(/^(.*\/node_modules\/)\.vite\/deps(?:_temp_[^/]*)?\/([^/]+)$/);
  return moved ? new URL(`${moved[1]}telehealth-rules/${moved[2]}`, url) : url;
}

/** Bytes from base64 text. */
export function fromBase64(text) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  if (globalThis.Buffer) return new Uint8Array(globalThis.Buffer.from(text, 'base64'));
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

const hint = (file) => {
  const name = file.replace(/_bg\.wasm$/, '');
  return (
    'A bundler copies the .wasm files when it sees `new URL(..., import.meta.url)` (Vite, webpack 5, Next.js; Rollup with @web/rollup-plugin-import-meta-assets). ' +
    `Otherwise serve node_modules/telehealth-rules/${file} as application/wasm and pass its URL, \`await init({${name}: url})\`, or pass its bytes, \`initSync({${name}: bytes})\`.`
  );
};

const MODULES = ['keystroke', 'records'];

/**
 * The entries' init(), initSync() and isReady() over both modules. A
 * `sources` object names each module's source (`{keystroke, records}`: a URL,
 * Request, Response, bytes or WebAssembly.Module); a module it leaves out
 * loads from its default.
 */
export function loadBoth(loaders) {
  const sourceOf = (sources, name, caller) => {
    if (sources == null) return undefined;
    const named = typeof sources === 'object' && Object.getPrototypeOf(sources) === Object.prototype;
    if (!named || Object.keys(sources).some((k) => !MODULES.includes(k))) {
      throw new TypeError(
        `telehealth-rules: ${caller}() takes {keystroke, records}: the package has two wasm modules, keystroke_bg.wasm and records_bg.wasm (or call initKeystroke(source) / initRecords(source) for one).`,
      );
    }
    return sources[name];
  };
  // init()'s one promise over the two modules' own: the same object while
  // they are the same (so React's `use(init())` suspends once).
  let both = null;
  let parts = [];
  return {
    init(sources) {
      let promises;
      try {
        promises = MODULES.map((name) => loaders[name].init(sourceOf(sources, name, 'init')));
      } catch (error) {
        return Promise.reject(error);
      }
      if (both === null || promises.some((p, i) => p !== parts[i])) {
        parts = promises;
        const all = Promise.all(promises).then(() => undefined);
        // (Handlers that return nothing: returning `all` would adopt its rejection.)
        all.then(
          () => void Object.assign(all, { status: 'fulfilled', value: undefined }),
          (error) => void Object.assign(all, { status: 'rejected', reason: error }),
        );
        // Both loaded already: React may read it as settled at once.
        if (promises.every((p) => p.status === 'fulfilled')) Object.assign(all, { status: 'fulfilled', value: undefined });
        both = all;
      }
      return both;
    },
    /** Both modules, or the ones `sources` names (bytes or a WebAssembly.Module each). */
    initSync(sources) {
      const names = sources == null ? MODULES : MODULES.filter((name) => sourceOf(sources, name, 'initSync') !== undefined);
      for (const name of names) loaders[name].initSync(sources?.[name]);
    },
    /** Both modules loaded; `isReady('keystroke')` or `isReady('records')` asks about one. */
    isReady(name) {
      if (name === undefined) return MODULES.every((m) => loaders[m].isReady());
      if (!MODULES.includes(name)) throw new TypeError(`telehealth-rules: isReady() takes 'keystroke', 'records' or nothing, not ${String(name)}.`);
      return loaders[name].isReady();
    },
  };
}

/** Starts loading `loader`'s module when the page is idle; the promise settles when it is loaded. */
export function preloadAtIdle(loader) {
  if (loader.isReady()) return loader.init();
  const idle = globalThis.requestIdleCallback ?? ((callback) => setTimeout(callback, 1));
  return new Promise((resolve) => idle(() => resolve())).then(() => loader.init());
}

const isBytes = (value) => value instanceof ArrayBuffer || ArrayBuffer.isView(value);

function expectWasm(bytes, what, hint = '') {
  const head = [...new Uint8Array(bytes.buffer ?? bytes, bytes.byteOffset ?? 0, Math.min(4, bytes.byteLength))];
  if (head.join() === '0,97,115,109') return;
  const hex = head.map((b) => b.toString(16).padStart(2, '0')).join(' ') || 'nothing';
  throw new Error(`telehealth-rules: ${what} (it starts with ${hex}; a wasm module starts with 00 61 73 6d).${hint}`);
}
