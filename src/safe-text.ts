/**
 * One line of text that is safe to show anywhere a person reads it: a terminal, a log line or
 * annotation on a runner, a markdown report, an error message.
 *
 * Titles, e-mails, class names and snippets of files come from label data that anyone with
 * access to a project can write. Left as they are:
 * - ESC starts terminal escape sequences (`\x1b[2J` clears the screen, OSC 8 fakes a link), and
 *   the runner's log viewer renders ANSI colours too; BEL rings, NUL and other controls garble.
 * - A line break would start a new log line, and a log line that starts with `::` is a workflow
 *   command (`::error::`, `::add-mask::`, `::stop-commands::`) to the runner.
 * - Bidirectional overrides make text read differently from what it is.
 *
 * So line breaks and tabs become one space, and every other control character (C0, DEL, C1) and
 * bidirectional control becomes a visible escape such as `\u001b`: the reader sees that something
 * was there and can find it in the data, and nothing acts on it. Printable text is unchanged.
 */

const LINE_BREAKS = /\r\n|[\t\n\v\f\r\u0085\u2028\u2029]/g
// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

export function safeText(text: string): string {
  return text
    .replace(LINE_BREAKS, ' ')
    .replace(CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
