// KaTeX and its stylesheet, loaded on demand (the equations panel's first opening) so the lab page
// does not pay for them up front. Both are bundled: the fonts are emitted by the build and referenced
// by relative URLs, so the panel works offline and from any static path.
import katex from 'katex';
import 'katex/dist/katex.min.css';

/** Display math as HTML + MathML (screen readers read the MathML). Never throws: a bad formula shows its source in red. */
export function renderDisplay(tex: string): string {
  return katex.renderToString(tex, { displayMode: true, throwOnError: false, strict: 'ignore', output: 'htmlAndMathml' });
}

/** Text with $…$ inline math. */
export function renderInline(textWithMath: string): string {
  return textWithMath
    .split(/(\$[^$]+\$)/g)
    .map((part) =>
      part.startsWith('$') && part.endsWith('$') && part.length > 1
        ? katex.renderToString(part.slice(1, -1), { throwOnError: false, strict: 'ignore', output: 'htmlAndMathml' })
        : part.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!),
    )
    .join('');
}
