import { describeFact, type MaturityScore } from '@flowmap/shared'

const DIMENSION_TITLES: Record<MaturityScore['dimension'], string> = {
  clarity: 'Clarity',
  coordination: 'Coordination',
  completion: 'Completion',
  collaboration: 'Collaboration',
}

function scoreColor(score: number): string {
  return score >= 75 ? '#2f9e44' : score >= 45 ? '#f08c00' : '#e03131'
}

/** The four Cs, each a 0–100 ring and the facts it is the mean of, so a team sees what holds it back. */
export function ScoreCard({ scores }: { scores: readonly MaturityScore[] }) {
  return (
    <ul className="flowmap-scorecard" data-testid="scorecard">
      {scores.map((score) => (
        <li
          key={score.dimension}
          className="flowmap-scorecard__item"
          data-testid={`score-${score.dimension}`}
        >
          <svg
            viewBox="0 0 36 36"
            width="44"
            height="44"
            role="img"
            aria-label={`${DIMENSION_TITLES[score.dimension]} ${score.score} of 100`}
          >
            <circle
              cx="18"
              cy="18"
              r="15.9155"
              fill="none"
              style={{ stroke: 'var(--fm-surface-muted)' }}
              strokeWidth="4"
            />
            <circle
              cx="18"
              cy="18"
              r="15.9155"
              fill="none"
              stroke={scoreColor(score.score)}
              strokeWidth="4"
              strokeDasharray={`${score.score} ${100 - score.score}`}
              strokeDashoffset="25"
            />
            <text
              x="18"
              y="22"
              textAnchor="middle"
              className="flowmap-scorecard__number"
              data-testid="score-value"
            >
              {score.score}
            </text>
          </svg>
          <div className="flowmap-scorecard__body">
            <div className="flowmap-scorecard__title">{DIMENSION_TITLES[score.dimension]}</div>
            <ul className="flowmap-scorecard__facts">
              {score.facts.map((fact) => (
                <li key={fact.label} data-testid="score-fact">
                  {describeFact(fact)}
                  <span className="flowmap-scorecard__percent">{fact.percent}%</span>
                </li>
              ))}
            </ul>
          </div>
        </li>
      ))}
    </ul>
  )
}
