/**
 * The figures as PNG, through resvg (Rust, prebuilt per platform, no browser needed), at twice the SVG's
 * size so they stay sharp in a Word document. Text is set in DejaVu Sans, the font the figures measure
 * their lines with (src/domain/figures/text-width.ts); resvg otherwise falls back to whatever font it finds
 * first (DejaVu Serif here, wider), and lines ran over their boxes.
 */
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js'

export const FIGURE_FONT: NonNullable<ResvgRenderOptions['font']> = {
  loadSystemFonts: true,
  defaultFontFamily: 'DejaVu Sans',
  sansSerifFamily: 'DejaVu Sans',
}

export function figurePng(svg: string): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: FIGURE_FONT }).render().asPng()
}
