/** The namespace URIs of BPMN 2.0 (final, 2010-05-24) as OMG published them and bpmn-moddle reads them. */
export const BPMN_MODEL_NAMESPACE = 'http://www.omg.org/spec/BPMN/20100524/MODEL'

/** Namespaces of files people mistake for BPMN 2.0, named so a refusal can say what the file is instead. */
export const KNOWN_OTHER_NAMESPACES: readonly (readonly [string, string])[] = [
  ['http://schema.omg.org/spec/BPMN/2.0', 'a draft of BPMN 2.0 from before the standard (2009)'],
  ['http://www.wfmc.org/2008/XPDL2.1', 'XPDL 2.1'],
  ['http://www.wfmc.org/2009/XPDL2.2', 'XPDL 2.2'],
  ['http://www.w3.org/2000/svg', 'an SVG image'],
  ['http://www.w3.org/1999/xhtml', 'an HTML page'],
  ['http://www.omg.org/spec/BPMN/non-normative/extensions/xsd', 'BPMN extensions only'],
]
