import * as fixtures from './fixtures/duplicate-step-label.ts'
import { verifyRule } from './fixtures/verify-rule.ts'

verifyRule('duplicate-step-label', fixtures)
