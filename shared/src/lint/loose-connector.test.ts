import * as fixtures from './fixtures/loose-connector.ts'
import { verifyRule } from './fixtures/verify-rule.ts'

verifyRule('loose-connector', fixtures)
