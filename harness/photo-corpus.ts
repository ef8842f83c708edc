import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { seededRandom } from "./corpus.ts";
import { cameraPhoto } from "./photos.ts";

/*
 * Photos for a synthetic corpus (harness/corpus.ts), as a bureau's archive holds them: camera
 * JPEGs of 4000 × 3000, some stored turned (EXIF orientation 6 or 8), some CMYK from a print
 * office, in about 30% of the articles, one to three each. A small pool of scenes is generated
 * with sharp; every published photo is a pool photo with its own JPEG comment segment, so each has
 * its own bytes (and cache key) while costing what a camera photo costs to decode.
 */

/** What a corpus's photos are. */
export interface PhotoCorpusOptions {
  /** Share of the articles that carry photos. */
  share?: number;
  /** Distinct scenes generated (each 4000 × 3000, a few seconds of sharp). */
  pool?: number;
  width?: number;
  height?: number;
}

/** What {@link addPhotosToCorpus} wrote. */
export interface PhotoCorpus {
  photos: number;
  photoBytes: number;
  articlesWithPhotos: number;
  /** The site address of an article with three photos (the phone measurement's page). */
  threePhotoArticle: string;
}

/** The pool photo `index`: every fourth stored turned, every seventh CMYK. */
async function poolPhoto(index: number, width: number, height: number): Promise<Buffer> {
  const turned = index % 4 === 1 ? { orientation: index % 8 === 1 ? 6 : 8 } : {};
  const cmyk = index % 7 === 3 ? { cmyk: true, quality: 80 } : {};
  return cameraPhoto({ width, height, seed: 100 + index, gps: true, ...turned, ...cmyk });
}

/** A JPEG with a comment segment (`FF FE`) after its APP segments, so that its bytes are its own. */
export function withComment(jpeg: Buffer, comment: string): Buffer {
  let offset = 2;
  while (
    offset + 4 <= jpeg.length &&
    jpeg[offset] === 0xff &&
    (jpeg[offset + 1] ?? 0) >= 0xe0 &&
    (jpeg[offset + 1] ?? 0) <= 0xef
  )
    offset += 2 + jpeg.readUInt16BE(offset + 2);
  const text = Buffer.from(comment, "latin1");
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(text.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, offset), segment, text, jpeg.subarray(offset)]);
}

/** Puts `lines` into a Markdown article as paragraphs after its first, third and fifth blocks of body. */
function insertPhotos(text: string, lines: string[]): string {
  const end = text.indexOf("\n---\n", 4) + 5;
  const blocks = text.slice(end).trim().split("\n\n");
  lines.forEach((line, index) => {
    blocks.splice(Math.min(blocks.length, 2 + index * 3), 0, line);
  });
  return `${text.slice(0, end)}\n${blocks.join("\n\n")}\n`;
}

/**
 * Adds photos to the synthetic articles of the corpus at `root` (files under content/files/<year>/,
 * images in the bodies); the first article with photos gets three. Deterministic for a corpus.
 */
export async function addPhotosToCorpus(root: string, options: PhotoCorpusOptions = {}): Promise<PhotoCorpus> {
  const { share = 0.3, pool = 8, width = 4000, height = 3000 } = options;
  const scenes = await Promise.all(Array.from({ length: pool }, (_, index) => poolPhoto(index, width, height)));
  const random = seededRandom(20240612);
  const articlesDir = path.join(root, "content/articles");
  const result: PhotoCorpus = { photos: 0, photoBytes: 0, articlesWithPhotos: 0, threePhotoArticle: "" };
  for (const year of readdirSync(articlesDir).sort()) {
    const filesDir = path.join(root, "content/files", year);
    for (const name of readdirSync(path.join(articlesDir, year)).sort()) {
      if (!name.startsWith("article-") || random() >= share) continue;
      const slug = name.slice(0, -3);
      const count = result.threePhotoArticle ? 1 + Math.floor(random() * 3) : 3;
      if (!result.threePhotoArticle) result.threePhotoArticle = `/articles/${year}/${slug}/`;
      mkdirSync(filesDir, { recursive: true });
      const lines: string[] = [];
      for (let photo = 1; photo <= count; photo++) {
        const scene = scenes[(result.photos + photo) % scenes.length] as Buffer;
        const bytes = withComment(scene, `${slug}-${photo}`);
        writeFileSync(path.join(filesDir, `${slug}-${photo}.jpg`), bytes);
        result.photoBytes += bytes.length;
        lines.push(`![${slug} 活动现场第 ${photo} 张](/files/${year}/${slug}-${photo}.jpg)`);
      }
      result.photos += count;
      result.articlesWithPhotos++;
      const file = path.join(articlesDir, year, name);
      writeFileSync(file, insertPhotos(readFileSync(file, "utf8"), lines));
    }
  }
  return result;
}
