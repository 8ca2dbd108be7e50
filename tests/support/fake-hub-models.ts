import type { FakeModel } from "./fake-hub";

const KONTEXT = "black-forest-labs/FLUX.1-Kontext-dev";
const ADAPTER_TAG = `base_model:adapter:${KONTEXT}`;
const MB = 1_000_000;

/** A 160x120 PNG (a plushie bear face) served as the Plushie card's example image. */
export const PLUSHIE_PNG_BASE64 = [
  "iVBORw0KGgoAAAANSUhEUgAAAKAAAAB4CAMAAABCfAldAAADAFBMVEX5qNTRu/jewfPbwPTgwvLoxu/mxfCDGEPTvPffwvPh",
  "w/Luye3Zv/XkxPHcwPTXvvbsyO7PuvnwyuzjxPHxyuzOuvnlxfDav/XSvPjUvffdwfPQu/jvye3iw/Lzy+vMufrtyO3rx+7p",
  "xu/nxvDpx+/Vvffqx+7qx+/1zOrKuPvWvvbVvfbLuPr0zOvnxfDyy+vNufrWvfbYvvXUvPfdwfTiw/HYv/XryO72zerJt/va",
  "wPTNufnyy+zSu/jlxPHtye33zerIt/vcwfTnxu/jw/H5zunGtvzvyezQu/nHtvz4zunYvvbIt/z3zenQuvnvyuz2zOrJuPvS",
  "vPfFtv37z+mKIEv4zenHt/yEGUTtyO7Lufr0y+utS3bewvPhwvL4p9OXMVyrSHTtmcT3pdHNcp6DGUTOdJ+IHkmOLFmFG0aG",
  "HUiFG0WeOWPawPXlxPD4ptPyoMzEZ5Lnkr7vnciZM16dN2PFaZSULVm1VIC3V4OMI07qlsKNI0+OK1bQdaG7XIf1pM+SNWKP",
  "LFfwnsrwncmvTXjkuuC9eaG4WYWMIk30os+NJE7Jb5q6eaS4gLOmQ2+oRXGLIU3CZJCQKFPMcJ3YtufGaZXplMGMKFTdt+O5",
  "dJ7IirHVfKfUufOoYpTNoM+gO2ehTXiJIkzCh7TchrHUptCcQmzAg66pR3K0Un2rYpGyd6rrl8O1d6fzoMzijbieTHyPJlHm",
  "kLzIbZnGirTIodi2dqThvuq/iLi9ir6wT3vHjrnTncS0eKugU4SjVIHevu/avPHKoNPVo8uIIUyWMFu2bpfmv+i5d6Lok7/G",
  "ntbRd6Pjv+rSos3LoteaQm7dhrLImMmlQm2xcKG1cZ7dwPOjVoXGm8/Cl83umsaRMV63eqq0e67hi7e7gLDZga3UufDZpsuW",
  "L1qULFfpwebagq6vZZHYuu7RpdKvcKLNm8a8fKa7eqfUu/bPs+vPsuubRnS+kMbYt+vHlsXbv/PAYo7lwuzeuujSuPDcu+yw",
  "TnqWOWXbhLGYO2W/hrXiwe7a/3SdAAAACXBIWXMAAAsTAAALEwEAmpwYAAAJ/0lEQVR42s2aeVhVxxmHPzXpaLQibQ0KbYh7",
  "UWuDCEZNY5O0NLbaJrE30paGVb2oKSIBVAxcUCAiiwEhArIo7kvivhvjkmiNxqVptmZt0qzdm+7L029mzpW7zDn3m3t5npzf",
  "X3IYnvN63jNzvlnghyLfNvJdzIMPzpjxTcztmPu+KvI1np/cIvJ1zB13fInnCyI/+M6XMX1Fpt6K+dEAnokTJw4ZMmTkyJGj",
  "Ro0aPnz40KFDbxS5Z9iwcePGfY7nZszP7vy8yBd5vhUf/xXMTTw3iPQBTzzJN0Pw3a7m88Az4xtg8A1R8SHeMANP8N3pwYd4",
  "8W48N58A9H18br77PPluMeHzxJt6/fF58vk8PhWf3+N7yM3HAT87vTcH0MsDdtbrCWhLvX36/LQn2Flvn549DUCb6u1pANpW",
  "rwHYjXoHdK9eTCTYWS/yRYKd9UZGCkD76o2MnDAB7KwX+e4GO+tFvv5gZ73Ih4A21tsfA3bWawDaVy+mF9hZb/9evQSgtt7y",
  "4y0VFS3Hy6l6mz7urK7u/LhJV28vCaipt7xicxITSdpcUR5Yb9P56+0vn2/S0isB1Xxmet9r3sA8Mve5c9Z6D/m0f//vGnox",
  "k0FP7zuP8tvMX5C8ZEnygvn836VnrPRe8mv/aDtdL/JFgJbelnl4i0fmLAeR5ZmP4I/z9pvr7VS17yTrnTw5QgIS9fZtmc3Y",
  "qjkpcD0pmUsZm73frPd2qtt3UvU+HCEBqb33nbmMpRaCV55IxWdyRt17L5m1byfqxfQD+uD8Hr5PqQvBJwvxjqXnVIPzIfP2",
  "/1Q9vkg/vcjXD6h6+059jrGlT4BfClcx1qwanC3av0jTi3wSkPTtLT/L2BxQJJOxDU3+fE0W7c82kPT2k4DEb28F9scU1Q1T",
  "sG9WI9/FTce2fNLc/MmWY5suIuB5q/YHSXolIEkvfno3mzwQ8Uj+W72+dHbXeDy7dH31v63aXybpxSQAtbQqT2Lzl6tvuGI+",
  "U8aifVIDRW+/hAQDkFBaHWdsAZhkgeDJKqg9uri4ePHR2oIsccGq/VWK3oSE8eOBpBdLqxbGks1umIwwVYsyui5k7K3Ks27/",
  "P4pe5OOAgfXy0g/7yGNmN3yMsRzfaznW7Q9a6I1w6x0//nthQK2crQCXMJavA7hEAgbUi3xhQK2cAyh+3vdakXX7wxS9YWEC",
  "MLBeXjlbdRJ83zb6XvuPdfurFL0SkDgxshhmcvFXK1QXzdtnNVD0CkDyxAgH6kzTgbfD/2qHVfvLJL1hYaNHA0WvmBhhL0k1",
  "/XQ1+l/OsWq/i6QX+SQgad5bvsHkkaxhzLFCIdJh3v5sA0kv8sUCfd7bzNjKnyvKp2WM1alA/mre/hc0vaNjYzkgQa+YuJ1T",
  "FqDLf81YfaUKsLLerL3zA5pe5BsDGssam7CEL1jkU8I/iyX8G+rO8JRZ+3ai3tgxYwxA4rLGfqyolmZ6vPnZa1ZibfW82XhX",
  "pG5/mKoX+UYATe8oOW/bz6eRqZlGl8jNTOVzcVM+JFS1P0zWi3wcUGfV6oyYiCfl8Yl4nljRqH8KLPJGvW9752m63hEjRgwG",
  "zVWri+u9atK5xU+CZSrrHF5/8Mc/a+hFvsFA1isnbn/DR/iuezGoIz8XAiY3v8Pd/l18gKc09CLfYNBclNzC2B5X7sai/Pyi",
  "jSuAGHd71x7G3tTQi4kDzUXJEkVtSk8dYyUaepEPAel6ke8SvnZPBg+4EEfG03S9cXG9e4PemvP7jP0LQgiWqtvpepHPACSv",
  "Oa9l7DehAL7F2NpPyXp7G4BEvci3ibFlviVU+laHY/Uifxbl9WxcmHmBrNcA1NhSqPafaKSv5CPI4+lAu56GtSBZL2YQaG0p",
  "4Chd5XPHrXKMSwPa9X2M7SbrRb5BQNbLU8qYrzTjQ+EA2vW9OFaT9T4wCAF1dowO4WwnIzTAjCyW9AFVL+YbEEDvjZ6LfthH",
  "CnxBVpsoNrtegL3Em89cL/L1ALJeXJQ8xlit7w0XPc45lqZTr9cydoSqF/l6gM6GIH6Ij/oPJ2kOR1o6UK+XMVZD1Yt8EpCi",
  "lx/1+y1jiyHELGbsBFVvDwOQpJdvWL7IWHGogMU4p6PqNQDp+73dBkjUi4kCql6+39tdiql6e0RFISBRL9+NVnYSzfBOQtUb",
  "xQF1tvNVw4xuruEwQ9WLuReoevl2/oeKgVo3OFAfoOqNuvf74UDVy7fzVZ86zfBP3dtUvcgXDlqnNbBY2BsaIC8WyHrDwzkg",
  "Ua84DqEotzTDyy2yXgFI1StOQ1RbrIzTgmXiDrJeCahzGOdDRcmvlWxcHDxA1hsePnAgkPXy0xrxOGl6S/nuZ/uhZJhNmuh6",
  "kQ8Btc5abWesTHXjbXk+a6mFHWUm0842ut6BHFDvrFW7euJehaVzo6vrZ1ejQ9md+MT9Al2vAUjUKw+TqJc+cvj25p78nfKn",
  "nTl7+OZnjnrpQ0MvZgroHaW76U3sJi7Fau+zosBP5euAqfKfinXDSuwiNRp6B06ZchtoHaV76IZnSpWbIpBRVe+5DFjfqPhf",
  "8K0TZ6uGXuSTgES94jDOr/B1e1X1/rvWXJsn6ebVrlHhQTq+mK/r6EU+DkjWKw67PPOa+WBdeaUov7Hoisvk17iqUNKqoxcT",
  "DRp65WGXv+A6/bpgBul1+IevaOlFvmjQ0SsPu5zE2eROfb5CnIe+pKc3OloA0vXKwzgNTtwKdunyuXCT2Pl7Pb0CcJwXXwC9",
  "8rBQO456q7P1+FLwBcx6RVOvBNTSKw/jHGTas6dt+Cc7dPVGR/94LOjpladdIrdzQo2yJpvztWnrRT4DkK5Xnib55Ut4w9Xk",
  "99CFftnTvbX1jh0rAbX0ytMap07yk0XEvlyYx/la9fUagJp65WmIT7nllaTxcB1f52r7XRB6MTGgrdd9HGIXr2CSXw2El871",
  "Zu3wfP3IesfGxMSAvl73dv7LTr6Cml9puZeYw1danS8HpzdGAvrojQ+o172f2nCSHxlcVme69bSwbhU/TPj0H4LUKwGD0eve",
  "ELxaIqqXtHWKCUjKlW1z+W9f+1PQejH3g67euz32eydHnDrhFBXWqrR9e72O5+3bukz8wvl6a/B6kW8SBKn3+obgqZoS94HL",
  "gtoyfsCx7FqB+0hmSU1rXAh6kU8CBqW3a0PwdNta1QnRtW0XvGsDbb3IJwCpeid46/Xc0Xph125nUhdbknP3jgN6pdVtqscn",
  "AEPQ671j9PaBIzUnPvroRM2RC//QmxiZ6Z006a67IES9/jtGsX7zyqD1Ip8EDE0vfUtBVy/yTYfu0Utfc9bRi3wIaGO906dP",
  "nwV21ot808DOemfNmjYN7KwX+TigffViEsHOepEvEeysF/kkoF31JhqA3ag3rlv1SkAb6xWAdtabmDhzJthZL/IJQNvqnSkB",
  "7atXAlrrffiz1Mvzf56RPgUOY5INAAAAAElFTkSuQmCC",
].join("");

