import { type RefObject, useEffect, useState } from 'react'

/** Whether the element is laid out on screen (a hidden tab or a closed sidebar is not). */
export function useShown(ref: RefObject<HTMLElement | null>): boolean {
  const [shown, setShown] = useState(false)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const observer = new IntersectionObserver((entries) =>
      setShown(entries.some((entry) => entry.isIntersecting)),
    )
    observer.observe(element)
    return () => observer.disconnect()
  })
  return shown
}
