/**
 * An article file's bytes as the text VS Code shows for it, so that offsets computed on a file that is not
 * open (the corpus scan, the CLI) are the offsets of the editor:
 * - UTF-8, or UTF-16 when the file starts with its byte-order mark; bytes that are not UTF-8 become U+FFFD
 *   (one per maximal ill-formed sequence, as the editor shows them);
 * - the byte-order mark is not part of the text (nor a second one right after it: the editor drops that too);
 * - line breaks are made uniform as the editor does when it loads a file: when more than half of them hold a
 *   CR (CRLF or a lone CR) every line break becomes CRLF, otherwise LF. A file whose breaks are all CRLF keeps
 *   them: offsets count CRLF as two.
 * Other encodings (VS Code's "Reopen with Encoding", `files.encoding`) are not guessed: the extension follows
 * the editor's text while the article is open.
 */
export function decodeArticle(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes);
  else text = new TextDecoder('utf-8').decode(bytes); // drops the UTF-8 byte-order mark
  return uniformLineBreaks(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/** Mixed line breaks made one kind: CRLF when more than half of them hold a CR, else LF; uniform text is returned as it is. */
export function uniformLineBreaks(text: string): string {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) === 10) crlf++; else cr++;
  }
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lf++;
  lf -= crlf;
  const eol = 2 * (crlf + cr) > crlf + cr + lf ? '\r\n' : '\n';
  const uniform = eol === '\r\n' ? cr === 0 && lf === 0 : cr === 0 && crlf === 0;
  return uniform ? text : text.replace(/\r\n|\r|\n/g, eol);
}

/**
 * Whether a file of `bytes` bytes is certainly longer than `maxLength` UTF-16 code units once decoded, so that
 * it need not be read to know it will not be analysed: a code unit takes at most 3 bytes of UTF-8 (an ill-formed
 * sequence of up to 3 bytes gives one U+FFFD), 2 of UTF-16, and up to two byte-order marks are dropped.
 */
export function certainlyLongerThan(bytes: number, maxLength: number): boolean {
  return bytes > mostBytes(maxLength);
}

/** The most bytes a file can take whose text is no longer than `maxLength` code units (see certainlyLongerThan). */
export function mostBytes(maxLength: number): number {
  return 3 * maxLength + 6;
}
