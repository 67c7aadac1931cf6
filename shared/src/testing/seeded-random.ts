// The seeded PRNG lives with the lead-time simulation that needs it in product code; tests,
// generators and benchmarks keep importing it from here.
export { seededRandom } from '../analysis/token-flow/seeded-random.ts'
