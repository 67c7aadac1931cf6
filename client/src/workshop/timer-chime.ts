/**
 * The chime at zero, made with Web Audio (no sound file to ship or cache): two soft bell tones.
 * Browsers start an AudioContext suspended until the person has interacted with the page, so the
 * context is created on the first pointer press and only resumed at zero.
 */
let context: AudioContext | null = null

function audioContext(): AudioContext | null {
  if (context !== null) return context
  if (typeof window === 'undefined' || typeof window.AudioContext !== 'function') return null
  context = new window.AudioContext()
  return context
}

/** Creates the context inside a user gesture so the chime may sound later; call once per page. */
export function primeChimeOnFirstPress(): () => void {
  const prime = () => {
    void audioContext()
      ?.resume()
      .catch(() => undefined)
    window.removeEventListener('pointerdown', prime)
  }
  window.addEventListener('pointerdown', prime)
  return () => window.removeEventListener('pointerdown', prime)
}

/** Plays the chime; false when this browser cannot (no Web Audio, or audio not allowed yet). */
export function playChime(): boolean {
  const audio = audioContext()
  if (audio === null) return false
  void audio.resume().catch(() => undefined)
  const start = audio.currentTime + 0.02
  for (const [offset, frequency] of [
    [0, 880],
    [0.28, 1318.5],
  ] as const) {
    const tone = audio.createOscillator()
    const gain = audio.createGain()
    tone.type = 'sine'
    tone.frequency.value = frequency
    gain.gain.setValueAtTime(0.0001, start + offset)
    gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 1.2)
    tone.connect(gain).connect(audio.destination)
    tone.start(start + offset)
    tone.stop(start + offset + 1.3)
  }
  return true
}