/** A card as fal's trainer publishes them: instance_prompt, licence, widget with an output. */
export const PLUSHIE_README = `---
tags:
- flux
- image-to-image
- lora
base_model: ${KONTEXT}
instance_prompt: Convert to plushie style
license: other
license_name: flux-1-dev-non-commercial-license
license_link: LICENSE.md
widget:
- text: Convert to plushie style
  output:
    url: images/plushie-1.png
- text: Make the cat a plushie
  output:
    url: https://evil.example.com/tracker.png
---
# Plushie Kontext Dev LoRA

Use the prompt \`Convert to plushie style\`.
`;

/** The repositories of the fake Hub used by the tests. */
export const FAKE_MODELS: FakeModel[] = [
  {
    id: "fal/Plushie-Kontext-Dev-LoRA",
    downloads: 5_000,
    likes: 90,
    tags: ["diffusers", "lora", ADAPTER_TAG, `base_model:${KONTEXT}`, "license:other"],
    cardData: {
      base_model: KONTEXT,
      instance_prompt: "Convert to plushie style",
      license: "other",
    },
    readme: PLUSHIE_README,
    files: [
      { path: ".gitattributes", size: 1_600 },
      { path: "README.md", size: PLUSHIE_README.length },
      { path: "LICENSE.md", size: 3_000 },
      { path: "plushie-kontext-dev-lora.safetensors", size: 306 * MB },
      { path: "images/plushie-1.png", size: 3_417, base64: PLUSHIE_PNG_BASE64 },
    ],
  },
  {
    id: "someone/Widget-Only",
    downloads: 40,
    likes: 3,
    tags: ["lora", "base_model:adapter:black-forest-labs/FLUX.1-dev"],
    readme: `---\nbase_model:\n- black-forest-labs/FLUX.1-dev\nlicense: apache-2.0\nwidget:\n- text: a watercolor painting, wtrclr style\n---\nbody\n`,
    files: [
      { path: "checkpoints/step-500.safetensors", size: 150 * MB },
      { path: "full-model.safetensors", size: 23_800 * MB },
      { path: "old.ckpt", size: 150 * MB },
      { path: "wtrclr.safetensors", size: 150 * MB },
      { path: "samples/a.jpg", size: 300_000 },
    ],
  },
  {
    id: "someone/No-Card",
    downloads: 1,
    likes: 0,
    tags: ["lora"],
    readme: null,
    files: [{ path: "lora.safetensors", size: 50 * MB }],
  },
  {
    id: "someone/Hostile-Card",
    tags: ["lora", ADAPTER_TAG],
    readme: `---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\n`,
    cardData: { instance_prompt: "from the api card data", base_model: KONTEXT },
    files: [{ path: "lora.safetensors", size: 20 * MB }],
  },
  {
    id: "someone/New-Name",
    downloads: 7,
    tags: ["lora", ADAPTER_TAG],
    readme: `---\ninstance_prompt: renamed trigger\nbase_model: ${KONTEXT}\n---\n`,
    files: [{ path: "renamed.safetensors", size: 10 * MB }],
  },
  {
    id: "someone/Private-LoRA",
    private: true,
    tags: ["lora", ADAPTER_TAG],
    readme: `---\ninstance_prompt: secret trigger\nbase_model: ${KONTEXT}\n---\n`,
    files: [{ path: "private.safetensors", size: 10 * MB }],
  },
  {
    id: "someone/Gated-LoRA",
    gated: "manual",
    tags: ["lora", ADAPTER_TAG],
    readme: `---\ninstance_prompt: gated trigger\nbase_model: ${KONTEXT}\n---\n`,
    files: [{ path: "gated.safetensors", size: 10 * MB }],
  },
  {
    id: "someone/SDXL-LoRA",
    tags: ["lora", "base_model:adapter:stabilityai/stable-diffusion-xl-base-1.0"],
    readme: `---\nbase_model: stabilityai/stable-diffusion-xl-base-1.0\ninstance_prompt: sdxl style\n---\n`,
    files: [
      { path: "sdxl.safetensors", size: 200 * MB },
      // Named like an image, but HTML: the image route must refuse it by its bytes.
      {
        path: "images/not-an-image.png",
        size: 38,
        base64: Buffer.from("<html><script>alert(1)</script></html>").toString("base64"),
      },
    ],
  },
  ...Array.from(
    { length: 45 },
    (_, index): FakeModel => ({
      id: `kontext-maker/Style-${String(index + 1).padStart(2, "0")}-Kontext-LoRA`,
      downloads: 1_000 - index * 10,
      likes: index,
      createdAt: new Date(Date.UTC(2025, 6, 1 + index)).toISOString(),
      tags: ["lora", ADAPTER_TAG],
      cardData: {
        base_model: KONTEXT,
        instance_prompt: `Turn this into style ${index + 1}`,
        license: "apache-2.0",
        widget: [{ text: "x", output: { url: `images/${index + 1}.png` } }],
      },
      readme: `---\ninstance_prompt: Turn this into style ${index + 1}\nbase_model: ${KONTEXT}\n---\n`,
      files: [{ path: `style-${index + 1}.safetensors`, size: 100 * MB }],
    }),
  ),
];

/** Renamed repositories: old id → new id. */
export const FAKE_RENAMES: Record<string, string> = { "someone/Old-Name": "someone/New-Name" };
