/**
 * Files dropped on the canvas and text pasted onto it, through tldraw's external-content handlers: a
 * BPMN, Mermaid or JSON file goes into this board at the drop point, and pasted text that is a Mermaid
 * flowchart becomes shapes. Everything else (images, other text) goes to tldraw's own handlers.
 * Rendered inside tldraw's tree, where its toasts and translations (which its file handler needs) are.
 */
import { detectImportFormat } from '@flowmap/shared'
import { useEffect } from 'react'
import {
  defaultHandleExternalFileContent,
  defaultHandleExternalTextContent,
  useEditor,
  useToasts,
  useTranslation,
} from 'tldraw'
import { boardImportOf } from './board-import.ts'
import { isImportFileName } from './import-formats.ts'

export function CanvasImportHandlers() {
  const editor = useEditor()
  const toasts = useToasts()
  const msg = useTranslation()
  useEffect(() => {
    editor.registerExternalContentHandler('files', async (content) => {
      const imports = boardImportOf(editor)
      const boardFiles = imports ? content.files.filter((file) => isImportFileName(file.name)) : []
      const others = content.files.filter((file) => !boardFiles.includes(file))
      if (others.length > 0)
        await defaultHandleExternalFileContent(editor, { ...content, files: others }, { toasts, msg })
      for (const file of boardFiles) await imports?.importPickedFile(file, content.point ?? null)
    })
    editor.registerExternalContentHandler('text', async (content) => {
      const imports = boardImportOf(editor)
      if (imports && detectImportFormat({ name: '', text: content.text }) === 'mermaid') {
        await imports.importFile({ name: '', text: content.text }, content.point ?? null, 'mermaid')
        return
      }
      await defaultHandleExternalTextContent(editor, content)
    })
    return () => {
      editor.registerExternalContentHandler('files', (content) =>
        defaultHandleExternalFileContent(editor, content, { toasts, msg }),
      )
      editor.registerExternalContentHandler('text', (content) =>
        defaultHandleExternalTextContent(editor, content),
      )
    }
  }, [editor, toasts, msg])
  return null
}
