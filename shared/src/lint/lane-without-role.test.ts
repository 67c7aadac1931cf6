import * as fixtures from './fixtures/lane-without-role.ts'
import { verifyRule } from './fixtures/verify-rule.ts'

verifyRule('lane-without-role', fixtures)
