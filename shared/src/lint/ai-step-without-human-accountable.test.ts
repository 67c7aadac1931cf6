import * as fixtures from './fixtures/ai-step-without-human-accountable.ts'
import { verifyRule } from './fixtures/verify-rule.ts'

verifyRule('ai-step-without-human-accountable', fixtures)
