/**
 * When to stop screening in relevance order: guidance for the reviewer, never an automatic exclusion.
 *
 * Two signals, both from decisions already made (true: include), in the order they were made:
 * - a run of consecutive excludes: once the model's top suggestions have been irrelevant for
 *   max(50, 5% of the records) records in a row, further relevant records are probably rare. The same
 *   rule of thumb as the "SAFE" procedure's stopping signal (Boetje & van de Schoot, Syst Rev 2024).
 * - an estimate of the relevant records still unscreened, from how fast discoveries are drying up: the
 *   include rate over the last window of decisions, falling by the same factor per window as it fell
 *   from the window before (a geometric tail), never more than that rate times the records left.
 * A random sample of the unscreened records gives an unbiased check (`randomSampleEstimate`).
 */

const RUN_MINIMUM = 50
const RUN_SHARE = 0.05
const WINDOW_MINIMUM = 10
const WINDOW_MAXIMUM = 200
/** The rate may fall no slower than this per window in the estimate (a ratio ≥ 1 would never end). */
const SLOWEST_DECAY = 0.9
const Z_95 = 1.96

/** Consecutive excludes that suggest stopping, for a review of this many records. */
export function stoppingRunLength(totalRecords: number): number {
  return Math.max(RUN_MINIMUM, Math.ceil(RUN_SHARE * totalRecords))
}

export function excludesSinceLastInclude(decisions: readonly boolean[]): number {
  const last = decisions.lastIndexOf(true)
  return decisions.length - 1 - last
}

/** Expected relevant records among the `unscreened` ones (see the module comment). */
export function expectedRelevantRemaining(decisions: readonly boolean[], unscreened: number): number {
  if (unscreened === 0) return 0
  const window = Math.min(WINDOW_MAXIMUM, Math.max(WINDOW_MINIMUM, Math.floor(decisions.length / 5)))
  // Half a relevant record of prior in each window, so that a window without includes is not read as "none left".
  const rate = (from: number, to: number) =>
    (decisions.slice(Math.max(0, from), to).filter(Boolean).length + 0.5) / (to - Math.max(0, from) + 1)
  const recent = rate(decisions.length - window, decisions.length)
  const constantRate = recent * unscreened
  if (decisions.length < 2 * window) return constantRate
  const decay = Math.min(SLOWEST_DECAY, recent / rate(decisions.length - 2 * window, decisions.length - window))
  return Math.min(constantRate, (recent * window * decay) / (1 - decay))
}

export interface SampleEstimate {
  estimate: number
  /** Upper end of the 95% (Wilson) interval, in records. */
  upper95: number
}

/** Relevant records among `unscreened`, from a simple random sample of them that the reviewer screened. */
export function randomSampleEstimate(sampled: number, relevantInSample: number, unscreened: number): SampleEstimate {
  if (sampled <= 0) throw new Error('the sample is empty')
  const share = relevantInSample / sampled
  const z2 = Z_95 * Z_95
  const upper =
    (share + z2 / (2 * sampled) + Z_95 * Math.sqrt((share * (1 - share)) / sampled + z2 / (4 * sampled * sampled))) /
    (1 + z2 / sampled)
  return { estimate: share * unscreened, upper95: Math.min(unscreened, upper * unscreened) }
}

export interface StoppingGuidance {
  screened: number
  found: number
  unscreened: number
  excludesSinceLastInclude: number
  /** The run of excludes after which stopping is reasonable. */
  stoppingRun: number
  stoppingRunReached: boolean
  expectedRemaining: number
}

export function stoppingGuidance(decisions: readonly boolean[], unscreened: number): StoppingGuidance {
  const run = excludesSinceLastInclude(decisions)
  const stoppingRun = stoppingRunLength(decisions.length + unscreened)
  return {
    screened: decisions.length,
    found: decisions.filter(Boolean).length,
    unscreened,
    excludesSinceLastInclude: run,
    stoppingRun,
    stoppingRunReached: run >= stoppingRun,
    expectedRemaining: expectedRelevantRemaining(decisions, unscreened),
  }
}
