// The share link's address, apart from its codec (fflate): pages that only read or strip the
// parameter do not load the code that encodes or decodes a recipe.

/** The share page's path. */
export const SHARE_PATH = "/share";
/** The query parameter that carries the token. */
export const SHARE_PARAM = "r";
