import * as fixtures from './fixtures/end-unreachable.ts'
import { verifyRule } from './fixtures/verify-rule.ts'

verifyRule('end-unreachable', fixtures)
