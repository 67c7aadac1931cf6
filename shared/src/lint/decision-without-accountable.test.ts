import * as fixtures from './fixtures/decision-without-accountable.ts'
import { verifyRule } from './fixtures/verify-rule.ts'

verifyRule('decision-without-accountable', fixtures)
