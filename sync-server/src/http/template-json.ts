import type { SavedTemplateJson } from '@flowmap/shared'
import type { StoredTemplate } from '../storage/board-storage.ts'

/** A stored template as the API sends it (times as ISO 8601). */
export function savedTemplateJson(template: StoredTemplate): SavedTemplateJson {
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    boardId: template.boardId,
    createdAt: new Date(template.createdAt).toISOString(),
    createdBy: template.createdBy,
    roles: template.roles,
    records: template.records,
  }
}
