/**
 * Progress while checks run: one plain line per check for logs and pipes (the action log, a CI system),
 * or one line updated in place on a terminal.
 */
import type { CheckResult } from '../core/types.js'

const MARK = (result: CheckResult): string =>
  result.blocking ? '✗' : result.status === 'warn' ? '!' : result.status === 'pass' ? '✓' : '-'

/** `✓ bundle-files  all 12 expected files present (151 ms)` — the mark says the status. */
export function progressLine(result: CheckResult): string {
  const blocks = result.blocking ? ' [blocks]' : ''
  const message = result.message.replace(/\s+/g, ' ').trim()
  return `${MARK(result)} ${result.id.padEnd(22)}${blocks} ${message} (${Math.round(result.durationMs)} ms)`
}

export interface ProgressStream {
  write(text: string): unknown
  columns?: number
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']

/**
 * One status line on a terminal, rewritten in place ("⠹ 9 done · running dry-run, node-capacity"), and
 * cleared before the report is printed. Bounded: it never writes more than the terminal's width.
 */
export class LiveProgress {
  private readonly running = new Set<string>()
  private done = 0
  private blocking = 0
  private frame = 0
  private readonly timer: NodeJS.Timeout

  constructor(private readonly stream: ProgressStream) {
    this.timer = setInterval(() => this.draw(), 100)
    this.timer.unref()
  }

  started(id: string): void {
    this.running.add(id)
    this.draw()
  }

  finished(result: CheckResult): void {
    this.running.delete(result.id)
    this.done++
    if (result.blocking) this.blocking++
    this.draw()
  }

  stop(): void {
    clearInterval(this.timer)
    this.stream.write('\r\x1b[2K')
  }

  private draw(): void {
    this.frame = (this.frame + 1) % FRAMES.length
    const blocking = this.blocking > 0 ? ` · ${this.blocking} blocking` : ''
    const running = this.running.size > 0 ? ` · running ${[...this.running].join(', ')}` : ''
    const text = `${FRAMES[this.frame]} checking: ${this.done} done${blocking}${running}`
    const width = Math.max(20, (this.stream.columns ?? 80) - 1)
    this.stream.write(`\r\x1b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`)
  }
}
