/**
 * Escaping for text that comes from a pull request (model names, paths, messages, notes) and
 * ends up in GitHub-flavoured Markdown: a PR comment, a job summary, a Markdown report file.
 *
 * Only the characters that can start markup are escaped, so the raw text (an email
 * notification, the Markdown source) still reads as prose: `+6.24%` stays `+6.24%`.
 *
 * Why character references rather than backslashes: GitHub renders the comment through
 * cmark-gfm and then an HTML sanitiser. A numeric character reference (`&#42;`) is decoded to
 * a plain text character *after* block and inline parsing, so it can never start emphasis, a
 * link, an HTML tag or an HTML comment, or split a table cell — in a paragraph, in a table
 * cell (`|` splits cells before inline parsing, backslashes are unreliable there) and inside
 * our own `<details>`/`<summary>` HTML alike. Backslash escapes do not work inside HTML blocks.
 *
 * What is escaped, and why (CommonMark 0.31 and the GFM spec):
 * - `<` `>` `&`: HTML tags, HTML comments (`<!--`, `-->`), entities.
 * - `|`: table cells. `` ` ``: code spans. `\`: a backslash would escape our own markup after it.
 * - `*` `~`, and `_` unless between two letters or digits (GFM: an intraword `_` never opens or
 *   closes emphasis, so `MODEL_INVALID` stays readable): emphasis and strikethrough.
 * - `[` `]`: links and images (`(`, `)` and `!` are inert without them).
 * - `$`: GitHub renders `$…$` as math.
 * - `://` and `www.`: GFM extended autolinks; the colon or dot is escaped so no link forms.
 * - A character that would start a block when the text starts a line (`>`; `#`, `-`, `+` or `=`
 *   followed by a space or repeated; a number followed by `.` or `)` and a space), and runs of spaces (an indented code block).
 * Two things survive entity decoding because GitHub applies them to the rendered text: `@name`
 * mentions and `#123` references. Mentions notify people, so a zero-width space is put after
 * every `@` (the convention Dependabot uses); issue references are harmless links and are left.
 */

/** Characters with Markdown or HTML meaning anywhere in a line, replaced by numeric character references. */
const SPECIAL = /[&<>`|*~[\\\]$]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;

/** Character references, e.g. `&#42;` for `*`. */
const ref = (c: string): string => `&#${c.charCodeAt(0)};`;

/** Control characters other than tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Bidirectional overrides ("Trojan Source") that make text display differently from what it is. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

export interface EscapeOptions {
  /**
   * What a line break in the text becomes: `space` (table cells, headings), or `br` (an
   * explicit `<br>`, for messages shown in a cell or paragraph). @default 'space'
   */
  newlines?: 'space' | 'br';
  /** Longest text kept, in characters; longer text ends in `…`. @default 2000 */
  maxLength?: number;
}

/**
 * Escapes untrusted text for Markdown and HTML so it renders literally and cannot inject
 * markup, links, mentions, HTML comments or table cells. Non-strings are converted first.
 */
export function escapeMarkdown(value: unknown, options: EscapeOptions = {}): string {
  let text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  const maxLength = options.maxLength ?? 2000;
  if (text.length > maxLength) text = `${text.slice(0, maxLength)}…`;
  text = text.replace(CONTROL, ' ').replace(BIDI, '');
  const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
  const escaped = lines.map((line) =>
    line
      .replace(SPECIAL, ref)
      .replace(/:(?=\/\/)/g, ref)
      .replace(/\b(www)\./gi, '$1&#46;')
      // A zero-width space after `@` stops GitHub's mention filter, which runs on rendered text.
      .replace(/@/g, '@&#8203;')
      // Leading/trailing spaces would be eaten or start an indented code block; tabs likewise.
      .replace(/\t/g, ' ')
      .replace(/ {2,}/g, (s) => ` ${'&#32;'.repeat(s.length - 1)}`),
  );
  // The text may start a line of ours (a paragraph, a list item's continuation): nothing in it may start a block.
  return escaped
    .join(options.newlines === 'br' ? '<br>' : ' ')
    .trim()
    .replace(/^>|^([#+=-])(?=\s|$|\1)/, ref)
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, (_, d: string, p: string) => `${d}${ref(p)}`);
}

/**
 * Turns a budget-file path into the key of the hidden comment marker: forward slashes, no
 * leading `./`, and every character other than `[A-Za-z0-9._/-]` percent-encoded, with `--`
 * broken up, so the key can never close or forge an HTML comment (`-->`, `--!>`).
 */
export function markerKey(configPath: string): string {
  const normalised = configPath
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/{2,}/g, '/');
  return normalised.replace(/[^A-Za-z0-9._/-]|-(?=-)|-$/g, (c) =>
    Array.from(new TextEncoder().encode(c), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** The hidden marker that identifies the sticky comment of one budget file. */
export function commentMarker(configPath: string): string {
  return `<!-- energy-budget: ${markerKey(configPath)} -->`;
}
