/**
 * A glob of characters, `?` (one UTF-16 code unit) and `*` (any run), matched without regular expressions by the
 * classic greedy algorithm: the text before the first `*` is anchored at the start, the text after the last `*` at the
 * end, and each run between two stars is placed at its leftmost occurrence. Placing a run leftmost never loses a
 * match (it leaves the most text for the runs after it), so no placement is ever revisited: a match costs
 * O(n·k) for a text of n code units and runs of at most k, O(n + m) when the runs have no `?` — never exponential.
 * The caller applies IAM's colon rules (compileWildcardMatcher); here every wildcard matches any code unit.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
import type { PatternToken } from './types.js';

/** Literal text at an offset of a run; the gaps between pieces are `?`. */
type Piece = { offset: number; text: string };

/** A run of characters and `?` between two stars. */
type Run = { length: number; pieces: readonly Piece[] };

/** A compiled glob: `head`, then (when the glob has a `*`) `middle` runs in order and `tail`, separated by stars. */
export type Glob = { head: Run; middle: readonly Run[]; tail: Run | undefined; minLength: number };

/** Builds one run at a time from consecutive non-star tokens. */
class RunBuilder {
  private pieces: Piece[] = [];
  private text = '';
  private offset = 0;
  private length = 0;

  add(token: PatternToken): void {
    if (token.kind === 'one') {
      if (this.text !== '') this.pieces.push({ offset: this.offset, text: this.text });
      this.text = '';
      this.length += 1;
      this.offset = this.length;
    } else {
      this.text += token.char;
      this.length += token.char.length;
    }
  }

  take(): Run {
    if (this.text !== '') this.pieces.push({ offset: this.offset, text: this.text });
    const run = { length: this.length, pieces: this.pieces };
    this.pieces = [];
    this.text = '';
    this.offset = 0;
    this.length = 0;
    return run;
  }
}

/** Compiles tokens into a Glob; star tokens separate runs, consecutive stars act as one. */
export function compileGlob(tokens: readonly PatternToken[]): Glob {
  const builder = new RunBuilder();
  const runs: Run[] = [];
  for (const token of tokens) {
    if (token.kind === 'star') runs.push(builder.take());
    else builder.add(token);
  }
  const last = builder.take();
  const head = runs[0] ?? last;
  let minLength = last.length;
  for (const run of runs) minLength += run.length;
  if (runs.length === 0) return { head, middle: [], tail: undefined, minLength };
  const middle = runs.slice(1).filter((run) => run.length > 0);
  return { head, middle, tail: last, minLength };
}

function runAt(run: Run, text: string, at: number): boolean {
  for (const piece of run.pieces) if (!text.startsWith(piece.text, at + piece.offset)) return false;
  return true;
}

/** The leftmost start in [from, last] where `run` matches, or -1. */
function findRun(run: Run, text: string, from: number, last: number): number {
  const first = run.pieces[0];
  if (first === undefined) return from <= last ? from : -1;
  let start = from;
  while (start <= last) {
    const found = text.indexOf(first.text, start + first.offset);
    if (found === -1) return -1;
    start = found - first.offset;
    if (start > last) return -1;
    if (runAt(run, text, start)) return start;
    start += 1;
  }
  return -1;
}

/** True when `glob` matches `text` from `start` to `end` (exclusive) entirely. */
export function matchGlob(glob: Glob, text: string, start = 0, end = text.length): boolean {
  const span = end - start;
  const { head, tail } = glob;
  if (tail === undefined) return span === head.length && runAt(head, text, start);
  if (span < glob.minLength || !runAt(head, text, start) || !runAt(tail, text, end - tail.length)) return false;
  let at = start + head.length;
  const limit = end - tail.length;
  for (const run of glob.middle) {
    const found = findRun(run, text, at, limit - run.length);
    if (found === -1) return false;
    at = found + run.length;
  }
  return true;
}
