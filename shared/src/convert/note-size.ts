/**
 * tldraw draws a note as a square of this side (its `NOTE_SIZE`, in the `tldraw` package, which the
 * model does not depend on), times its `scale`, grown down by `growY`; a note has no `w` or `h` of its own.
 */
export const NOTE_SIDE = 200
