/**
 * Size limits of everything a board stores, defined once: the validators in this folder enforce them
 * on the server and in the client's checks before a write, and the client's inputs take their
 * `maxLength` from here, so a person is stopped while typing rather than refused after sending.
 *
 * Limits apply when a value is written: a value stored before a limit existed still loads, and stays
 * until someone changes that field (record-limits.ts checks only the fields an update touches).
 */

/** Short labels shown on the canvas: step, stage, lane, event and artifact labels, a decision's question. */
export const MAX_LABEL_CHARS = 500

/** A step's description: a few paragraphs of notes. */
export const MAX_DESCRIPTION_CHARS = 10_000

/** A connector's branch label ("yes", "approved"): shown on the arrow. */
export const MAX_BRANCH_LABEL_CHARS = 200

/** The board's title, shown in the header and the board list. */
export const MAX_BOARD_TITLE_CHARS = 200

/**
 * One field of the workshop map, as JSON (a vote result over a few hundred shapes fits easily). The
 * map is written by facilitators only, so this bounds mistakes and a compromised link, not a flood.
 */
export const MAX_WORKSHOP_FIELD_JSON_CHARS = 64_000

/** A role's name as the roles panel and lane headers show it. */
export const MAX_ROLE_NAME_CHARS = 100

/** Any CSS colour fits ("rgb(255 255 255 / 50%)", "color-mix(...)"), a paragraph does not. */
export const MAX_ROLE_COLOR_CHARS = 64

/** Ids we generate are ~30 characters; the room is for other tools' id schemes. */
export const MAX_ID_CHARS = 128

/** A lint rule id (`step-without-owner`): ids are kebab-case names. */
export const MAX_LINT_RULE_ID_CHARS = 64

/** How many lint rules a board can turn off: far more than the rules there are. */
export const MAX_DISABLED_LINT_RULES = 100

/**
 * The deepest nesting of a JSON value (meta, a rich-text tree). tldraw's rich text of a nested list
 * is ~10 levels deep; 32 leaves room without letting a value recurse thousands of levels.
 */
export const MAX_JSON_DEPTH = 32

/**
 * A record as a whole, in characters of its JSON. A page of rich text is ~3,000 characters of prose and
 * ~4x that as a ProseMirror JSON tree, so 256 Ki characters lets a note of twenty pages through while a
 * single record can never fill a board (or a message) on its own.
 */
export const MAX_RECORD_CHARS = 256 * 1024

/**
 * An asset record (an image or video) as a whole. With no asset store, tldraw keeps a pasted image
 * inline as a data URL in its asset record, so these are far larger than shapes; the bound is the
 * server's default message size (8 MiB), which such a record must fit through anyway.
 */
export const MAX_ASSET_RECORD_CHARS = 8 * 1024 * 1024

/** A sequence id of a serialized schema (`com.tldraw.shape.step`). */
export const MAX_SCHEMA_SEQUENCE_ID_CHARS = 128

/** How many migration sequences a board's schema may list: tldraw's and ours are ~40. */
export const MAX_SCHEMA_SEQUENCES = 500

/**
 * Records a saved board template may hold: every new-board picker downloads every saved template, so a
 * template stays a starting point (a workshop map is a few hundred records), not a copy of a huge board.
 */
export const MAX_TEMPLATE_RECORDS = 2000

/**
 * An imported file (BPMN, Mermaid, JSON): a 2,000-task BPMN model with its diagram is about 2 MB, so
 * this holds a whole value stream and refuses a file of tens of MB before any parser reads it.
 */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024

/** Elements one imported file may hold (flow nodes, flows, lanes, annotations …). */
export const MAX_IMPORT_ELEMENTS = 10_000

/** How deep an imported file's elements may nest (XML elements, Mermaid subgraphs). */
export const MAX_IMPORT_DEPTH = 100

/** One comment's text (a long review remark fits; a pasted document does not: attach it as a file). */
export const MAX_COMMENT_CHARS = 10_000

/** People and roles one comment may mention. */
export const MAX_COMMENT_MENTIONS = 50

/** A name as a comment shows it (its author's, a mentioned person's or role's): a role name's limit. */
export const MAX_COMMENT_NAME_CHARS = 100

/** Roles one RACI column (accountable, consulted or informed) of a step or decision may list. */
export const MAX_RACI_ROLES = 50

/**
 * Hours a time estimate (process, wait, their ranges) may say: about 114 years of work. More is no
 * estimate, and sums of such values overflow to Infinity in the analyses.
 */
export const MAX_ESTIMATE_HOURS = 1_000_000
