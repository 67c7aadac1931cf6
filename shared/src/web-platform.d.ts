/**
 * The few globals @flowmap/shared uses beyond ECMAScript. It typechecks with neither DOM nor Node types
 * (shared/tsconfig.json) so that nothing browser-only or Node-only slips into the model; each global here
 * exists in browsers and in Node alike.
 */
declare function atob(data: string): string
declare function btoa(data: string): string
declare function structuredClone<T>(value: T): T
declare class TextEncoder {
  encode(input?: string): Uint8Array
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean })
  decode(input?: Uint8Array): string
}
/** The lead-time simulation gives the event loop a turn between chunks and reads a cancel from here. */
declare function setTimeout(handler: () => void, timeout?: number): unknown
interface AbortSignal {
  readonly aborted: boolean
}
