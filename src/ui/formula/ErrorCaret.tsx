// A formula's error where the user typed it: the line it is on, carets under the characters the
// parser stopped at, what it expected there, and (for an unknown name) the names that are known.
import type { FormulaError } from '../../labs/common/user-data';

/** the line holding `start`, and the error's columns on it (an error past the end points just after the text) */
export function caretLine(text: string, start: number, end: number): { line: string; lineNo: number; col: number; width: number } {
  const before = text.slice(0, start);
  const lineStart = before.lastIndexOf('\n') + 1;
  const nl = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, nl < 0 ? text.length : nl);
  const col = start - lineStart;
  const width = Math.max(1, Math.min(end, lineStart + line.length) - start);
  return { line, lineNo: before.split('\n').length, col, width };
}

export function ErrorCaret({ text, error, where }: { text: string; error: FormulaError; where: 'text' | 'density' }) {
  const multiLine = text.includes('\n');
  const c = caretLine(text, error.start, error.end);
  return (
    <div className="formula-error" role="alert" data-testid="formula-error" data-start={error.start} data-end={error.end}>
      {where === 'text' && text.trim() !== '' && (
        <pre className="formula-caret" aria-hidden="true">
          {c.line}
          {'\n'}
          {' '.repeat(c.col)}
          <span className="caret">{'^'.repeat(c.width)}</span>
        </pre>
      )}
      <p>
        {where === 'text' && text.trim() !== '' && <>{multiLine ? `Line ${c.lineNo}, column ${c.col + 1}` : `At character ${error.start + 1}`}: </>}
        {error.message}
      </p>
      {error.known && error.known.length > 0 && <p className="hint">Known names: {error.known.join(', ')}.</p>}
      <p className="hint">The last valid target keeps running until this is fixed.</p>
    </div>
  );
}
