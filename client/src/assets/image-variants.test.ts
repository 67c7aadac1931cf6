import { describe, expect, it } from 'vitest'
import { variantWidths } from './image-variants.ts'

describe('the widths of a picture’s variants', () => {
  it('halves down to about 256 px on the long side, smallest first', () => {
    expect(variantWidths(4000, 3000)).toEqual([500, 1000, 2000])
    expect(variantWidths(2400, 1600)).toEqual([300, 600, 1200])
  })

  it('a tall picture is halved by its height, keeping its proportions', () => {
    expect(variantWidths(500, 3000)).toEqual([63, 125, 250])
  })

  it('none for a picture of at most 1024 px, or of no size', () => {
    expect(variantWidths(1024, 768)).toEqual([])
    expect(variantWidths(0, 0)).toEqual([])
    expect(variantWidths(Number.NaN, 2000)).toEqual([])
  })
})
