/** Benchmarks build their synthetic data from the domain's seeded generator, so every run measures the same data. */
export { seededRandom } from '../../src/domain/random.ts'
