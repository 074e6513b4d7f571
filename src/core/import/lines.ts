/** Line and column of an offset in a text, for reports that point into the original file. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 1-based line of a 0-based UTF-16 offset. */
  line(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** 1-based column (in UTF-16 units) of a 0-based offset. */
  column(offset: number): number {
    return offset - (this.starts[this.line(offset) - 1] as number) + 1;
  }
}
