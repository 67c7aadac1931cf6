import * as fixtures from './fixtures/step-without-owner.ts'
import { verifyRule } from './fixtures/verify-rule.ts'

verifyRule('step-without-owner', fixtures)
