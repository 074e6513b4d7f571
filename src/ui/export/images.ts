import { renderDiagramSvg } from '../../core/export/svg';
import type { DesignDocument } from '../../core/model';

/** The whole diagram as a standalone SVG document, in the given theme. */
export function diagramSvg(doc: DesignDocument, theme: 'light' | 'dark'): string {
  return renderDiagramSvg(doc.design, doc.layout, { theme }).svg;
}

/**
 * Browsers refuse canvases past about 16k pixels a side or 268M pixels in all (Chrome); a large
 * design is drawn smaller rather than failing.
 */
const MAX_SIDE = 16_000;
const MAX_AREA = 120_000_000;

/** The whole diagram as a PNG, at `scale` where the size allows. */
export async function diagramPng(
  doc: DesignDocument,
  theme: 'light' | 'dark',
  scale = 2,
): Promise<Blob> {
  const { svg, width, height } = renderDiagramSvg(doc.design, doc.layout, { theme });
  const fit = Math.min(
    scale,
    MAX_SIDE / width,
    MAX_SIDE / height,
    Math.sqrt(MAX_AREA / (width * height)),
  );
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.floor(width * fit));
    canvas.height = Math.max(1, Math.floor(height * fit));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw the image (no 2D canvas).');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) =>
          b ? resolve(b) : reject(new Error('The image is too large for this browser to encode.')),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
