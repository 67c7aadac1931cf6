/**
 * Files dropped on the canvas and text pasted onto it, through tldraw's external-content handlers: a
 * BPMN, Mermaid or JSON file goes into this board at the drop point, and pasted text that is a Mermaid
 * flowchart becomes shapes. Other files are checked first (size, and type told from their bytes): a
 * refused one is told in a toast and adds nothing; a PDF becomes an artifact card holding the file; a
 * picture goes to tldraw's own handler (which uploads it through the board's asset store). Refusals
 * the server sends later (no permission, full disk) are toasts too. Shapes pasted from another board
 * bring their files here first (pasted-assets.ts). Everything else (other text) goes
 * to tldraw's own handlers. Rendered inside tldraw's tree, where its toasts and translations (which its
 * file handler needs) are.
 */
import { ASSET_TYPES, detectImportFormat, MAX_ASSET_BYTES } from '@flowmap/shared'
import { useEffect } from 'react'
import {
  defaultHandleExternalFileContent,
  defaultHandleExternalTextContent,
  defaultHandleExternalTldrawContent,
  useEditor,
  useToasts,
  useTranslation,
} from 'tldraw'
import { placeAttachmentArtifacts } from '../assets/attachment-artifact.ts'
import { boardAssetStoreOf, type StoredFile } from '../assets/board-asset-store.ts'
import { checkFileToStore, headOf } from '../assets/file-check.ts'
import { rehomePastedContent } from '../assets/pasted-assets.ts'
import { boardImportOf } from './board-import.ts'
import { isImportFileName } from './import-formats.ts'

export function CanvasImportHandlers() {
  const editor = useEditor()
  const toasts = useToasts()
  const msg = useTranslation()
  useEffect(() => {
    const assets = boardAssetStoreOf(editor.store)
    const refuse = (sentence: string) => toasts.addToast({ title: sentence, severity: 'error' })
    const stopHearing = assets?.subscribeProblems(refuse)
    // tldraw's own limit (10 MB) is lower than the store's: the store's is the one that counts.
    const fileOptions = { toasts, msg, maxAssetSize: MAX_ASSET_BYTES }

    editor.registerExternalContentHandler('files', async (content) => {
      const imports = boardImportOf(editor)
      const boardFiles = imports ? content.files.filter((file) => isImportFileName(file.name)) : []
      const pictures: File[] = []
      const attachments: File[] = []
      for (const file of content.files) {
        if (boardFiles.includes(file)) continue
        if (assets === null) {
          pictures.push(file) // no asset store here: tldraw's handler as it is
          continue
        }
        const check = checkFileToStore(file.name, file.size, await headOf(file))
        if (!check.ok) refuse(check.problem)
        else if (ASSET_TYPES[check.mimeType].kind === 'file') attachments.push(file)
        // tldraw picks its handling by the type the file claims: give it the one its bytes say.
        else
          pictures.push(
            file.type === check.mimeType ? file : new File([file], file.name, { type: check.mimeType }),
          )
      }
      const point = content.point ?? editor.getViewportPageBounds().center
      if (pictures.length > 0)
        await defaultHandleExternalFileContent(editor, { ...content, files: pictures }, fileOptions)
      if (assets !== null && attachments.length > 0) {
        const stored: StoredFile[] = []
        for (const file of attachments) {
          const kept = await assets.storeFile(file)
          if (kept.ok) stored.push(kept.file)
          else refuse(kept.problem)
        }
        if (stored.length > 0) placeAttachmentArtifacts(editor, stored, point)
      }
      for (const file of boardFiles) await imports?.importPickedFile(file, content.point ?? null)
    })
    // Shapes copied from another board: its files are stored again under this one (pasted-assets.ts).
    editor.registerExternalContentHandler('tldraw', async (pasted) => {
      if (assets === null) return defaultHandleExternalTldrawContent(editor, pasted)
      const { content, problems } = await rehomePastedContent(pasted.content, assets)
      for (const problem of problems) refuse(problem)
      await defaultHandleExternalTldrawContent(editor, { ...pasted, content })
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
      stopHearing?.()
      editor.registerExternalContentHandler('files', (content) =>
        defaultHandleExternalFileContent(editor, content, { toasts, msg }),
      )
      editor.registerExternalContentHandler('text', (content) =>
        defaultHandleExternalTextContent(editor, content),
      )
      editor.registerExternalContentHandler('tldraw', (content) =>
        defaultHandleExternalTldrawContent(editor, content),
      )
    }
  }, [editor, toasts, msg])
  return null
}
