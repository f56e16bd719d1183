// Splits a byte stream into NUL-terminated tokens (git's `-z` output) without ever concatenating
// the whole stream: a token is only joined from the chunks it spans.

export class NulTokenizer {
  private pending: Buffer[] = [];

  constructor(private readonly onToken: (token: string) => void) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0, start); end !== -1; end = chunk.indexOf(0, start)) {
      const piece = chunk.subarray(start, end);
      if (this.pending.length > 0) {
        this.pending.push(piece);
        this.onToken(Buffer.concat(this.pending).toString('utf8'));
        this.pending = [];
      } else {
        this.onToken(piece.toString('utf8'));
      }
      start = end + 1;
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
  }

  /** The bytes after the last NUL, as a token (git may end without a trailing NUL). */
  end(): void {
    if (this.pending.length === 0) return;
    const rest = Buffer.concat(this.pending).toString('utf8');
    this.pending = [];
    if (rest.length > 0) this.onToken(rest);
  }
}
