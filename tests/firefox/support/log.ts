import type { ChildProcess } from 'node:child_process';

/** One entry Firefox printed: a console call of any realm, or an uncaught error or warning with its script URL. */
export interface LogEntry {
  kind: 'console' | 'uncaught';
  /** `error`, `warn`, `log`, … for console calls; `error` or `warning` for uncaught ones. */
  level: string;
  text: string;
  /** The script URL Firefox names for an uncaught error (console calls carry none). */
  url?: string;
  stream: 'stdout' | 'stderr';
}

/**
 * Firefox's output read as log entries. With `devtools.console.stdout.content` Firefox prints every console call of
 * web content, extension pages and the background page on stdout (`console.error: …`), and uncaught errors and
 * rejections of every realm on stderr (`JavaScript error: <url>, line N: …`). BiDi's log.entryAdded misses the
 * background page, so this is the only complete view of what the extension logs.
 */
export class FirefoxLog {
  readonly entries: LogEntry[] = [];
  private readonly partial = { stdout: '', stderr: '' };

  constructor(private readonly extensionOrigin: string) {}

  /** Starts reading the Firefox process's stdout and stderr (puppeteer pipes both). */
  attach(child: ChildProcess): void {
    child.stdout?.on('data', (chunk: Buffer) => this.feed('stdout', chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => this.feed('stderr', chunk.toString('utf8')));
  }

  /** Parses output as it arrives (public for unit use); an unfinished last line waits for the next chunk. */
  feed(stream: 'stdout' | 'stderr', text: string): void {
    const lines = (this.partial[stream] + text).split('\n');
    this.partial[stream] = lines.pop() ?? '';
    for (const line of lines) this.line(stream, line);
  }

  /**
   * What the extension logged as an error: console.error/console.warn calls of web content and extensions (the test
   * pages log nothing, so each is the extension's) and uncaught errors in the extension's scripts (background, pages,
   * content scripts). Firefox prints a content console call's arguments as source (`console.error: "text" (new
   * Error(…))`); its own modules' console instances print `console.error: Prefix: text` (the remote-settings loader
   * fails without the network): those are left out.
   */
  extensionErrors(): LogEntry[] {
    return this.entries.filter((e) =>
      e.kind === 'console'
        ? (e.level === 'error' || e.level === 'warn') && !/^[A-Za-z][\w.-]*: /.test(e.text)
        : e.level === 'error' && e.url?.startsWith(this.extensionOrigin),
    );
  }

  /** Every entry, one per line, for a test's attachment. */
  text(): string {
    return this.entries.map((e) => `${e.stream} ${e.kind} ${e.level}${e.url ? ' ' + e.url : ''}: ${e.text}`).join('\n');
  }

  private line(stream: 'stdout' | 'stderr', line: string): void {
    const consoleCall = /^console\.(\w+): (.*)$/.exec(line);
    if (consoleCall) {
      this.entries.push({ kind: 'console', level: consoleCall[1]!, text: consoleCall[2]!, stream });
      return;
    }
    const uncaught = /^JavaScript (error|warning): (.*?), line \d+: (.*)$/.exec(line);
    if (uncaught) {
      this.entries.push({ kind: 'uncaught', level: uncaught[1]!, url: uncaught[2]!, text: uncaught[3]!, stream });
      return;
    }
    // A console call's message may span lines: continuation of the previous entry.
    const last = this.entries.at(-1);
    if (last?.kind === 'console' && last.stream === stream && line && !/^\S+:/.test(line)) last.text += '\n' + line;
  }
}
