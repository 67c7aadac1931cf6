import * as fixtures from './fixtures/raci-accountable-count.ts'
import { verifyRule } from './fixtures/verify-rule.ts'

verifyRule('raci-accountable-count', fixtures)
