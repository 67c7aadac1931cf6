import type { ArtifactKind, StepAutomation } from '@flowmap/shared'

// Inline SVG icons: drawn with currentColor, no image requests, crisp at every zoom.

type IconProps = { size?: number; className?: string }

export function AutomationIcon({
  automation,
  size = 14,
  className,
}: IconProps & { automation: StepAutomation }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" className={className} aria-hidden="true">
      {automation === 'manual' && (
        <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
          <circle cx="8" cy="4.5" r="2.5" />
          <path d="M3 14c0-3 2.2-5 5-5s5 2 5 5" />
        </g>
      )}
      {automation === 'assisted' && (
        <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
          <circle cx="6" cy="4.5" r="2.3" />
          <path d="M1.5 14c0-2.8 2-4.7 4.5-4.7 1.2 0 2.2.4 3 1" />
          <path d="M12.5 8.5v5M10 11h5" />
        </g>
      )}
      {automation === 'automated' && (
        <g fill="none" stroke="currentColor" strokeWidth="1.6">
          <circle cx="8" cy="8" r="2.4" />
          <path
            strokeLinecap="round"
            d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4"
          />
        </g>
      )}
      {automation === 'ai-agent' && (
        <g fill="currentColor">
          <path d="M7 1.5 8.3 5.7 12.5 7 8.3 8.3 7 12.5 5.7 8.3 1.5 7 5.7 5.7Z" />
          <path d="M12.5 10.5l.6 1.9 1.9.6-1.9.6-.6 1.9-.6-1.9-1.9-.6 1.9-.6Z" />
        </g>
      )}
    </svg>
  )
}

export function ArtifactIcon({ kind, size = 18, className }: IconProps & { kind: ArtifactKind }) {
  return (
    <svg width={size} height={size} viewBox="0 0 20 20" className={className} aria-hidden="true">
      <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round">
        {kind === 'document' && (
          <>
            <path d="M5 2h7l4 4v12H5Z" />
            <path d="M12 2v4h4M8 10h5M8 13h5" strokeLinecap="round" />
          </>
        )}
        {kind === 'data' && (
          <>
            <ellipse cx="10" cy="4.5" rx="6" ry="2.5" />
            <path d="M4 4.5v11c0 1.4 2.7 2.5 6 2.5s6-1.1 6-2.5v-11" />
            <path d="M4 10c0 1.4 2.7 2.5 6 2.5s6-1.1 6-2.5" />
          </>
        )}
        {kind === 'system' && (
          <>
            <rect x="2.5" y="3" width="15" height="10" rx="1.5" />
            <path d="M7 17h6M10 13v4" strokeLinecap="round" />
          </>
        )}
      </g>
    </svg>
  )
}
