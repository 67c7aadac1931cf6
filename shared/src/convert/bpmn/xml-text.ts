/**
 * Text XML 1.0 can hold. A label may contain any character a person typed or a tool wrote, but XML has
 * no way to write most control characters, U+FFFE/U+FFFF or a lone surrogate, not even escaped: a file
 * holding one is not XML. Those become U+FFFD (the replacement character), so the file stays readable
 * and the place of the lost character stays visible.
 */
const NOT_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHARS, '\uFFFD')
}
