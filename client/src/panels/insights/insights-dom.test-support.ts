import { act, createElement, type FunctionComponent } from 'react'
import { createRoot, type Root } from 'react-dom/client'

// The Insights sections' component tests render into happy-dom with React's act(), as the panel tests do.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let root: Root | null = null

/** Renders one section with these props (again, with new props, on a second call). */
export function renderSection<P extends object>(component: FunctionComponent<P>, props: P): void {
  root ??= createRoot(document.body.appendChild(document.createElement('div')))
  act(() => root!.render(createElement(component, props)))
}

export function unmountSection(): void {
  act(() => root?.unmount())
  root = null
  document.body.innerHTML = ''
}

/** The element with this test id; throws naming it when absent. */
export function byTestId<E extends HTMLElement = HTMLElement>(testId: string): E {
  const element = document.querySelector<E>(`[data-testid="${testId}"]`)
  if (element === null) throw new Error(`nothing with data-testid="${testId}" is rendered`)
  return element
}

export function queryTestId(testId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)
}

export function click(element: HTMLElement): void {
  act(() => element.click())
}

/** Text with runs of whitespace made single spaces: what a person reads. */
export function textOf(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim()
}
