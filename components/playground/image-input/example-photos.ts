/**
 * The example photos served from `public/examples/` (scikit-image's public-domain and CC0 sample
 * photos, as Debian's python3-skimage ships them; credits in the README), each with an edit
 * that suits it.
 */
export interface ExamplePhoto {
  /** Its file name stem in `public/examples/` (`<id>.jpg`, `<id>-thumb.webp`). */
  id: string;
  /** What it shows, as its button names it ("Use example photo: Astronaut"). */
  name: string;
  /** An example edit instruction for it. */
  prompt: string;
  /** Thumbnail size in pixels. */
  thumb: { width: number; height: number };
}

export const EXAMPLE_PHOTOS: readonly ExamplePhoto[] = [
  {
    id: "astronaut",
    name: "Astronaut",
    prompt: "Turn this portrait into a Studio Ghibli style illustration",
    thumb: { width: 240, height: 240 },
  },
  {
    id: "cat",
    name: "Cat",
    prompt: "Put a tiny knitted wizard hat on the cat",
    thumb: { width: 240, height: 160 },
  },
  {
    id: "coffee",
    name: "Coffee cup",
    prompt: "Make it a matcha latte with leaf latte art",
    thumb: { width: 240, height: 160 },
  },
  {
    id: "rocket",
    name: "Rocket launch",
    prompt: "Make it a night launch under the northern lights",
    thumb: { width: 240, height: 160 },
  },
];

/** The photo's URL on this site. */
export function examplePhotoUrl(photo: ExamplePhoto): string {
  return `/examples/${photo.id}.jpg`;
}

/** Its thumbnail's URL on this site. */
export function exampleThumbUrl(photo: ExamplePhoto): string {
  return `/examples/${photo.id}-thumb.webp`;
}
