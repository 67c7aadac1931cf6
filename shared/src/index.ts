/** The public API of @flowmap/shared. */
export const SHARED_PACKAGE = '@flowmap/shared'
