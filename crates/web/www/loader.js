// Loads twolevel_web.wasm (the library compiled to WebAssembly) and calls
// it with JSON: the request's bytes go into memory from twolevel_alloc,
// twolevel_call answers with [length: u32 little-endian][UTF-8 JSON], and
// every buffer is handed back to twolevel_free. See crates/web/src/ffi.rs.
"use strict";

export async function loadTwolevel(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`cannot load ${url}: HTTP ${response.status}`);
  }
  const bytes = await response.arrayBuffer();
  const { instance } = await WebAssembly.instantiate(bytes, {});
  const exports = instance.exports;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  // Sends {op, args} and returns the answer's `ok` value; throws an Error
  // whose message names the field at fault otherwise.
  function call(op, args) {
    const request = encoder.encode(JSON.stringify(args === undefined ? { op } : { op, args }));
    const input = exports.twolevel_alloc(request.length);
    new Uint8Array(exports.memory.buffer, input, request.length).set(request);
    const output = exports.twolevel_call(input, request.length);
    exports.twolevel_free(input, request.length);
    const length = new DataView(exports.memory.buffer).getUint32(output, true);
    const text = decoder.decode(new Uint8Array(exports.memory.buffer, output + 4, length));
    exports.twolevel_free(output, length + 4);
    const answer = JSON.parse(text);
    if ("error" in answer) {
      const error = new Error(`invalid \`${answer.error.field}\`: ${answer.error.reason}`);
      error.field = answer.error.field;
      throw error;
    }
    return answer.ok;
  }

  return { call };
}
