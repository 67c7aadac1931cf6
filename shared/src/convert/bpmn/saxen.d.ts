/** The part of saxen's API the import pre-pass uses (the package ships no types). */
declare module 'saxen' {
  export type SaxContext = () => { readonly line: number; readonly column: number; readonly data: string }

  export class Parser {
    /** Namespace mode: element names come with the prefix mapped here for their namespace URI (`ns0:` for others). */
    ns(uriToPrefix?: Readonly<Record<string, string>>): this
    on(
      event: 'openTag',
      listener: (
        name: string,
        attrs: () => Record<string, string>,
        decode: unknown,
        selfClosing: boolean,
      ) => void,
    ): this
    on(event: 'closeTag', listener: (name: string, decode: unknown, selfClosing: boolean) => void): this
    on(event: 'attention', listener: (declaration: string) => void): this
    on(event: 'error' | 'warn', listener: (error: Error, context: SaxContext) => void): this
    parse(xml: string): void
    stop(): void
  }
}
