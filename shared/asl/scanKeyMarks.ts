import { countKeyMarks } from './measureJsonValue.js';

/**
 * The WebAssembly module (195 bytes, fixed-width SIMD) of `marks(length)`: over the UTF-8 bytes at [16, 16 + length)
 * of its memory, 16 at a time, the number of `:` right after a `"`, or -1 when some `:` comes right after JSON
 * whitespace. Its text form:
 *
 * (module
 *   (memory (export "memory") 17)
 *   (func (export "marks") (param $length i32) (result i32)
 *     (local $at i32) (local $end i32) (local $count i32) (local $spaced i32)
 *     (local $bytes v128) (local $before v128) (local $colons v128)
 *     (local.set $at (i32.const 16))
 *     (local.set $end (i32.add (local.get $length) (i32.const 16)))
 *     (block $done
 *       (loop $next
 *         (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
 *         (local.set $bytes (v128.load (local.get $at)))
 *         (local.set $before (v128.load (i32.sub (local.get $at) (i32.const 1))))
 *         (local.set $colons (i8x16.eq (local.get $bytes) (i8x16.splat (i32.const 58))))
 *         (local.set $count (i32.add (local.get $count) (i32.popcnt (i8x16.bitmask
 *           (v128.and (local.get $colons) (i8x16.eq (local.get $before) (i8x16.splat (i32.const 34))))))))
 *         (local.set $spaced (i32.or (local.get $spaced) (i8x16.bitmask (v128.and (local.get $colons)
 *           (v128.or (v128.or (v128.or
 *             (i8x16.eq (local.get $before) (i8x16.splat (i32.const 32)))
 *             (i8x16.eq (local.get $before) (i8x16.splat (i32.const 9))))
 *             (i8x16.eq (local.get $before) (i8x16.splat (i32.const 10))))
 *             (i8x16.eq (local.get $before) (i8x16.splat (i32.const 13))))))))
 *         (local.set $at (i32.add (local.get $at) (i32.const 16)))
 *         (br $next)))
 *     (select (i32.const -1) (local.get $count) (local.get $spaced))))
 */
const MARKS_MODULE =
  'AGFzbQEAAAABBgFgAX8BfwMCAQAFAwEAEQcSAgZtZW1vcnkCAAVtYXJrcwAACpMBAZABAgR/A3tBECEBIABBEGohAgJAA0AgASACTw0BIAH9AAAAIQUgAUEBa/0AAAAhBiAFQTr9D/0jIQcgAyAHIAZBIv0P/SP9Tv1kaWohAyAEIAcgBkEg/Q/9IyAGQQn9D/0j/VAgBkEK/Q/9I/1QIAZBDf0P/SP9UP1O/WRyIQQgAUEQaiEBDAALC0F/IAMgBBsL';

/** Zero bytes before the text (the byte before the first one) and after it (the last block reads up to 15 more). */
const PAD = 16;

type Scanner = { bytes: Uint8Array; marks: (length: number) => number };

/** The part of the WebAssembly JavaScript API used here (the TypeScript libraries of this project declare none of it). */
type WebAssemblyApi = {
  Module: new (code: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
};

let scanner: Scanner | null | undefined;

/** The instantiated module, or null where WebAssembly or its SIMD is not available. */
function loadScanner(): Scanner | null {
  try {
    const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
    if (api === undefined) return null;
    const code = Uint8Array.from(atob(MARKS_MODULE), (c) => c.charCodeAt(0));
    const { exports } = new api.Instance(new api.Module(code));
    const memory = exports.memory as { buffer: ArrayBuffer };
    return { bytes: new Uint8Array(memory.buffer), marks: exports.marks as (length: number) => number };
  } catch {
    return null;
  }
}

const encoder = new TextEncoder();

/**
 * countKeyMarks, 16 bytes at a time: the text's UTF-8 bytes hold the same `"`, `:` and whitespace at the same
 * places relative to each other (a character outside ASCII never encodes to an ASCII byte), so the count is the same;
 * countKeyMarks itself answers where the module cannot (no WebAssembly, a text longer than its memory, a colon after
 * whitespace, whose key it looks at).
 */
export function scanKeyMarks(text: string): number | undefined {
  scanner ??= loadScanner();
  if (scanner === null) return countKeyMarks(text);
  const { bytes } = scanner;
  const { read, written } = encoder.encodeInto(text, bytes.subarray(PAD, bytes.length - PAD));
  if (read < text.length) return countKeyMarks(text);
  bytes.fill(0, PAD + written, PAD + written + PAD);
  const marks = scanner.marks(written);
  return marks < 0 ? countKeyMarks(text) : marks;
}

/** True when the module runs here (WebAssembly with SIMD): scanKeyMarks then reads no text in JavaScript. */
export function hasKeyMarkScanner(): boolean {
  scanner ??= loadScanner();
  return scanner !== null;
}
