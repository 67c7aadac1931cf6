/**
 * The Flowmap command line (`pnpm flowmap <command>`). Reads the same environment as the server, so a
 * link is signed with the secret the server checks it against.
 */
import { INVITE_USAGE, inviteCommand } from './cli/invite-command.ts'

const [command, ...args] = process.argv.slice(2)

if (command === 'invite') {
  const result = await inviteCommand(args, process.env)
  if (result.ok) process.stdout.write(`${result.output}\n`)
  else {
    process.stderr.write(`${result.error}\n`)
    process.exitCode = 1
  }
} else {
  process.stderr.write(`unknown command ${command ?? '(none)'}\n${INVITE_USAGE}\n`)
  process.exitCode = 1
}
