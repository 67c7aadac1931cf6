import { getUserPreferences, react } from 'tldraw'

export type ColorScheme = 'light' | 'dark' | 'system'
export type ColorMode = 'light' | 'dark'

/**
 * The colour scheme before a person picks one in tldraw's menu: follow the operating system. Every
 * <Tldraw> gets it as its `colorScheme`, so the canvas and the chrome resolve a missing choice the same way.
 */
export const DEFAULT_COLOR_SCHEME: ColorScheme = 'system'

/** The mode a colour scheme shows: the person's choice, or the system's when they chose none or "system". */
export function resolveColorMode(scheme: ColorScheme | undefined, systemPrefersDark: boolean): ColorMode {
  const chosen = scheme ?? DEFAULT_COLOR_SCHEME
  if (chosen === 'system') return systemPrefersDark ? 'dark' : 'light'
  return chosen
}

/**
 * Keeps `data-theme` on `root` equal to the colour mode tldraw shows. The source is tldraw's user
 * preferences (the same stored record every editor's `user.getIsDarkMode()` reads, saved on this
 * device and shared between tabs), so the chrome also follows it on pages without an editor (home).
 * Returns a function that stops following.
 */
export function followColorMode(root: HTMLElement, host: Window = window): () => void {
  const systemDark = host.matchMedia('(prefers-color-scheme: dark)')
  const show = () => {
    root.dataset.theme = resolveColorMode(getUserPreferences().colorScheme, systemDark.matches)
  }
  systemDark.addEventListener('change', show)
  // Runs `show` now and again whenever the stored preference changes (in this tab or another).
  const stop = react('app colour mode', show)
  return () => {
    stop()
    systemDark.removeEventListener('change', show)
  }
}
