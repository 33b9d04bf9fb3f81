// Builds small PNG images in memory (a stamp-like ring, a signature-like stroke) for tests.
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG whose pixels come from `paint(x, y)` → [r, g, b, a]. */
export function makePng(width: number, height: number, paint: (x: number, y: number) => [number, number, number, number]): Uint8Array {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) raw.set(paint(x, y), row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 6;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
}

/** A blue ring like a round company stamp. */
export function stampPng(): Uint8Array {
  return makePng(120, 120, (x, y) => {
    const r = Math.hypot(x - 60, y - 60);
    return (r > 50 && r < 57) || (r > 38 && r < 41) ? [30, 60, 170, 220] : [0, 0, 0, 0];
  });
}

/** A dark blue wavy stroke like a signature. */
export function signaturePng(): Uint8Array {
  return makePng(160, 60, (x, y) => (Math.abs(y - 30 - 18 * Math.sin(x / 12)) < 2 ? [20, 30, 120, 255] : [0, 0, 0, 0]));
}
