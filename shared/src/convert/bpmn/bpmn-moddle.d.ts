/**
 * The part of bpmn-moddle's API Flowmap uses. The package ships types for its model (`bpmn-moddle/types`)
 * but none for its entry point, so the entry is declared here, loosely: the importer reads elements of
 * any modeler's extensions, which no generated type describes.
 */
declare module 'bpmn-moddle' {
  /** A model element: `$type` is its qualified type (`bpmn:UserTask`); attributes of unknown namespaces sit in `$attrs`. */
  export type ModdleElement = {
    readonly $type: string
    readonly $attrs?: Readonly<Record<string, string>>
    readonly [property: string]: unknown
  }

  /** A problem `fromXML` read past (lax mode): an unresolved reference, an element it could not read. */
  export type ModdleWarning = {
    readonly message: string
    readonly element?: ModdleElement
    readonly property?: string
    readonly value?: string
    readonly error?: Error
  }

  export type ModdleParseResult = {
    readonly rootElement: ModdleElement
    readonly warnings: readonly ModdleWarning[]
    readonly elementsById: Readonly<Record<string, ModdleElement>>
  }

  export type Moddle = {
    fromXML(xml: string, options?: Readonly<Record<string, unknown>>): Promise<ModdleParseResult>
    toXML(element: ModdleElement, options?: Readonly<Record<string, unknown>>): Promise<{ xml: string }>
    create(type: string, attributes?: Readonly<Record<string, unknown>>): ModdleElement
  }

  export function BpmnModdle(packages?: Readonly<Record<string, unknown>>, options?: object): Moddle
}
