import * as fixtures from './fixtures/ai-output-unreviewed.ts'
import { verifyRule } from './fixtures/verify-rule.ts'

verifyRule('ai-output-unreviewed', fixtures)
