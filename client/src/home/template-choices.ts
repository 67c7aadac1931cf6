import { type BoardTemplate, BUILT_IN_TEMPLATES } from '@flowmap/shared'
import { useEffect, useMemo, useState } from 'react'
import { fetchSavedTemplates } from '../templates/saved-templates-api.ts'
import type { TemplateChoice } from './TemplatePicker.tsx'

/** The key of the blank board: the picker's first choice, and what "Create board" makes. */
export const BLANK_CHOICE = 'blank'

const BUILT_IN_CHOICES: readonly TemplateChoice[] = BUILT_IN_TEMPLATES.map((template) => ({
  key: template.id,
  template,
  saved: false,
}))

/** A saved template's key: its id could be any string, so it never collides with a built-in one. */
export function savedChoiceKey(template: Pick<BoardTemplate, 'id'>): string {
  return `saved:${template.id}`
}

export function templateChoices(saved: readonly BoardTemplate[]): TemplateChoice[] {
  return [
    ...BUILT_IN_CHOICES,
    ...saved.map((template) => ({ key: savedChoiceKey(template), template, saved: true })),
  ]
}

/**
 * The built-in templates at once (offline too), and the server's saved ones once they arrive; `note`
 * says why there are none from the server when it could not be asked.
 */
export function useTemplateChoices(token: string | null, askServer: boolean) {
  const [saved, setSaved] = useState<readonly BoardTemplate[]>([])
  const [note, setNote] = useState<string | null>(null)
  useEffect(() => {
    if (!askServer) return
    let cancelled = false
    void fetchSavedTemplates({ token }).then((result) => {
      if (cancelled) return
      if (result.ok) {
        setSaved(result.templates)
        setNote(null)
      } else setNote(result.message)
    })
    return () => {
      cancelled = true
    }
  }, [token, askServer])
  const choices = useMemo(() => templateChoices(saved), [saved])
  return { choices, note }
}
