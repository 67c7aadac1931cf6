import * as fixtures from './fixtures/dependency-cycle.ts'
import { verifyRule } from './fixtures/verify-rule.ts'

verifyRule('dependency-cycle', fixtures)
