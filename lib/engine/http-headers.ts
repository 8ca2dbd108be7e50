/** Header the proxy sets to tell the local engine which origin the caller sees. */
export const PUBLIC_ORIGIN_HEADER = "x-fal-local-public-origin";
