// A small line diff for "the committed file is stale" messages: unified-style hunks with a little context,
// so a person sees which lines changed without another tool.

type Edit = { readonly op: ' ' | '-' | '+'; readonly text: string; readonly oldLine: number; readonly newLine: number };

const editScript = (before: readonly string[], after: readonly string[]): Edit[] => {
  // Common prefix and suffix first: a catalogue change usually touches a few lines of a long file.
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const a = before.slice(start, endBefore);
  const b = after.slice(start, endAfter);
  // Longest common subsequence over the changed middle.
  const lengths: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = lengths[i] as number[];
    const next = lengths[i + 1] as number[];
    for (let j = b.length - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? (next[j + 1] ?? 0) + 1 : Math.max(next[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const edits: Edit[] = [];
  for (let k = 0; k < start; k++) edits.push({ op: ' ', text: before[k] ?? '', oldLine: k + 1, newLine: k + 1 });
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      edits.push({ op: ' ', text: a[i] ?? '', oldLine: start + i + 1, newLine: start + j + 1 });
      i++;
      j++;
    } else if (i < a.length && (j >= b.length || (lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0))) {
      edits.push({ op: '-', text: a[i] ?? '', oldLine: start + i + 1, newLine: start + j });
      i++;
    } else {
      edits.push({ op: '+', text: b[j] ?? '', oldLine: start + i, newLine: start + j + 1 });
      j++;
    }
  }
  for (let k = 0; k < before.length - endBefore; k++) {
    edits.push({ op: ' ', text: before[endBefore + k] ?? '', oldLine: endBefore + k + 1, newLine: endAfter + k + 1 });
  }
  return edits;
};

/** Empty when equal; otherwise `--- label`/`+++ label` and hunks, cut after `maxLines` lines. */
export const lineDiff = (before: string, after: string, labels: { before: string; after: string }, context = 2, maxLines = 150): string => {
  if (before === after) return '';
  const edits = editScript(before.split('\n'), after.split('\n'));
  const changed = edits.map((edit, index) => (edit.op === ' ' ? -1 : index)).filter((index) => index >= 0);
  const out = [`--- ${labels.before}`, `+++ ${labels.after}`];
  let hunkEnd = -1;
  for (const index of changed) {
    if (index <= hunkEnd) continue;
    const from = Math.max(0, index - context);
    let to = Math.min(edits.length - 1, index + context);
    // Extend the hunk while the next change is within the context window.
    for (const next of changed) if (next > index && next <= to + context) to = Math.min(edits.length - 1, next + context);
    const first = edits[from];
    out.push(`@@ line ${first ? first.oldLine : 1} @@`);
    for (let k = from; k <= to; k++) {
      const edit = edits[k];
      if (edit) out.push(`${edit.op}${edit.text}`);
    }
    hunkEnd = to;
    if (out.length > maxLines) {
      out.splice(maxLines);
      out.push(`... (diff cut after ${maxLines} lines)`);
      break;
    }
  }
  return out.join('\n');
};
