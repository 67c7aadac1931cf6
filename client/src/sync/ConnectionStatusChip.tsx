/**
 * The board's connection chip (online / connecting / syncing / offline, with the count of changes the
 * server has not acknowledged yet), and below it what went wrong, when something did: a refused change
 * and what was rolled back, a storage failure, a connection the server turned down.
 */
import type { CSSProperties, ReactNode } from 'react'
import { type ConnectionState, type ConnectionStatus, describeConnectionStatus } from './connection-status.ts'
import type { RefusalNotice } from './refusal-notice.ts'

export interface ConnectionStatusChipProps {
  readonly status: ConnectionStatus
  readonly refusal: RefusalNotice | null
  readonly onDismissRefusal: () => void
  readonly storageError?: string | null
  readonly connectionProblem?: string | null
}

const DOT_COLOURS: Record<ConnectionState, string> = {
  online: '#2f9e44',
  syncing: '#1971c2',
  connecting: '#f08c00',
  offline: '#868e96',
}

const chipStyle: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: 6,
  padding: '4px 10px',
  borderRadius: 999,
  background: 'var(--fm-surface)',
  boxShadow: '0 1px 3px rgba(0,0,0,.2)',
  font: '12px/1.4 system-ui, sans-serif',
  color: 'var(--fm-text)',
  pointerEvents: 'all',
}

const bannerStyle: CSSProperties = {
  marginTop: 6,
  maxWidth: 420,
  padding: '8px 10px',
  borderRadius: 8,
  font: '12px/1.4 system-ui, sans-serif',
  pointerEvents: 'all',
}

const BANNER_TONES = {
  warning: { background: 'var(--fm-warning-soft)', border: '1px solid #f08c00', color: 'var(--fm-text)' },
  error: { background: 'var(--fm-danger-soft)', border: '1px solid #e03131', color: 'var(--fm-text)' },
} as const satisfies Record<string, CSSProperties>

function AlertBanner(props: { testId: string; tone: keyof typeof BANNER_TONES; children: ReactNode }) {
  return (
    <div role="alert" data-testid={props.testId} style={{ ...bannerStyle, ...BANNER_TONES[props.tone] }}>
      {props.children}
    </div>
  )
}

function rolledBackSentence(refusal: RefusalNotice): string {
  if (refusal.rolledBack.length === 0) return 'Nothing else was lost.'
  const shown = refusal.rolledBack.slice(0, 5).join(', ')
  const more = refusal.rolledBack.length > 5 ? ` and ${refusal.rolledBack.length - 5} more` : ''
  if (refusal.viewOnly) return `Undone on this page: ${shown}${more}.`
  return `Rolled back on this device: ${shown}${more}. Your other changes were kept and sent again.`
}

export function ConnectionStatusChip(props: ConnectionStatusChipProps) {
  const { status, refusal, onDismissRefusal, storageError, connectionProblem } = props
  const label = describeConnectionStatus(status)
  return (
    <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start' }}>
      <output
        data-testid="connection-status"
        data-state={status.state}
        data-unsynced={status.unsyncedChanges}
        title={label}
        style={chipStyle}
      >
        <span
          aria-hidden
          style={{ width: 8, height: 8, borderRadius: '50%', background: DOT_COLOURS[status.state] }}
        />
        {/* A phone shows the dot alone (client/src/app/phone.css); the words stay for screen readers. */}
        <span className="flowmap-status-chip__label">{label}</span>
      </output>
      {refusal && (
        <AlertBanner testId="refusal-banner" tone="warning">
          {refusal.viewOnly ? (
            <>
              <strong>This board is view only</strong> ({refusal.reason}): nothing was changed.
            </>
          ) : refusal.retryInMs !== undefined ? (
            <>
              <strong>The server could not save your changes</strong> ({refusal.reason}): they are kept on
              this device and sent again in {Math.ceil(refusal.retryInMs / 1000)} s.
            </>
          ) : refusal.resentInParts !== undefined ? (
            <>
              <strong>Your changes were more than the server takes at once</strong> ({refusal.reason}): they
              were sent again in {refusal.resentInParts} parts.
            </>
          ) : (
            <>
              <strong>The server refused a change{refusal.recordId ? ` to ${refusal.recordId}` : ''}:</strong>{' '}
              {refusal.reason}.
            </>
          )}{' '}
          {rolledBackSentence(refusal)}{' '}
          <button type="button" data-testid="refusal-dismiss" onClick={onDismissRefusal}>
            Dismiss
          </button>
        </AlertBanner>
      )}
      {storageError && (
        <AlertBanner testId="storage-error" tone="error">
          {storageError}
        </AlertBanner>
      )}
      {connectionProblem && (
        <AlertBanner testId="connection-problem" tone="error">
          {connectionProblem}
        </AlertBanner>
      )}
    </div>
  )
}
