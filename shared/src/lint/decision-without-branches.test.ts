import * as fixtures from './fixtures/decision-without-branches.ts'
import { verifyRule } from './fixtures/verify-rule.ts'

verifyRule('decision-without-branches', fixtures)
