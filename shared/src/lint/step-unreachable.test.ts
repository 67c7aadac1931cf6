import * as fixtures from './fixtures/step-unreachable.ts'
import { verifyRule } from './fixtures/verify-rule.ts'

verifyRule('step-unreachable', fixtures)
