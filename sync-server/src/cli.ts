/**
 * The Flowmap command line (`pnpm flowmap <command>`). Reads the same environment as the server, so a
 * link is signed with the secret the server checks it against.
 */
import { GC_ASSETS_USAGE, gcAssetsCommand } from './cli/gc-assets-command.ts'
import { type CommandResult, INVITE_USAGE, inviteCommand } from './cli/invite-command.ts'
import { MIGRATE_STORAGE_USAGE, migrateStorageCommand } from './cli/migrate-storage-command.ts'

const [command, ...args] = process.argv.slice(2)

function print(result: CommandResult): void {
  if (result.ok) process.stdout.write(`${result.output}\n`)
  else {
    process.stderr.write(`${result.error}\n`)
    process.exitCode = 1
  }
}

if (command === 'invite') print(await inviteCommand(args, process.env))
else if (command === 'gc-assets') print(await gcAssetsCommand(args, process.env))
else if (command === 'migrate-storage') print(await migrateStorageCommand(args, process.env))
else {
  process.stderr.write(
    `unknown command ${command ?? '(none)'}\n${INVITE_USAGE}\n${GC_ASSETS_USAGE}\n${MIGRATE_STORAGE_USAGE}\n`,
  )
  process.exitCode = 1
}
