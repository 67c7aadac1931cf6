import type { ImportFormat } from '@flowmap/shared'
import { useRef, useState } from 'react'
import { useValue } from 'tldraw'
import { HeaderMenu } from '../app/HeaderMenu.tsx'
import type { BoardImport } from './board-import.ts'
import { acceptFor, IMPORT_MENU_FORMATS } from './import-formats.ts'

/** The Import menu in the header: a BPMN, Mermaid or JSON file into this board, at the centre of the view. */
export function ImportMenu({ imports }: { imports: BoardImport }) {
  const picker = useRef<HTMLInputElement>(null)
  const [format, setFormat] = useState<ImportFormat>('bpmn')
  const busy = useValue('import busy', () => imports.busy, [imports])

  const pick = (chosen: ImportFormat) => {
    setFormat(chosen)
    const input = picker.current
    if (!input) return
    input.accept = acceptFor(chosen)
    input.value = ''
    input.click()
  }

  return (
    <HeaderMenu
      label="Import"
      testId="import-button"
      menuLabel="Import a file into this board"
      disabled={busy}
      items={(close) =>
        IMPORT_MENU_FORMATS.map((entry) => (
          <button
            key={entry.format}
            type="button"
            role="menuitem"
            data-testid={`import-${entry.format}`}
            onClick={() => {
              close()
              pick(entry.format)
            }}
          >
            {entry.label}
          </button>
        ))
      }
      beside={
        <input
          ref={picker}
          type="file"
          hidden
          data-testid="import-file-input"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0]
            if (file) void imports.importPickedFile(file, null, format)
          }}
        />
      }
    />
  )
}
