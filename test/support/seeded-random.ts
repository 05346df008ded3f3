/** Property tests and benchmarks use the domain's seeded generator, so they repeat exactly. */
export { seededRandom } from '../../src/domain/random.ts'
