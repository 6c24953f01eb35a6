// Minimal typing of the parts of fontkit (a dependency of pdfkit) that the label renderer uses.
declare module 'fontkit' {
  export interface PathCommand {
    command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
    args: number[];
  }
  export interface Glyph {
    id: number;
    path: { commands: PathCommand[] };
    advanceWidth: number;
  }
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    postscriptName: string;
    layout(text: string): { glyphs: Glyph[]; positions: GlyphPosition[] };
    hasGlyphForCodePoint(cp: number): boolean;
  }
  export function openSync(path: string, postscriptName?: string): Font;
}
